import { useLiveQuery } from 'dexie-react-hooks';
import * as z from 'zod/mini';
import { runtimeConfigSchema, type RuntimeConfig } from '@/domain/config';
import { getDb } from './database';
import type { SiagaDb } from './db';
import { writeMeta } from './meta';

const CONFIG_KEY = 'runtimeConfig';

const storedConfigSchema = z.object({ config: runtimeConfigSchema, fetchedAt: z.string() });
export type StoredRuntimeConfig = z.output<typeof storedConfigSchema>;

/** Keeps the latest *valid* configuration so the app works offline with it. */
export async function saveRuntimeConfig(db: SiagaDb, config: RuntimeConfig, fetchedAt: Date): Promise<void> {
  await writeMeta(db, CONFIG_KEY, { config, fetchedAt: fetchedAt.toISOString() }, fetchedAt);
}

/**
 * The stored configuration as last validated, per database: the screens' live queries and every
 * save read it, and checking the whole schema again each time cost 10–30 ms on a throttled CPU
 * (issue 16). Comparing the stored text is a fraction of that; a changed value is checked anew.
 */
const validated = new WeakMap<SiagaDb, { text: string; value: StoredRuntimeConfig | undefined }>();

export async function loadStoredRuntimeConfig(db: SiagaDb): Promise<StoredRuntimeConfig | undefined> {
  const row = await db.meta.get(CONFIG_KEY);
  if (!row) return undefined;
  const text = JSON.stringify(row.value);
  const known = validated.get(db);
  if (known?.text === text) return known.value;
  const parsed = storedConfigSchema.safeParse(row.value);
  const value = parsed.success ? parsed.data : undefined;
  validated.set(db, { text, value });
  return value;
}

/**
 * The configuration in force, live: `undefined` while loading, `null` when the device has never
 * received a valid one.
 */
export function useStoredRuntimeConfig(): StoredRuntimeConfig | null | undefined {
  return useLiveQuery(async () => (await loadStoredRuntimeConfig(getDb())) ?? null, []);
}
