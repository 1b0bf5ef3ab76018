import { randomBytes } from 'node:crypto';
import type { HubDatabase } from '../db/openHubDatabase';
import { sha256 } from '../devices/deviceRegistry';
import { getHubUser, type HubUser } from './userStore';

/** A session ends this long after its last use [P23]… */
export const ADMIN_IDLE_TIMEOUT_MS = 30 * 60_000;
/** …and this long after sign-in, however busy (a shift's worth; then the passphrase again). */
export const ADMIN_SESSION_MAX_MS = 8 * 60 * 60_000;

export type AdminSession = {
  tokenHash: string;
  user: HubUser;
  /** The absolute end. */
  expiresAt: string;
  /** The end if it is not used again before then. */
  idleExpiresAt: string;
};

const idleEnd = (lastUsed: Date, absoluteEnd: string) =>
  new Date(Math.min(lastUsed.getTime() + ADMIN_IDLE_TIMEOUT_MS, Date.parse(absoluteEnd))).toISOString();

/** Drops sessions past either limit; the rest of the hub never reads them again. */
function pruneExpired(db: HubDatabase, now: Date): void {
  db.prepare('DELETE FROM admin_sessions WHERE expires_at <= ? OR last_used_at <= ?').run(
    now.toISOString(),
    new Date(now.getTime() - ADMIN_IDLE_TIMEOUT_MS).toISOString(),
  );
}

/**
 * Opens a session for an admin whose passphrase was just checked. The token is shown once; only
 * its SHA-256 is stored, as for device tokens.
 */
export function startAdminSession(
  db: HubDatabase,
  user: HubUser,
  now: Date,
): { token: string; session: AdminSession } {
  pruneExpired(db, now);
  const token = randomBytes(32).toString('base64url');
  const tokenHash = sha256(token);
  const expiresAt = new Date(now.getTime() + ADMIN_SESSION_MAX_MS).toISOString();
  db.prepare(
    `INSERT INTO admin_sessions (token_hash, user_id, created_at, last_used_at, expires_at)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(tokenHash, user.userId, now.toISOString(), now.toISOString(), expiresAt);
  return { token, session: { tokenHash, user, expiresAt, idleExpiresAt: idleEnd(now, expiresAt) } };
}

export type AdminSessionCheck =
  | { ok: true; session: AdminSession }
  | { ok: false; code: 'admin_session_missing' | 'admin_session_invalid' };

/**
 * Who is calling an admin endpoint [P23]. The session must be within both limits and its account
 * still active and still an admin, read now rather than at sign-in; a valid use moves the idle end.
 * A device token is not found here: it lives in another table.
 */
export function adminSessionFor(
  db: HubDatabase,
  authorization: string | undefined,
  now: Date,
): AdminSessionCheck {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!token) return { ok: false, code: 'admin_session_missing' };
  const tokenHash = sha256(token);
  const row = db
    .prepare<[string], { user_id: string; last_used_at: string; expires_at: string }>(
      'SELECT user_id, last_used_at, expires_at FROM admin_sessions WHERE token_hash = ?',
    )
    .get(tokenHash);
  if (!row) return { ok: false, code: 'admin_session_invalid' };
  const at = now.getTime();
  const user = getHubUser(db, row.user_id);
  const live =
    at < Date.parse(row.expires_at) &&
    at < Date.parse(row.last_used_at) + ADMIN_IDLE_TIMEOUT_MS &&
    user?.active === true &&
    user.role === 'admin';
  if (!live || !user) {
    db.prepare('DELETE FROM admin_sessions WHERE token_hash = ?').run(tokenHash);
    return { ok: false, code: 'admin_session_invalid' };
  }
  db.prepare('UPDATE admin_sessions SET last_used_at = ? WHERE token_hash = ?').run(
    now.toISOString(),
    tokenHash,
  );
  return {
    ok: true,
    session: { tokenHash, user, expiresAt: row.expires_at, idleExpiresAt: idleEnd(now, row.expires_at) },
  };
}

/** Signs a session out. */
export function endAdminSession(db: HubDatabase, tokenHash: string): void {
  db.prepare('DELETE FROM admin_sessions WHERE token_hash = ?').run(tokenHash);
}
