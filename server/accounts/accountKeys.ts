import { createHash } from 'node:crypto';
import type { Role } from '@/domain';
import type { HubDatabase } from '../db/openHubDatabase';
import { prepared } from '../db/preparedStatement';

/** A key's id as devices compute it (`signingKeyId`): SHA-256 of the raw public key, base64url. */
export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('base64url');
}

/** Binds a public signing key to an account; called in the transaction storing the event that carries it. */
export function bindSigningKey(
  db: HubDatabase,
  binding: { userId: string; publicKey: string; eventId: string; at: Date },
): void {
  db.prepare(
    `INSERT INTO signing_keys (key_id, user_id, public_key, bound_by, bound_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key_id) DO NOTHING`,
  ).run(
    keyIdOf(binding.publicKey),
    binding.userId,
    binding.publicKey,
    binding.eventId,
    binding.at.toISOString(),
  );
}

export function signingKeyById(
  db: HubDatabase,
  keyId: string,
): { userId: string; publicKey: string } | undefined {
  const row = prepared<[string], { user_id: string; public_key: string }>(
    db,
    'SELECT user_id, public_key FROM signing_keys WHERE key_id = ?',
  ).get(keyId);
  return row ? { userId: row.user_id, publicKey: row.public_key } : undefined;
}

export type AccountState = { role: Role; active: boolean };

type AccountEventBody = {
  type: 'user.created' | 'user.changed';
  recordedAt: string;
  payload: { role?: Role; active?: boolean };
};

/**
 * An account's role and status when `recordedAt` happened, from the hub's own stored account
 * events (never from the event being checked) [P32]. Account events are folded in the order they
 * were recorded; a clock that puts an event before the account existed gets the first state.
 */
export function accountStateAt(
  db: HubDatabase,
  userId: string,
  recordedAt: string,
): AccountState | undefined {
  const events = prepared<[string], { body: string }>(
    db,
    `SELECT body FROM events WHERE entity_id = ? AND type IN ('user.created', 'user.changed')`,
  )
    .all(userId)
    .map((row) => JSON.parse(row.body) as AccountEventBody)
    .sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
  const created = events.find((event) => event.type === 'user.created');
  // An account with no stored history (one the hub's table holds without its events) counts as it stands.
  if (!created?.payload.role) return accountAsItStands(db, userId);
  let state: AccountState = { role: created.payload.role, active: true };
  for (const event of events) {
    if (event.type !== 'user.changed' || Date.parse(event.recordedAt) > Date.parse(recordedAt)) continue;
    state = {
      role: event.payload.role ?? state.role,
      active: event.payload.active ?? state.active,
    };
  }
  return state;
}

function accountAsItStands(db: HubDatabase, userId: string): AccountState | undefined {
  const row = prepared<[string], { role: Role; active: number }>(
    db,
    'SELECT role, active FROM users WHERE user_id = ?',
  ).get(userId);
  return row ? { role: row.role, active: row.active === 1 } : undefined;
}

/** Whether the hub knows any active admin: until then, and only then, a first admin may come in [P35]. */
export function hasActiveAdmin(db: HubDatabase): boolean {
  return db.prepare("SELECT 1 FROM users WHERE role = 'admin' AND active = 1 LIMIT 1").get() !== undefined;
}
