import {
  credentialsDigest,
  makeEvent,
  NOW,
  Reason,
  resolveWhen,
  type CaptureContext,
  type DomainEvent,
  type EventType,
  type PassphraseVerifier,
  type PayloadOf,
  type Role,
} from '@/domain';
import type { Clock } from '@/lib/clock';
import { err, ok, type Result } from '@/lib/result';
import type { FieldProblem } from '@/domain';
import type { SiagaDb } from '../db';
import { findUserByUsername } from '../users';
import { runCommand } from './runCommand';

/** One event of the current moment, as a person did it here. */
function eventNow<T extends EventType>(
  context: CaptureContext,
  type: T,
  entityId: string,
  payload: PayloadOf<T>,
): Result<{ events: DomainEvent[] }, FieldProblem[]> {
  const time = resolveWhen(NOW, context, '');
  if (!time.ok) return err([time.error]);
  const event = makeEvent(context, { type, entityId, time: time.value, source: 'direct', payload });
  return event.ok ? ok({ events: [event.value] }) : event;
}

/**
 * An admin creates an account; the username must be free on this device (the hub checks too).
 * The event carries the account's public signing key and its secrets with their digest: the hub
 * keeps the secrets, every other device gets the event without them [P34].
 */
export function recordUserCreated(
  db: SiagaDb,
  account: {
    userId: string;
    username: string;
    displayName: string;
    role: Role;
    signingKey: string;
    credentials: PassphraseVerifier;
  },
  clock?: Clock,
) {
  return runCommand(
    db,
    async (context) => {
      if (await findUserByUsername(db, account.username))
        return err([{ field: 'username', reason: Reason.UsernameTaken }]);
      const { userId, ...payload } = account;
      return eventNow(context, 'user.created', userId, {
        ...payload,
        credentialsDigest: await credentialsDigest(account.credentials),
      });
    },
    clock,
  );
}

export function recordUserChanged(
  db: SiagaDb,
  userId: string,
  changes: PayloadOf<'user.changed'>,
  clock?: Clock,
) {
  return runCommand(
    db,
    (context) => Promise.resolve(eventNow(context, 'user.changed', userId, changes)),
    clock,
  );
}

/** A new passphrase, always with a new signing key for the account (decision 0010). */
export function recordPassphraseSet(
  db: SiagaDb,
  userId: string,
  secrets: { signingKey: string; credentials: PassphraseVerifier },
  clock?: Clock,
) {
  return runCommand(
    db,
    async (context) =>
      eventNow(context, 'user.passphrase_set', userId, {
        ...secrets,
        credentialsDigest: await credentialsDigest(secrets.credentials),
      }),
    clock,
  );
}

/** An entry in the audit trail: who viewed, printed or exported what, and sign-ins. */
export function recordAudit(db: SiagaDb, entry: PayloadOf<'audit.recorded'>, clock?: Clock) {
  return runCommand(
    db,
    (context) => Promise.resolve(eventNow(context, 'audit.recorded', context.newId(), entry)),
    clock,
  );
}
