import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubAdminCalls } from '@/sync/hubAdminCalls';
import { enrollTestDevice, push, testAccount, userCreated } from '../server/hubCalls';
import { startTestHub, type TestHub } from '../server/hubTestServer';

describe('[P23] [P45] IT’s device administration from the app, against the real hub', () => {
  let hub: TestHub;
  const admin = testAccount('it.perangkat', 'admin');
  const clerk = testAccount('rina.meja', 'registration');
  beforeAll(async () => {
    hub = await startTestHub();
    const itPc = await enrollTestDevice(hub, 'IT1');
    const created = await push(hub, itPc.token, [await userCreated(admin), await userCreated(clerk)]);
    expect(created.body.results.map((result) => result.status)).toEqual(['accepted', 'accepted']);
  });
  afterAll(async () => {
    await hub.close();
  });

  const callsTo = (url: string | undefined) =>
    createHubAdminCalls(
      () => url,
      () => ({ fetch, now: () => Date.now(), appOrigin: 'http://localhost' }),
    );

  it('says so when no hub is in reach, and asks for a session before anything else', async () => {
    expect(await callsTo(undefined).signIn(admin.username, admin.passphrase)).toEqual({
      ok: false,
      error: { kind: 'notConnected' },
    });
    expect(await callsTo(hub.url).devices()).toEqual({ ok: false, error: { kind: 'signedOut' } });
  });

  it('refuses a wrong passphrase and an account that is not IT’s, by the hub’s code', async () => {
    const calls = callsTo(hub.url);
    const wrong = await calls.signIn(admin.username, 'bukan kata sandinya sama sekali');
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'auth', code: 'admin_sign_in_failed' } });
    const notIt = await calls.signIn(clerk.username, clerk.passphrase);
    expect(notIt).toMatchObject({ ok: false, error: { kind: 'auth', code: 'admin_sign_in_failed' } });
    expect(calls.isSignedIn()).toBe(false);
  });

  it('issues a code with a profile, lists the device it enrolled and changes its profile', async () => {
    const calls = callsTo(hub.url);
    expect((await calls.signIn(admin.username, admin.passphrase)).ok).toBe(true);
    const issued = await calls.issueCode({ kind: 'clinic', polis: ['UMU'] });
    if (!issued.ok) throw new Error(JSON.stringify(issued.error));
    expect(issued.value.profile).toEqual({ kind: 'clinic', polis: ['UMU'] });
    const tablet = await enrollTestDevice(hub, 'PU1', issued.value.code);

    const listed = await calls.devices();
    if (!listed.ok) throw new Error(JSON.stringify(listed.error));
    expect(listed.value.find((device) => device.deviceId === tablet.deviceId)?.profile).toEqual({
      kind: 'clinic',
      polis: ['UMU'],
    });
    const changed = await calls.setProfile(tablet.deviceId, { kind: 'desk' });
    expect(changed).toMatchObject({ ok: true, value: { deviceCode: 'PU1', profile: { kind: 'desk' } } });
    const refused = await calls.setProfile(tablet.deviceId, { kind: 'clinic', polis: ['XYZ'] });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'protocol', status: 400, code: 'invalid_request' },
    });
  });

  it('forgets an ended session, so IT is asked for the passphrase again', async () => {
    const calls = callsTo(hub.url);
    expect((await calls.signIn(admin.username, admin.passphrase)).ok).toBe(true);
    hub.db.prepare('DELETE FROM admin_sessions').run();
    expect(await calls.devices()).toEqual({ ok: false, error: { kind: 'signedOut' } });
    expect(calls.isSignedIn()).toBe(false);
  });
});
