import type { DomainEvent } from '@/domain';
import { countersOf, decodeJournalRows, groupByEntity, projectEntities } from './appendEvents';
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
    await db.transaction(
      'rw',
      [db.patients, db.visits, db.tickets, db.slips, db.assessments, db.counters],
      async () => {
        await Promise.all(
          [db.patients, db.visits, db.tickets, db.slips, db.assessments, db.counters].map((table) =>
            table.clear(),
          ),
        );
        await db.patients.bulkPut(writes.patients);
        await db.visits.bulkPut(writes.visits);
        await db.tickets.bulkPut(writes.tickets);
        await db.slips.bulkPut(writes.slips);
        await db.assessments.bulkPut(writes.assessments);
        await db.counters.bulkPut([...counters].map(([key, value]) => ({ key, value })));
      },
    );
    return events.length;
  });
}
