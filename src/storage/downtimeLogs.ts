import type { DowntimeLogSheet } from '@/domain';
import { getCodec, type StorageCodec } from './codec';
import type { SiagaDb } from './db';
import { decodeBodies } from './projectionRows';

export async function getDowntimeLog(
  db: SiagaDb,
  id: string,
  codec: StorageCodec = getCodec(),
): Promise<DowntimeLogSheet | undefined> {
  const row = await db.downtimeLogs.get(id);
  return row ? (await decodeBodies<DowntimeLogSheet>([row], 'downtimeLogs', codec))[0] : undefined;
}

/** Imported past log sheets (withdrawn ones included), by month. */
export async function listDowntimeLogs(
  db: SiagaDb,
  codec: StorageCodec = getCodec(),
): Promise<DowntimeLogSheet[]> {
  return decodeBodies<DowntimeLogSheet>(
    await db.downtimeLogs.orderBy('month').toArray(),
    'downtimeLogs',
    codec,
  );
}
