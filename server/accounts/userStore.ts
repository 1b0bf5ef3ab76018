import type { DomainEvent, PassphraseVerifier, Role } from '@/domain';
import { derivePassphraseSecrets, sameVerifier } from '@/lib/crypto/passphrase';
import type { HubDatabase } from '../db/openHubDatabase';
import { bindSigningKey } from './accountKeys';

export type HubUser = { userId: string; username: string; displayName: string; role: Role; active: boolean };

type UserRow = {
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  active: number;
  credentials: string;
};

const toUser = (row: UserRow): HubUser => ({
  userId: row.user_id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  active: row.active === 1,
});

/** The account holding a username, if any: a second account may not take it [P21]. */
export function usernameHolder(db: HubDatabase, username: string): string | undefined {
  return db
    .prepare<[string], { user_id: string }>('SELECT user_id FROM users WHERE username = ?')
    .get(username)?.user_id;
}

/**
 * Keeps the hub's accounts in step with the user.* events it accepts; call inside the
 * transaction that stores them, so the table never disagrees with the event log.
 */
export function applyUserEvent(db: HubDatabase, event: DomainEvent, at: Date): void {
  const now = at.toISOString();
  switch (event.type) {
    case 'user.created':
      db.prepare(
        `INSERT INTO users (user_id, username, display_name, role, active, credentials, updated_at)
         VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT (user_id) DO NOTHING`,
      ).run(
        event.entityId,
        event.payload.username,
        event.payload.displayName,
        event.payload.role,
        JSON.stringify(event.payload.credentials ?? {}),
        now,
      );
      if (event.payload.signingKey)
        bindSigningKey(db, {
          userId: event.entityId,
          publicKey: event.payload.signingKey,
          eventId: event.id,
          at,
        });
      return;
    case 'user.changed': {
      const { displayName, role, active } = event.payload;
      db.prepare(
        `UPDATE users SET display_name = coalesce(?, display_name), role = coalesce(?, role),
           active = coalesce(?, active), updated_at = ? WHERE user_id = ?`,
      ).run(
        displayName ?? null,
        role ?? null,
        active === undefined ? null : Number(active),
        now,
        event.entityId,
      );
      // Deactivated, or no longer an admin: signed out of the hub at once [P23].
      db.prepare(
        `DELETE FROM admin_sessions WHERE user_id = ?
           AND NOT EXISTS (SELECT 1 FROM users WHERE user_id = ? AND active = 1 AND role = 'admin')`,
      ).run(event.entityId, event.entityId);
      return;
    }
    case 'user.passphrase_set':
      // The trust check [P34] refuses a new passphrase without its credentials.
      if (event.payload.credentials)
        db.prepare('UPDATE users SET credentials = ?, updated_at = ? WHERE user_id = ?').run(
          JSON.stringify(event.payload.credentials),
          now,
          event.entityId,
        );
      if (event.payload.signingKey)
        bindSigningKey(db, {
          userId: event.entityId,
          publicKey: event.payload.signingKey,
          eventId: event.id,
          at,
        });
      // A reset is how a leaked passphrase is dealt with: sessions opened with the old one end [P23].
      db.prepare('DELETE FROM admin_sessions WHERE user_id = ?').run(event.entityId);
      return;
    default:
      return;
  }
}

/**
 * The active account whose passphrase this is, or undefined. Always derives once, also for an
 * unknown username, so the answer time does not tell which usernames exist.
 */
export async function verifyPassphrase(
  db: HubDatabase,
  username: string,
  passphrase: string,
): Promise<HubUser | undefined> {
  const row = db
    .prepare<[string], UserRow>('SELECT * FROM users WHERE username = ? AND active = 1')
    .get(username.trim().toLowerCase());
  const stored: PassphraseVerifier = row
    ? (JSON.parse(row.credentials) as PassphraseVerifier)
    : {
        kdf: { algorithm: 'PBKDF2-SHA256', iterations: 600_000, salt: 'AAAAAAAAAAAAAAAAAAAAAA' },
        verifier: 'A'.repeat(43),
      };
  const { verifier } = await derivePassphraseSecrets(passphrase, stored.kdf);
  return row && sameVerifier(verifier, stored.verifier) ? toUser(row) : undefined;
}

/** The person's wrapped signing key with its KDF, for their first sign-in on a device [P22, P34]. */
export function signingKeyBoxOf(
  db: HubDatabase,
  userId: string,
): { kdf: PassphraseVerifier['kdf']; iv: string; ct: string; publicKey: string } | undefined {
  const row = db
    .prepare<[string], { credentials: string; public_key: string | null }>(
      `SELECT credentials, (SELECT public_key FROM signing_keys WHERE signing_keys.user_id = users.user_id
         ORDER BY bound_at DESC, rowid DESC LIMIT 1) AS public_key
       FROM users WHERE user_id = ?`,
    )
    .get(userId);
  if (!row?.public_key) return undefined;
  const credentials = JSON.parse(row.credentials) as Partial<PassphraseVerifier>;
  return credentials.kdf && credentials.signingKeyBox
    ? { kdf: credentials.kdf, ...credentials.signingKeyBox, publicKey: row.public_key }
    : undefined;
}

export function getHubUser(db: HubDatabase, userId: string): HubUser | undefined {
  const row = db.prepare<[string], UserRow>('SELECT * FROM users WHERE user_id = ?').get(userId);
  return row ? toUser(row) : undefined;
}
