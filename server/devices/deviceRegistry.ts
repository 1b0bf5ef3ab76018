import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { DeviceProfile } from '@/domain';
import type { HubDatabase } from '../db/openHubDatabase';
import { prepared } from '../db/preparedStatement';
import { profileForCode, profileFromColumns, profileOfCode, setDeviceProfile } from './deviceProfiles';

export type EnrolledDevice = { deviceId: string; deviceCode: string };
/** `full`: push and pull [P1]; `push`: the push-only token a locked device uses [P20]. */
export type TokenScope = 'full' | 'push';

/**
 * The console's code enrolls any number of devices (IT sets up a ward's tablets in one go), so it
 * lives a day, not the week it once did: a code copied off a screen or a note stops working
 * soon [P41]. A restart prints a new one.
 */
export const CONSOLE_CODE_MS = 24 * 60 * 60 * 1000;
/** No 0/O, 1/I/L: read aloud from a console and typed on a tablet. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A code such as `K7QM-4XPD` for IT to type into each device being enrolled. */
function newEnrollmentCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

export const normaliseEnrollmentCode = (code: string) =>
  code
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');

/**
 * Makes the enrollment code devices use to get a token: the given one (for scripted setups), or a
 * fresh random one, valid `validForMs` from `now` [P41]. Returned in clear once, for the console;
 * only its hash is stored. It gives device tokens, nothing more: no account, no admin session.
 */
export function issueEnrollmentCode(
  db: HubDatabase,
  now: Date,
  fixed?: string,
  validForMs = CONSOLE_CODE_MS,
): { code: string; expiresAt: string } {
  const code = fixed ?? newEnrollmentCode();
  const expiresAt = new Date(now.getTime() + validForMs).toISOString();
  db.prepare(
    'INSERT OR REPLACE INTO enrollment_codes (code_hash, created_at, expires_at) VALUES (?, ?, ?)',
  ).run(sha256(normaliseEnrollmentCode(code)), now.toISOString(), expiresAt);
  return { code, expiresAt };
}

/**
 * A one-time code IT issues on the admin endpoints [P23]: it enrolls one device, then stops
 * working. The device gets the profile IT chose for it here [P45] (`full` when none is given).
 */
export function issueOneTimeEnrollmentCode(
  db: HubDatabase,
  now: Date,
  validForMs: number,
  profile: DeviceProfile = { kind: 'full' },
): { code: string; expiresAt: string } {
  const expiresAt = new Date(now.getTime() + validForMs).toISOString();
  const insert = db.prepare(
    `INSERT INTO enrollment_codes (code_hash, created_at, expires_at, single_use, profile) VALUES (?, ?, ?, 1, ?)
     ON CONFLICT (code_hash) DO NOTHING`,
  );
  // A clash with a stored code (about 1 in 10^12 per code) must not turn that one into a one-time code.
  for (;;) {
    const code = newEnrollmentCode();
    const hash = sha256(normaliseEnrollmentCode(code));
    if (insert.run(hash, now.toISOString(), expiresAt, profileForCode(profile)).changes === 1)
      return { code, expiresAt };
  }
}

export type EnrollOutcome =
  | { ok: true; token: string; pushToken: string; device: EnrolledDevice }
  | { ok: false; code: 'enrollment_code_invalid' | 'device_code_taken' };

/**
 * Gives a device a token [P1]. A device code stays with one device id [P2]; enrolling the same
 * device again replaces its token (the old one stops working). A one-time code gives the device
 * the profile IT issued it with [P45]; the console's code enrolls a new device as `full` and
 * leaves a known device's profile as IT last set it (re-enrolling never widens it by itself).
 */
export function enrollDevice(
  db: HubDatabase,
  input: { code: string; deviceId: string; deviceCode: string; signingKey?: string | undefined },
  now: Date,
): EnrollOutcome {
  const codeHash = sha256(normaliseEnrollmentCode(input.code));
  // One transaction: a one-time code [P23] is spent by exactly one enrollment.
  return db.transaction((): EnrollOutcome => {
    const valid = db
      .prepare<[string, string], { single_use: number; profile: string | null }>(
        'SELECT single_use, profile FROM enrollment_codes WHERE code_hash = ? AND expires_at > ? AND used_at IS NULL',
      )
      .get(codeHash, now.toISOString());
    if (!valid) return { ok: false, code: 'enrollment_code_invalid' };
    const holder = db
      .prepare<[string], { device_id: string }>(
        'SELECT device_id FROM devices WHERE device_code = ? AND revoked_at IS NULL',
      )
      .get(input.deviceCode);
    if (holder && holder.device_id !== input.deviceId) return { ok: false, code: 'device_code_taken' };
    const token = randomBytes(32).toString('base64url');
    const pushToken = randomBytes(32).toString('base64url');
    // The device's signing key [P33] is the one it first enrolled with: a later enrollment (a new
    // token) cannot swap it for a key that would vouch for another device's events.
    db.prepare(
      `INSERT INTO devices (device_id, device_code, token_hash, push_token_hash, enrolled_at, revoked_at, signing_key)
       VALUES (?, ?, ?, ?, ?, NULL, ?)
       ON CONFLICT (device_id) DO UPDATE SET device_code = excluded.device_code, token_hash = excluded.token_hash,
         push_token_hash = excluded.push_token_hash, enrolled_at = excluded.enrolled_at, revoked_at = NULL,
         signing_key = coalesce(devices.signing_key, excluded.signing_key)`,
    ).run(
      input.deviceId,
      input.deviceCode,
      sha256(token),
      sha256(pushToken),
      now.toISOString(),
      input.signingKey ?? null,
    );
    const profile = profileOfCode(valid.profile);
    if (profile) setDeviceProfile(db, input.deviceId, profile);
    if (valid.single_use === 1)
      db.prepare('UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ?').run(
        now.toISOString(),
        codeHash,
      );
    return { ok: true, token, pushToken, device: { deviceId: input.deviceId, deviceCode: input.deviceCode } };
  })();
}

export type TokenCheck =
  | { ok: true; device: EnrolledDevice; scope: TokenScope }
  | { ok: false; code: 'token_missing' | 'token_unknown' | 'token_revoked' };

/** Who is calling [P3]. */
export function deviceForToken(db: HubDatabase, authorization: string | undefined): TokenCheck {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!token) return { ok: false, code: 'token_missing' };
  const hash = sha256(token);
  const row = db
    .prepare<
      [string, string],
      { device_id: string; device_code: string; revoked_at: string | null; token_hash: string }
    >(
      'SELECT device_id, device_code, revoked_at, token_hash FROM devices WHERE token_hash = ? OR push_token_hash = ?',
    )
    .get(hash, hash);
  if (!row) return { ok: false, code: 'token_unknown' };
  if (row.revoked_at) return { ok: false, code: 'token_revoked' };
  return {
    ok: true,
    device: { deviceId: row.device_id, deviceCode: row.device_code },
    scope: row.token_hash === hash ? 'full' : 'push',
  };
}

/** A device's public signing key, if it gave one at enrollment [P33]. */
export function deviceSigningKey(db: HubDatabase, deviceId: string): string | undefined {
  return (
    prepared<[string], { signing_key: string | null }>(
      db,
      'SELECT signing_key FROM devices WHERE device_id = ?',
    ).get(deviceId)?.signing_key ?? undefined
  );
}

/** Revokes a device's token (a lost tablet): its next request gets 401. */
export function revokeDevice(db: HubDatabase, deviceCode: string, now: Date): boolean {
  const result = db
    .prepare('UPDATE devices SET revoked_at = ? WHERE device_code = ? AND revoked_at IS NULL')
    .run(now.toISOString(), deviceCode);
  return result.changes > 0;
}

/** What IT sees of an enrolled device [P23], with what it is for [P45]. */
export type DeviceRecord = EnrolledDevice & {
  enrolledAt: string;
  lastSeenAt: string | null;
  revoked: boolean;
  revokedAt: string | null;
  profile: DeviceProfile;
};

type DeviceRow = {
  device_id: string;
  device_code: string;
  enrolled_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
  profile_kind: string;
  profile_polis: string | null;
};

const DEVICE_COLUMNS =
  'device_id, device_code, enrolled_at, last_seen_at, revoked_at, profile_kind, profile_polis';

const toDeviceRecord = (row: DeviceRow): DeviceRecord => ({
  deviceId: row.device_id,
  deviceCode: row.device_code,
  enrolledAt: row.enrolled_at,
  lastSeenAt: row.last_seen_at,
  revoked: row.revoked_at !== null,
  revokedAt: row.revoked_at,
  profile: profileFromColumns(row),
});

/** One device as IT sees it; undefined when the hub never enrolled it. */
export function deviceRecord(db: HubDatabase, deviceId: string): DeviceRecord | undefined {
  const row = db
    .prepare<[string], DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE device_id = ?`)
    .get(deviceId);
  return row ? toDeviceRecord(row) : undefined;
}

/** Every device the hub has enrolled: active ones first, by device code. */
export function listDevices(db: HubDatabase): DeviceRecord[] {
  return db
    .prepare<[], DeviceRow>(
      `SELECT ${DEVICE_COLUMNS} FROM devices ORDER BY revoked_at IS NOT NULL, device_code, enrolled_at`,
    )
    .all()
    .map(toDeviceRecord);
}

/**
 * Revokes a device by its id (the admin endpoint [P23]): its token and push token stop working at
 * once [P3]. Revoking a revoked device changes nothing; undefined when the hub never enrolled it.
 */
export function revokeDeviceById(db: HubDatabase, deviceId: string, now: Date): DeviceRecord | undefined {
  db.prepare('UPDATE devices SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL').run(
    now.toISOString(),
    deviceId,
  );
  return deviceRecord(db, deviceId);
}

/** How stale `last_seen_at` may get: a write per device per minute, not one per request. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Notes that a device reached the hub with one of its tokens (for IT's device list [P23]). */
export function noteDeviceContact(db: HubDatabase, deviceId: string, now: Date): void {
  db.prepare(
    'UPDATE devices SET last_seen_at = ? WHERE device_id = ? AND (last_seen_at IS NULL OR last_seen_at <= ?)',
  ).run(now.toISOString(), deviceId, new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS).toISOString());
}

/** Enrolled (not revoked) devices, and those among them in contact since `activeSince` [P25]. */
export function countDevices(db: HubDatabase, activeSince: Date): { enrolled: number; active: number } {
  return (
    db
      .prepare<[string], { enrolled: number; active: number }>(
        `SELECT count(*) AS enrolled, count(CASE WHEN last_seen_at >= ? THEN 1 END) AS active
         FROM devices WHERE revoked_at IS NULL`,
      )
      .get(activeSince.toISOString()) ?? { enrolled: 0, active: 0 }
  );
}
