import type { DomainEvent } from '@/domain';
import {
  countersOf,
  decodeJournalRows,
  groupByEntity,
  projectEntities,
  projectionTables,
  writeProjections,
} from './appendEvents';
import { getCodec, type StorageCodec } from './codec';
import type { SiagaDb } from './db';
import { withJournalLock } from './journalLock';

/** Reads the whole journal in application order, validated; unreadable rows are reported, not fatal. */
export async function readJournal(db: SiagaDb, codec: StorageCodec = getCodec()): Promise<DomainEvent[]> {
  return decodeJournalRows(await db.journal.orderBy('localSeq').toArray(), codec);
}

/**
 * Throws away every projection and derives it again from the journal. The result must equal the
 * incrementally maintained tables (a test holds us to it); use after a reducer fix.
 */
export async function rebuildProjections(db: SiagaDb, codec: StorageCodec = getCodec()): Promise<number> {
  return withJournalLock(async () => {
    const events = await readJournal(db, codec);
    const writes = await projectEntities(groupByEntity(events), codec);
    const counters = countersOf(events);
    await db.transaction('rw', projectionTables(db), async () => {
      await Promise.all(projectionTables(db).map((table) => table.clear()));
      await writeProjections(db, writes);
      await db.counters.bulkPut([...counters].map(([key, value]) => ({ key, value })));
    });
    return events.length;
  });
}
