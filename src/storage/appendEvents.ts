import {
  counterKeysOf,
  reduceRow,
  tableOf,
  type Assessment,
  type DomainEvent,
  type Patient,
  type ProjectionTable,
  type ProjectionTables,
  type Slip,
  type Visit,
} from '@/domain';
import { getCodec, type StorageCodec } from './codec';
import type { EventOrigin, JournalRow, SiagaDb } from './db';
import {
  decodeBodies,
  toAssessmentRow,
  toPatientRow,
  toSlipRow,
  toTicketRow,
  toVisitRow,
} from './projectionRows';
import { withJournalLock } from './journalLock';

export type AppendResult = { appended: DomainEvent[]; duplicates: string[] };

type RowMaps = { [T in ProjectionTable]: Map<string, ProjectionTables[T]> };

const emptyMaps = (): RowMaps => ({
  patients: new Map(),
  visits: new Map(),
  slips: new Map(),
  assessments: new Map(),
});

/** Loads, decoded, the current projection rows the given events will change. */
async function loadTouchedRows(
  db: SiagaDb,
  events: readonly DomainEvent[],
  codec: StorageCodec,
): Promise<RowMaps> {
  const ids: Record<ProjectionTable, Set<string>> = {
    patients: new Set(),
    visits: new Set(),
    slips: new Set(),
    assessments: new Set(),
  };
  for (const event of events) ids[tableOf(event)].add(event.entityId);
  const maps = emptyMaps();
  for (const table of Object.keys(ids) as ProjectionTable[]) {
    if (ids[table].size === 0) continue;
    const rows = (await db[table].bulkGet([...ids[table]])).filter((row) => row !== undefined);
    const decoded = await decodeBodies<ProjectionTables[typeof table]>(rows, table, codec);
    decoded.forEach((row) => (maps[table] as Map<string, unknown>).set(row.id, row));
  }
  return maps;
}

/** Applies events in order to in-memory rows; returns the rows that changed. */
export function applyToRows(maps: RowMaps, events: readonly DomainEvent[]): RowMaps {
  const changed = emptyMaps();
  for (const event of events) {
    const table = tableOf(event);
    const map = maps[table] as Map<string, ProjectionTables[typeof table]>;
    const next = reduceRow(map.get(event.entityId), event);
    if (next) {
      map.set(event.entityId, next);
      (changed[table] as Map<string, unknown>).set(event.entityId, next);
    }
  }
  return changed;
}

/** Writes changed projection rows (and counters) inside the caller's transaction. */
export async function encodeRows(changed: RowMaps, codec: StorageCodec) {
  const visits = [...changed.visits.values()] as Visit[];
  return {
    patients: await Promise.all(
      ([...changed.patients.values()] as Patient[]).map((row) => toPatientRow(row, codec)),
    ),
    visits: await Promise.all(visits.map((row) => toVisitRow(row, codec))),
    tickets: visits.map(toTicketRow),
    slips: await Promise.all(([...changed.slips.values()] as Slip[]).map((row) => toSlipRow(row, codec))),
    assessments: await Promise.all(
      ([...changed.assessments.values()] as Assessment[]).map((row) => toAssessmentRow(row, codec)),
    ),
  };
}

/**
 * Appends events to the journal and updates every projection they touch, all in one IndexedDB
 * transaction: when this resolves the events are durable, and either all of them are stored
 * with their projections or none is. Events already in the journal (same id) are skipped, so
 * replaying a batch, a QR import or a pull twice changes nothing.
 */
export function appendEvents(
  db: SiagaDb,
  events: readonly DomainEvent[],
  options: { origin: EventOrigin; codec?: StorageCodec },
): Promise<AppendResult> {
  return withJournalLock(() => appendEventsHoldingLock(db, events, options));
}

/** `appendEvents` for a caller that already holds the journal lock (a command). */
export async function appendEventsHoldingLock(
  db: SiagaDb,
  events: readonly DomainEvent[],
  options: { origin: EventOrigin; codec?: StorageCodec },
): Promise<AppendResult> {
  const codec = options.codec ?? getCodec();
  const known = new Set(
    (await db.journal.bulkGet(events.map((event) => event.id))).flatMap((row) => (row ? [row.id] : [])),
  );
  const seen = new Set<string>();
  const fresh: DomainEvent[] = [];
  const duplicates: string[] = [];
  for (const event of events) {
    if (known.has(event.id) || seen.has(event.id)) duplicates.push(event.id);
    else fresh.push(event);
    seen.add(event.id);
  }
  if (fresh.length === 0) return { appended: [], duplicates };

  const changed = applyToRows(await loadTouchedRows(db, fresh, codec), fresh);
  const rows = await encodeRows(changed, codec);
  const counterUpdates = new Map<string, number>();
  for (const { key, value } of fresh.flatMap(counterKeysOf)) {
    counterUpdates.set(key, Math.max(value, counterUpdates.get(key) ?? 0));
  }
  const lastSeq = (await db.journal.orderBy('localSeq').last())?.localSeq ?? 0;
  const journalRows: JournalRow[] = await Promise.all(
    fresh.map(async (event, index) => ({
      id: event.id,
      localSeq: lastSeq + index + 1,
      type: event.type,
      entityId: event.entityId,
      // Pulled events are already on the hub; made or imported here, they wait to be sent.
      syncState: options.origin === 'remote' ? 'acked' : 'pending',
      origin: options.origin,
      event: await codec.encode(event, { table: 'journal', id: event.id }),
    })),
  );

  await db.transaction(
    'rw',
    [db.journal, db.patients, db.visits, db.tickets, db.slips, db.assessments, db.counters],
    async () => {
      const existingCounters = await db.counters.bulkGet([...counterUpdates.keys()]);
      await db.journal.bulkAdd(journalRows);
      await db.patients.bulkPut(rows.patients);
      await db.visits.bulkPut(rows.visits);
      await db.tickets.bulkPut(rows.tickets);
      await db.slips.bulkPut(rows.slips);
      await db.assessments.bulkPut(rows.assessments);
      await db.counters.bulkPut(
        [...counterUpdates].map(([key, value], index) => ({
          key,
          value: Math.max(value, existingCounters[index]?.value ?? 0),
        })),
      );
    },
  );
  return { appended: fresh, duplicates };
}
