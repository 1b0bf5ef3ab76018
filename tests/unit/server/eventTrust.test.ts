import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, signingBytes, type DomainEvent } from '@/domain';
import {
  exportSigningPublicKey,
  generateSigningKeyPair,
  signBytes,
  signingKeyId,
} from '@/lib/crypto/signing';
import { uuidv7 } from '@/lib/ids';
import type { Signer } from '@/storage';
import { eventAt, visitRegistered } from '../domain/eventFactory';
import { signedByNamedPerson, TEST_PEOPLE, testActor } from '../testAccounts';
import {
  accountSecrets,
  call,
  push,
  signedBy,
  testAccount,
  userCreated,
  type EnrolledTestDevice,
} from './hubCalls';
import { startTestHub, TEST_ENROLLMENT_CODE, type TestHub } from './hubTestServer';

async function newSigner(): Promise<Signer & { publicKey: string }> {
  const pair = await generateSigningKeyPair(false);
  const publicKey = await exportSigningPublicKey(pair.publicKey);
  return { publicKey, keyId: await signingKeyId(publicKey), privateKey: pair.privateKey };
}

/** A device enrolled as the app enrolls one: with its own public signing key [P33]. */
async function enrollDevice(hub: TestHub, deviceCode: string, code = TEST_ENROLLMENT_CODE) {
  const signer = await newSigner();
  const deviceId = uuidv7();
  const answer = await call<EnrolledTestDevice>(hub, '/api/v1/enroll', {
    body: { code, deviceId, deviceCode, signingKey: signer.publicKey },
  });
  if (answer.status !== 201) throw new Error(`enrollment failed: ${JSON.stringify(answer.body)}`);
  return { ...answer.body, signer };
}

/** Signs exactly what it is given, with whatever key the test chooses (forgeries included). */
async function signWith(event: DomainEvent, person: Signer, device?: Signer): Promise<DomainEvent> {
  const { signature: _old, deviceSignature: _oldDevice, ...unsigned } = event;
  const bytes = signingBytes(unsigned);
  return {
    ...unsigned,
    signature: { keyId: person.keyId, value: await signBytes(person.privateKey, bytes) },
    ...(device
      ? { deviceSignature: { keyId: device.keyId, value: await signBytes(device.privateKey, bytes) } }
      : {}),
  };
}

const person = (role: keyof typeof TEST_PEOPLE): Signer => TEST_PEOPLE[role];

const outcome = (answer: { body: { results: { status: string; code?: string; field?: string }[] } }) =>
  answer.body.results.map(({ status, code, field }) =>
    code ? `${status}:${code}${field ? `@${field}` : ''}` : status,
  );

describe('[P32] [P33] the hub trusts no claim: forgeries refused with their reason, nothing stored', () => {
  let hub: TestHub;
  let desk: Awaited<ReturnType<typeof enrollDevice>>;
  let tablet: Awaited<ReturnType<typeof enrollDevice>>;
  beforeAll(async () => {
    hub = await startTestHub();
    desk = await enrollDevice(hub, 'PD1');
    tablet = await enrollDevice(hub, 'POL');
  });
  afterAll(async () => {
    await hub.close();
  });

  const stored = (id: string) => hub.db.prepare('SELECT 1 FROM events WHERE id = ?').get(id) !== undefined;
  /** Sends as the desk does, raw: no helper signs anything here. */
  const send = (events: DomainEvent[], token = desk.token) =>
    call<{ results: { status: string; code?: string; field?: string }[] }>(hub, '/api/v1/events', {
      token,
      body: { events },
    });
  const onDesk = (event: DomainEvent): DomainEvent => ({
    ...event,
    deviceId: desk.deviceId,
    deviceCode: 'PD1',
  });

  it('[P32] refuses an unsigned event', async () => {
    const event = onDesk(visitRegistered(uuidv7(), '08:00'));
    expect(outcome(await send([event]))).toEqual(['rejected:bad_signature@signature']);
    expect(stored(event.id)).toBe(false);
  });

  it('[P32] refuses another person: an event naming the nurse, signed with the clerk’s key', async () => {
    const event = await signWith(
      onDesk({ ...visitRegistered(uuidv7(), '08:01'), actor: testActor('clinician') }),
      person('registration'),
    );
    expect(outcome(await send([event]))).toEqual(['rejected:bad_signature@actor.userId']);
    expect(stored(event.id)).toBe(false);
  });

  it('[P32] refuses an unknown person: a key no account holds', async () => {
    const stranger = await newSigner();
    const event = await signWith(
      onDesk({
        ...visitRegistered(uuidv7(), '08:02'),
        actor: { userId: uuidv7(), name: 'Orang Asing', role: 'registration' },
      }),
      stranger,
    );
    expect(outcome(await send([event]))).toEqual(['rejected:unknown_signer@signature']);
    expect(stored(event.id)).toBe(false);
  });

  it('[P32] refuses another role: the clerk signing as a clinician gets no clinician rights', async () => {
    const event = await signWith(
      onDesk({
        ...visitRegistered(uuidv7(), '08:03'),
        actor: { ...testActor('registration'), role: 'clinician' },
      }),
      person('registration'),
    );
    expect(outcome(await send([event]))).toEqual(['rejected:forbidden@actor.role']);
    expect(stored(event.id)).toBe(false);
  });

  it('[P32] refuses a signed event replayed with changed content, and a changed resend of a stored one', async () => {
    const original = await signWith(onDesk(visitRegistered(uuidv7(), '08:04')), person('registration'));
    const changed = { ...original, payload: { ...original.payload, visitType: 'baru' } } as DomainEvent;
    expect(outcome(await send([changed]))).toEqual(['rejected:bad_signature@signature']);
    expect(stored(original.id)).toBe(false);
    expect(outcome(await send([original]))).toEqual(['accepted']);
    // The same id again, changed and signed anew by its author: the stored event stays as it was.
    const rewritten = await signWith(changed, person('registration'));
    expect(outcome(await send([rewritten, original]))).toEqual(['conflict', 'duplicate']);
    const body = hub.db
      .prepare<[string], { body: string }>('SELECT body FROM events WHERE id = ?')
      .get(original.id)!;
    expect((JSON.parse(body.body) as DomainEvent).payload).toMatchObject({ visitType: 'lama' });
  });

  it('[P32] refuses an audit entry in another person’s name', async () => {
    const event = await signWith(
      onDesk({
        ...eventAt('audit.recorded', uuidv7(), '08:05', { action: 'signed_in' }),
        actor: testActor('recovery'),
      }),
      person('registration'),
    );
    expect(outcome(await send([event]))).toEqual(['rejected:bad_signature@actor.userId']);
    expect(stored(event.id)).toBe(false);
  });

  it('[P27] [P32] refuses delivery started by a clerk in her own name', async () => {
    const event = await signWith(
      onDesk({
        ...eventAt('delivery.started', uuidv7(), '08:06', { target: 'simrs' }),
        actor: testActor('registration'),
      }),
      person('registration'),
    );
    expect(outcome(await send([event]))).toEqual(['rejected:forbidden@actor.role']);
    expect(stored(event.id)).toBe(false);
  });

  it('[P32] refuses self-promotion: the clerk making herself an admin', async () => {
    const event = await signWith(
      onDesk({
        ...eventAt('user.changed', TEST_PEOPLE.registration.userId, '08:07', { role: 'admin' }),
        actor: testActor('registration'),
      }),
      person('registration'),
    );
    expect(outcome(await send([event]))).toEqual(['rejected:account_authority@actor.userId']);
    expect(stored(event.id)).toBe(false);
    expect(
      hub.db.prepare('SELECT role FROM users WHERE user_id = ?').get(TEST_PEOPLE.registration.userId),
    ).toEqual({
      role: 'registration',
    });
  });

  it('[P34] refuses an account takeover: the clerk setting the admin’s passphrase and key', async () => {
    const secrets = await accountSecrets(TEST_PEOPLE.admin.userId, 'kata sandi curian penyusup');
    const event = await signWith(
      onDesk({
        ...eventAt('user.passphrase_set', TEST_PEOPLE.admin.userId, '08:08', secrets.payload),
        actor: testActor('registration'),
      }),
      person('registration'),
    );
    expect(outcome(await send([event]))).toEqual(['rejected:account_authority@actor.userId']);
    expect(stored(event.id)).toBe(false);
    // Nor can the takeover's key sign for the admin afterwards.
    const asAdmin = await signWith(
      onDesk({ ...visitRegistered(uuidv7(), '08:09'), actor: testActor('admin') }),
      secrets.signer,
    );
    expect(outcome(await send([asAdmin]))).toEqual(['rejected:unknown_signer@signature']);
  });

  it('[P34] refuses a key that already belongs to another account, even from an admin', async () => {
    const secrets = await accountSecrets(TEST_PEOPLE.registration.userId, 'kunci orang lain dipinjam');
    const event = await signWith(
      onDesk({
        ...eventAt('user.passphrase_set', TEST_PEOPLE.registration.userId, '08:09', {
          ...secrets.payload,
          signingKey: TEST_PEOPLE.clinician.publicKey,
        }),
        actor: testActor('admin'),
      }),
      person('admin'),
    );
    expect(outcome(await send([event]))).toEqual(['rejected:invalid_event@payload.signingKey']);
    expect(stored(event.id)).toBe(false);
  });

  it('[P33] refuses an event naming another enrolled device unless that device signed it', async () => {
    const onTablet = (event: DomainEvent): DomainEvent => ({
      ...event,
      deviceId: tablet.deviceId,
      deviceCode: 'POL',
    });
    const claimed = await signWith(onTablet(visitRegistered(uuidv7(), '08:10')), person('registration'));
    const wrongDevice = await signWith(
      onTablet(visitRegistered(uuidv7(), '08:11')),
      person('registration'),
      desk.signer,
    );
    const relayed = await signWith(
      onTablet(visitRegistered(uuidv7(), '08:12')),
      person('registration'),
      tablet.signer,
    );
    expect(outcome(await send([claimed, wrongDevice, relayed]))).toEqual([
      'rejected:bad_signature@deviceSignature',
      'rejected:bad_signature@deviceSignature',
      'accepted',
    ]);
    expect([claimed, wrongDevice].map((event) => stored(event.id))).toEqual([false, false]);
  });

  it('[P32] refuses events from an inactive account, as recorded after it was deactivated', async () => {
    const account = testAccount('dewi.lama', 'clinician');
    const created = await signedByNamedPerson(onDesk(await userCreated(account)));
    expect(outcome(await send([created]))).toEqual(['accepted']);
    const deactivated = await signedByNamedPerson(
      onDesk(eventAt('user.changed', account.userId, '09:00', { active: false })),
    );
    expect(outcome(await send([deactivated]))).toEqual(['accepted']);
    const late = await signedBy(
      account,
      onDesk({
        ...eventAt('audit.recorded', uuidv7(), '09:30', { action: 'signed_in' }),
        actor: { userId: account.userId, name: 'Petugas Uji', role: 'clinician' },
      }),
    );
    expect(outcome(await send([late]))).toEqual(['rejected:forbidden@actor.userId']);
    expect(stored(late.id)).toBe(false);
  });

  it('[P34] stores and relays an account without its secrets; the hub alone keeps them', async () => {
    const account = testAccount('sari.baru', 'records');
    const created = await signedByNamedPerson(onDesk(await userCreated(account)));
    expect(outcome(await send([created]))).toEqual(['accepted']);
    const body = hub.db
      .prepare<[string], { body: string }>('SELECT body FROM events WHERE id = ?')
      .get(created.id)!.body;
    expect(body).not.toContain('verifier');
    expect(body).not.toContain('salt');
    expect(JSON.parse(body)).toMatchObject({ payload: { credentialsDigest: expect.any(String) as unknown } });
    const pulled = pullResponseSchema.parse(
      (await call(hub, '/api/v1/events?after=', { token: tablet.token })).body,
    );
    const relayed = JSON.stringify(pulled.events.find((event) => (event as DomainEvent).id === created.id));
    expect(relayed).not.toContain('verifier');
    expect(relayed).not.toContain('signingKeyBox');
    const kept = hub.db
      .prepare<[string], { credentials: string }>('SELECT credentials FROM users WHERE user_id = ?')
      .get(account.userId)!;
    expect(JSON.parse(kept.credentials)).toMatchObject({ verifier: expect.any(String) as unknown });

    // Secrets that do not match their digest, or a new account without a key, are refused.
    const other = testAccount('sari.palsu', 'records');
    const forged = await userCreated(other);
    const mismatched = await signedByNamedPerson(
      onDesk({ ...forged, payload: { ...forged.payload, credentialsDigest: 'A'.repeat(43) } } as DomainEvent),
    );
    const { signingKey: _key, ...keyless } = forged.payload as { signingKey: string };
    const withoutKey = await signedByNamedPerson(
      onDesk({ ...forged, id: uuidv7(), payload: keyless } as DomainEvent),
    );
    expect(outcome(await send([mismatched, withoutKey]))).toEqual([
      'rejected:invalid_event@payload.credentialsDigest',
      'rejected:invalid_event@payload.signingKey',
    ]);
  });

  it('[P34] lets a person set their own passphrase with their own key; the new key signs from then on', async () => {
    const account = testAccount('rudi.p', 'registration');
    expect(outcome(await send([await signedByNamedPerson(onDesk(await userCreated(account)))]))).toEqual([
      'accepted',
    ]);
    const renewed = await accountSecrets(account.userId, 'kata sandi baru rudi sendiri');
    const change = await signedBy(
      account,
      onDesk({
        ...eventAt('user.passphrase_set', account.userId, '10:00', renewed.payload),
        actor: { userId: account.userId, name: 'Petugas Uji', role: 'registration' },
      }),
    );
    const next = await signWith(
      onDesk({
        ...visitRegistered(uuidv7(), '10:01'),
        actor: { userId: account.userId, name: 'Petugas Uji', role: 'registration' },
      }),
      renewed.signer,
    );
    expect(outcome(await send([change, next]))).toEqual(['accepted', 'accepted']);
  });
});

describe('[P35] the hospital’s first admin, let in once', () => {
  const FIRST_ADMIN_CODE = 'ADMIN-PERTAMA-9';
  let hub: TestHub | undefined;
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
  });

  /** IT's own admin account as a device's set-up makes it: signed by its own new key. */
  async function selfMadeAdmin(device: Awaited<ReturnType<typeof enrollDevice>>, username: string) {
    const account = testAccount(username, 'admin');
    const secrets = await accountSecrets(account.userId, account.passphrase);
    account.signer = secrets.signer;
    const made = eventAt('user.created', account.userId, '07:00', {
      username,
      displayName: 'IT Rumah Sakit',
      role: 'admin',
      ...secrets.payload,
    });
    const event = await signedBy(account, {
      ...made,
      deviceId: device.deviceId,
      deviceCode: device.deviceCode,
      actor: { userId: account.userId, name: 'IT Rumah Sakit', role: 'admin' },
    });
    return { account, event };
  }

  it('takes it only from the device enrolled with the first-admin code, once, with a session', async () => {
    hub = await startTestHub({ firstAdminCode: FIRST_ADMIN_CODE });
    // An ordinary enrollment code is not enough to bring an admin.
    const ordinary = await enrollDevice(hub, 'PD9');
    const early = await selfMadeAdmin(ordinary, 'it-penyusup');
    expect(outcome(await push(hub, ordinary.token, [early.event]))).toEqual([
      'rejected:account_authority@actor.userId',
    ]);

    const first = await enrollDevice(hub, 'PD1', FIRST_ADMIN_CODE);
    const admin = await selfMadeAdmin(first, 'it-rs');
    expect(outcome(await push(hub, first.pushToken, [admin.event]))).toEqual([
      'rejected:account_authority@actor.userId',
    ]);
    // With the session's token: the admin, and at once an account the admin creates.
    const clerk = testAccount('rina.p', 'registration');
    const clerkMade = await signedBy(admin.account, {
      ...(await userCreated(clerk)),
      deviceId: first.deviceId,
      deviceCode: 'PD1',
      actor: { userId: admin.account.userId, name: 'IT Rumah Sakit', role: 'admin' },
    });
    expect(outcome(await push(hub, first.token, [admin.event, clerkMade]))).toEqual(['accepted', 'accepted']);

    // Once there is an admin, no device brings another self-made one — not even with the code.
    const again = await selfMadeAdmin(first, 'it-kedua');
    const late = await enrollDevice(hub, 'PD2', FIRST_ADMIN_CODE);
    const lateAdmin = await selfMadeAdmin(late, 'it-ketiga');
    expect(outcome(await push(hub, first.token, [again.event]))).toEqual([
      'rejected:account_authority@actor.userId',
    ]);
    expect(outcome(await push(hub, late.token, [lateAdmin.event]))).toEqual([
      'rejected:account_authority@actor.userId',
    ]);
    expect(hub.db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin'").get()).toEqual({ n: 1 });
  });
});
