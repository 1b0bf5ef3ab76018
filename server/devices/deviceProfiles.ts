import { deviceProfileSchema, type DeviceProfile } from '@/domain';
import type { HubDatabase } from '../db/openHubDatabase';
import { prepared } from '../db/preparedStatement';

/** A device's profile as the hub keeps it [P45], with the version pull cursors carry [P47]. */
export type StoredProfile = { profile: DeviceProfile; version: number };

export type ProfileColumns = { profile_kind: string; profile_polis: string | null };

/**
 * The profile of a device row. Written only by this module from a parsed profile (and the kind
 * checked by the table), so a row that does not parse is a broken invariant: it throws rather
 * than guess, since any guess could widen what the device receives.
 */
export function profileFromColumns(row: ProfileColumns): DeviceProfile {
  return deviceProfileSchema.parse(
    row.profile_kind === 'clinic'
      ? { kind: 'clinic', polis: JSON.parse(row.profile_polis ?? '[]') as unknown }
      : { kind: row.profile_kind },
  );
}

const polisColumn = (profile: DeviceProfile) =>
  profile.kind === 'clinic' ? JSON.stringify([...new Set(profile.polis)].sort()) : null;

/** The profile a device pulls under, and its version; undefined for a device the hub never enrolled. */
export function deviceProfileOf(db: HubDatabase, deviceId: string): StoredProfile | undefined {
  const row = prepared<[string], ProfileColumns & { profile_version: number }>(
    db,
    'SELECT profile_kind, profile_polis, profile_version FROM devices WHERE device_id = ?',
  ).get(deviceId);
  return row ? { profile: profileFromColumns(row), version: row.profile_version } : undefined;
}

/**
 * Gives a device a profile [P45]. The version goes up only when the profile really changes (the
 * same polis in another order are the same profile), which makes the device's pull cursor stale
 * [P47]: it pulls again from the start, under the new profile. Returns whether it changed.
 */
export function setDeviceProfile(db: HubDatabase, deviceId: string, profile: DeviceProfile): boolean {
  return (
    db
      .prepare(
        `UPDATE devices SET profile_kind = ?, profile_polis = ?, profile_version = profile_version + 1
         WHERE device_id = ? AND (profile_kind IS NOT ? OR profile_polis IS NOT ?)`,
      )
      .run(profile.kind, polisColumn(profile), deviceId, profile.kind, polisColumn(profile)).changes > 0
  );
}

/** A profile as an enrollment code stores it (JSON), or NULL for "full, or as the device already is". */
export const profileForCode = (profile: DeviceProfile | undefined): string | null =>
  profile ? JSON.stringify(profile) : null;

/** The profile a one-time code was issued with; undefined for the console's code (written by us: parsed strictly). */
export function profileOfCode(stored: string | null): DeviceProfile | undefined {
  return stored === null ? undefined : deviceProfileSchema.parse(JSON.parse(stored));
}
