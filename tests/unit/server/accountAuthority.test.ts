import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { eventAt } from '../domain/eventFactory';
import { enrollTestDevice, push, testAccount, userCreated, type EnrolledTestDevice } from './hubCalls';
import { startTestHub, type TestHub } from './hubTestServer';

/** An event as made on `device` by the account `userId`. */
function by(event: DomainEvent, userId: string, device: EnrolledTestDevice): DomainEvent {
  return { ...event, deviceId: device.deviceId, actor: { ...event.actor, userId, role: 'admin' } };
}

/** The admin account IT creates when setting a device up: it creates itself, on that device. */
async function bootstrapAdmin(device: EnrolledTestDevice, username: string) {
  const account = testAccount(username, 'admin');
  return { account, event: by(await userCreated(account), account.userId, device) };
}

const statuses = (answer: { body: { results: { status: string; code?: string }[] } }) =>
  answer.body.results.map(({ status, code }) => (code ? `${status}:${code}` : status));

describe('[P24] who may create and change accounts, over HTTP and a real SQLite file', () => {
  let hub: TestHub;
  let desk: EnrolledTestDevice;
  let tablet: EnrolledTestDevice;
  beforeAll(async () => {
    hub = await startTestHub();
    desk = await enrollTestDevice(hub, 'PD1');
    tablet = await enrollTestDevice(hub, 'POL');
  });
  afterAll(async () => {
    await hub.close();
  });

  it('[P24] refuses account events from an actor the hub does not know as an admin', async () => {
    const forged = await userCreated(testAccount('penyusup', 'registration')); // actor u1: unknown
    const answer = await push(hub, desk.token, [forged]);
    expect(statuses(answer)).toEqual(['rejected:account_authority']);
    expect(answer.body.results[0]).toMatchObject({ field: 'actor.userId' });
  });

  it('[P24] accepts one bootstrap admin per device, from that device, then accounts it creates', async () => {
    const { account: it1, event: bootstrap } = await bootstrapAdmin(desk, 'it-pd1');
    const clerk = by(await userCreated(testAccount('rina.p', 'registration')), it1.userId, desk);
    expect(statuses(await push(hub, desk.token, [bootstrap, clerk]))).toEqual(['accepted', 'accepted']);
    // Resent: duplicates, not refusals.
    expect(statuses(await push(hub, desk.token, [bootstrap, clerk]))).toEqual(['duplicate', 'duplicate']);

    // A second self-made admin from the same device is not a bootstrap any more.
    const { event: second } = await bootstrapAdmin(desk, 'it-lagi');
    expect(statuses(await push(hub, desk.token, [second]))).toEqual(['rejected:account_authority']);
    // Nor is one claiming another device.
    const { event: elsewhere } = await bootstrapAdmin(desk, 'it-pol');
    expect(statuses(await push(hub, tablet.token, [elsewhere]))).toEqual(['rejected:account_authority']);

    // The known admin may change an account from any enrolled device.
    const change = by(eventAt('user.changed', uuidv7(), '09:00', { active: false }), it1.userId, tablet);
    const rina = hub.db.prepare("SELECT user_id FROM users WHERE username = 'rina.p'").get() as {
      user_id: string;
    };
    const deactivate = { ...change, entityId: rina.user_id };
    // Not with the push-only token a locked (or stolen) device can read, even for a known admin.
    expect(statuses(await push(hub, tablet.pushToken, [deactivate]))).toEqual(['rejected:account_authority']);
    expect(statuses(await push(hub, tablet.token, [deactivate]))).toEqual(['accepted']);
  });
});
