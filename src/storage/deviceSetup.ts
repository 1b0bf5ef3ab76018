import { useLiveQuery } from 'dexie-react-hooks';
import * as z from 'zod/mini';
import { DEVICE_CODE_PATTERN, type ROLES, actorSchema, uuidSchema, type Actor } from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { getDb } from './database';
import type { SiagaDb } from './db';
import { readMeta, writeMeta } from './meta';

const DEVICE_KEY = 'device';
const USER_KEY = 'currentUser';

const deviceSchema = z.strictObject({
  deviceId: uuidSchema,
  deviceCode: z.string().check(z.regex(DEVICE_CODE_PATTERN)),
  setUpAt: z.string(),
});
export type DeviceIdentity = z.output<typeof deviceSchema>;

export type DeviceSetup = { device: DeviceIdentity; user: Actor };

/**
 * First run: the device's short code (used in ticket, temporary and slip numbers, so unique per
 * hospital) and who is working on it. Full accounts come with the security work; until then the
 * actor is the person named here, and events carry it unchanged.
 */
export async function saveDeviceSetup(
  db: SiagaDb,
  input: { deviceCode: string; userName: string; role: (typeof ROLES)[number] },
  now = new Date(),
): Promise<DeviceSetup> {
  const existing = await readMeta(db, DEVICE_KEY, deviceSchema);
  // The device id never changes once set: events already made carry it.
  const device: DeviceIdentity = existing
    ? { ...existing, deviceCode: input.deviceCode }
    : { deviceId: uuidv7(now.getTime()), deviceCode: input.deviceCode, setUpAt: now.toISOString() };
  const user: Actor = { userId: uuidv7(now.getTime()), name: input.userName.trim(), role: input.role };
  await db.transaction('rw', db.meta, async () => {
    await writeMeta(db, DEVICE_KEY, device, now);
    await writeMeta(db, USER_KEY, user, now);
  });
  return { device, user };
}

export async function loadDeviceSetup(db: SiagaDb): Promise<DeviceSetup | undefined> {
  const [device, user] = await Promise.all([
    readMeta(db, DEVICE_KEY, deviceSchema),
    readMeta(db, USER_KEY, actorSchema),
  ]);
  return device && user ? { device, user } : undefined;
}

/** Live: `undefined` while loading, `null` before the device is set up. */
export function useDeviceSetup(): DeviceSetup | null | undefined {
  return useLiveQuery(async () => (await loadDeviceSetup(getDb())) ?? null, []);
}
