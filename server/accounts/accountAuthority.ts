import { EventRejection } from '@/domain/sync/hubRefusals';
import type { DomainEvent } from '@/domain';
import type { HubDatabase } from '../db/openHubDatabase';
import { getHubUser } from './userStore';

type Refusal = { code: typeof EventRejection.AccountAuthority; message: string; field: string };

/**
 * Who may change accounts, as the hub sees it [P24]. An event's actor is what the device says,
 * so a device token alone must not be enough to make someone an admin: a `user.*` event needs
 * an actor the hub already knows as an active admin (or an admin introduced earlier in the same
 * batch). Two exceptions: a person setting their own passphrase, and a device's bootstrap — the
 * admin account IT creates when setting the device up, which creates itself — accepted once per
 * device, from that device. And never with the push-only token.
 */
export function accountAuthorityProblem(
  db: HubDatabase,
  event: DomainEvent,
  submittingDeviceId: string,
  fullToken: boolean,
  adminsInBatch: ReadonlySet<string>,
): Refusal | undefined {
  if (!event.type.startsWith('user.')) return undefined;
  // A resent event is a duplicate, whatever has changed since: the store answers for it.
  if (db.prepare('SELECT 1 FROM events WHERE id = ?').get(event.id)) return undefined;
  // The push-only token is readable on a locked (or stolen) device; the full token is encrypted
  // under the device key, so only a signed-in session can send account changes.
  if (!fullToken)
    return {
      code: EventRejection.AccountAuthority,
      message: 'Account changes are accepted only from a signed-in device (full token).',
      field: 'type',
    };
  const actor = event.actor.userId;
  const known = getHubUser(db, actor);
  if ((known?.active && known.role === 'admin') || adminsInBatch.has(actor)) return undefined;
  if (
    event.type === 'user.passphrase_set' &&
    actor === event.entityId &&
    (known?.active || adminsInBatch.has(actor))
  )
    return undefined;
  if (isBootstrap(db, event, submittingDeviceId)) return undefined;
  return {
    code: EventRejection.AccountAuthority,
    message: 'Only an admin account known to the hub may create or change accounts.',
    field: 'actor.userId',
  };
}

function isBootstrap(db: HubDatabase, event: DomainEvent, submittingDeviceId: string): boolean {
  if (event.type !== 'user.created') return false;
  if (event.payload.role !== 'admin' || event.actor.userId !== event.entityId) return false;
  if (event.deviceId !== submittingDeviceId) return false;
  const earlier = db
    .prepare(
      `SELECT 1 FROM events WHERE type = 'user.created' AND device_id = ?
         AND json_extract(body, '$.actor.userId') = entity_id LIMIT 1`,
    )
    .get(submittingDeviceId);
  return earlier === undefined;
}
