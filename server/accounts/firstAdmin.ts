import type { HubDatabase } from '../db/openHubDatabase';
import { issueEnrollmentCode, normaliseEnrollmentCode, sha256 } from '../devices/deviceRegistry';
import { hasActiveAdmin } from './accountKeys';

/**
 * The hospital's first admin [P35]. Every later account is created by an admin's signature; the
 * first one can only sign for itself. The hub lets exactly that in once: while it knows no admin
 * it prints a first-admin code at start, which enrolls a device like an enrollment code and also
 * lets that device's own admin account in. An ordinary enrollment code never does, and once an
 * admin exists the code stops being offered and no device can bring another self-made admin.
 */
export function issueFirstAdminCode(
  db: HubDatabase,
  now: Date,
  fixed?: string,
): { code: string; expiresAt: string } | undefined {
  if (hasActiveAdmin(db)) return undefined;
  const issued = issueEnrollmentCode(db, now, fixed);
  const code = issued.code;
  db.prepare('INSERT OR IGNORE INTO first_admin_codes (code_hash, created_at) VALUES (?, ?)').run(
    sha256(normaliseEnrollmentCode(code)),
    now.toISOString(),
  );
  return issued;
}

/** After a successful enrollment: a device enrolled with the first-admin code may bring the first admin. */
export function grantFirstAdmin(db: HubDatabase, code: string, deviceId: string, now: Date): void {
  const isFirstAdminCode = db
    .prepare('SELECT 1 FROM first_admin_codes WHERE code_hash = ?')
    .get(sha256(normaliseEnrollmentCode(code)));
  if (!isFirstAdminCode || hasActiveAdmin(db)) return;
  db.prepare('INSERT OR IGNORE INTO bootstrap_devices (device_id, granted_at) VALUES (?, ?)').run(
    deviceId,
    now.toISOString(),
  );
}

/** Whether this device may bring the hospital's first admin now (none exists yet). */
export function mayBringFirstAdmin(db: HubDatabase, deviceId: string): boolean {
  if (hasActiveAdmin(db)) return false;
  return db.prepare('SELECT 1 FROM bootstrap_devices WHERE device_id = ?').get(deviceId) !== undefined;
}
