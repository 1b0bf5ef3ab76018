import { getCodec } from './codec';
import type { SiagaDb } from './db';

/**
 * Unsigned RM 1.2 forms in progress, autosaved every few seconds so a reload, a crash or a flat
 * battery loses nothing. A draft stays on this device; signing turns it into an event.
 */
export async function saveDraft(
  db: SiagaDb,
  visitId: string,
  values: unknown,
  now = new Date(),
): Promise<void> {
  const body = await getCodec().encode(values, { table: 'drafts', id: visitId });
  await db.drafts.put({ id: visitId, visitId, updatedAt: now.toISOString(), body });
}

export async function loadDraft(
  db: SiagaDb,
  visitId: string,
): Promise<{ values: unknown; updatedAt: string } | undefined> {
  const row = await db.drafts.get(visitId);
  if (!row) return undefined;
  return {
    values: await getCodec().decode(row.body, { table: 'drafts', id: visitId }),
    updatedAt: row.updatedAt,
  };
}

export function deleteDraft(db: SiagaDb, visitId: string): Promise<void> {
  return db.drafts.delete(visitId);
}
