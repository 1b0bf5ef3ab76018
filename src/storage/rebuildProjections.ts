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
 * incrementally maintained tables (a test holds us to it); use after a reducer fix. Entities with
 * purged events (see purge.ts) cannot be derived again and keep their rows as they are; counters
 * never go down.
 */
export async function rebuildProjections(db: SiagaDb, codec: StorageCodec = getCodec()): Promise<number> {
  return withJournalLock(async () => {
    const rows = await db.journal.orderBy('localSeq').toArray();
    const kept = new Set(rows.flatMap((row) => (row.event ? [] : [row.entityId])));
    const events = (await decodeJournalRows(rows, codec)).filter((event) => !kept.has(event.entityId));
    const writes = await projectEntities(groupByEntity(events), codec);
    const counters = countersOf(events);
    await db.transaction('rw', projectionTables(db), async () => {
      for (const name of [
        'patients',
        'visits',
        'tickets',
        'slips',
        'assessments',
        'users',
        'incidents',
        'downtimeLogs',
      ] as const)
        await db
          .table<{ id: string }, string>(name)
          .filter((row) => !kept.has(row.id))
          .delete();
      await writeProjections(db, writes);
      const existing = await db.counters.bulkGet([...counters.keys()]);
      await db.counters.bulkPut(
        [...counters].map(([key, value], index) => ({
          key,
          value: Math.max(value, existing[index]?.value ?? 0),
        })),
      );
    });
    return events.length;
  });
}
