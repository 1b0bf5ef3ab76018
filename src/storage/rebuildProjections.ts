import { counterKeysOf, domainEventSchema, type DomainEvent } from '@/domain';
import { logger } from '@/lib/logger';
import { applyToRows, encodeRows } from './appendEvents';
import { getCodec, type StorageCodec } from './codec';
import type { SiagaDb } from './db';
import { withJournalLock } from './journalLock';

/** Reads the whole journal in application order, validated; unreadable rows are reported, not fatal. */
export async function readJournal(db: SiagaDb, codec: StorageCodec = getCodec()): Promise<DomainEvent[]> {
  const rows = await db.journal.orderBy('localSeq').toArray();
  const events: DomainEvent[] = [];
  for (const row of rows) {
    const parsed = domainEventSchema.safeParse(
      await codec.decode(row.event, { table: 'journal', id: row.id }),
    );
    if (parsed.success) events.push(parsed.data);
    else logger.error('journal.unreadable_event', { localSeq: row.localSeq, type: row.type });
  }
  return events;
}

/**
 * Throws away every projection and derives it again from the journal. The result must equal the
 * incrementally maintained tables (a test holds us to it); use after a reducer fix.
 */
export async function rebuildProjections(db: SiagaDb, codec: StorageCodec = getCodec()): Promise<number> {
  return withJournalLock(async () => {
    const events = await readJournal(db, codec);
    const maps = {
      patients: new Map(),
      visits: new Map(),
      slips: new Map(),
      assessments: new Map(),
    };
    const changed = applyToRows(maps, events);
    const rows = await encodeRows(changed, codec);
    const counters = new Map<string, number>();
    for (const { key, value } of events.flatMap(counterKeysOf))
      counters.set(key, Math.max(value, counters.get(key) ?? 0));
    await db.transaction(
      'rw',
      [db.patients, db.visits, db.tickets, db.slips, db.assessments, db.counters],
      async () => {
        await Promise.all(
          [db.patients, db.visits, db.tickets, db.slips, db.assessments, db.counters].map((table) =>
            table.clear(),
          ),
        );
        await db.patients.bulkPut(rows.patients);
        await db.visits.bulkPut(rows.visits);
        await db.tickets.bulkPut(rows.tickets);
        await db.slips.bulkPut(rows.slips);
        await db.assessments.bulkPut(rows.assessments);
        await db.counters.bulkPut([...counters].map(([key, value]) => ({ key, value })));
      },
    );
    return events.length;
  });
}
