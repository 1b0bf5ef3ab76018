import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from 'zustand';
import * as z from 'zod/mini';
import { DEVICE_CODE_PATTERN, uuidSchema, type Actor } from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { accessStore } from './access';
import { getDb } from './database';
import type { SiagaDb } from './db';
import { readMeta, writeMeta } from './meta';

const DEVICE_KEY = 'device';

const deviceSchema = z.strictObject({
  deviceId: uuidSchema,
  deviceCode: z.string().check(z.regex(DEVICE_CODE_PATTERN)),
  setUpAt: z.string(),
});
export type DeviceIdentity = z.output<typeof deviceSchema>;

/** The device and the person signed in on it: what every capture needs. */
export type DeviceSetup = { device: DeviceIdentity; user: Actor };

/**
 * The device's short code (used in ticket, temporary and slip numbers, so unique per hospital).
 * The device id never changes once set: events already made carry it.
 */
export async function saveDeviceIdentity(
  db: SiagaDb,
  deviceCode: string,
  now = new Date(),
): Promise<DeviceIdentity> {
  const existing = await readMeta(db, DEVICE_KEY, deviceSchema);
  const device: DeviceIdentity = existing
    ? { ...existing, deviceCode }
    : { deviceId: uuidv7(now.getTime()), deviceCode, setUpAt: now.toISOString() };
  await writeMeta(db, DEVICE_KEY, device, now);
  return device;
}

export function loadDeviceIdentity(db: SiagaDb): Promise<DeviceIdentity | undefined> {
  return readMeta(db, DEVICE_KEY, deviceSchema);
}

export async function loadDeviceSetup(db: SiagaDb): Promise<DeviceSetup | undefined> {
  const device = await loadDeviceIdentity(db);
  const user = accessStore.getState().actor;
  return device && user ? { device, user } : undefined;
}

/** Live: `undefined` while loading, `null` when the device is not set up or no one is signed in. */
export function useDeviceSetup(): DeviceSetup | null | undefined {
  const device = useLiveQuery(async () => (await loadDeviceIdentity(getDb())) ?? null, []);
  const user = useStore(accessStore, (state) => state.actor);
  if (device === undefined) return undefined;
  return device && user ? { device, user } : null;
}
