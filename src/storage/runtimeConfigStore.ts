import { useLiveQuery } from 'dexie-react-hooks';
import * as z from 'zod/mini';
import { runtimeConfigSchema, type RuntimeConfig } from '@/domain/config';
import { getDb } from './database';
import type { SiagaDb } from './db';
import { readMeta, writeMeta } from './meta';

const CONFIG_KEY = 'runtimeConfig';

const storedConfigSchema = z.object({ config: runtimeConfigSchema, fetchedAt: z.string() });
export type StoredRuntimeConfig = z.output<typeof storedConfigSchema>;

/** Keeps the latest *valid* configuration so the app works offline with it. */
export async function saveRuntimeConfig(db: SiagaDb, config: RuntimeConfig, fetchedAt: Date): Promise<void> {
  await writeMeta(db, CONFIG_KEY, { config, fetchedAt: fetchedAt.toISOString() }, fetchedAt);
}

export function loadStoredRuntimeConfig(db: SiagaDb): Promise<StoredRuntimeConfig | undefined> {
  return readMeta(db, CONFIG_KEY, storedConfigSchema);
}

/**
 * The configuration in force, live: `undefined` while loading, `null` when the device has never
 * received a valid one.
 */
export function useStoredRuntimeConfig(): StoredRuntimeConfig | null | undefined {
  return useLiveQuery(async () => (await loadStoredRuntimeConfig(getDb())) ?? null, []);
}
