import type * as z from 'zod/mini';
import type { SiagaDb } from './db';

/**
 * Reads a meta value through its schema. An old or damaged value reads as `undefined` (and the
 * caller falls back) rather than crashing the app at start-up.
 */
export async function readMeta<S extends z.ZodMiniType>(
  db: SiagaDb,
  key: string,
  schema: S,
): Promise<z.output<S> | undefined> {
  const row = await db.meta.get(key);
  if (!row) return undefined;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : undefined;
}

export async function writeMeta(db: SiagaDb, key: string, value: unknown, now = new Date()): Promise<void> {
  await db.meta.put({ key, value, updatedAt: now.toISOString() });
}
