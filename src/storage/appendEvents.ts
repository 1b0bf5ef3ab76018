import {
  counterKeysOf,
  isCreationType,
  domainEventSchema,
  projectEntity,
  tableOf,
  type Assessment,
  type DomainEvent,
  type DowntimeLogSheet,
  type Incident,
  type Patient,
  type ProjectionTable,
  type Slip,
  type UserAccount,
  type Visit,
} from '@/domain';
import { logger } from '@/lib/logger';
import { getCodec, type StorageCodec } from './codec';
import { keepsPayload, type EventOrigin, type JournalRow, type SiagaDb } from './db';
import { hubSealingKey, sealEvent } from './hubSeal';
import { rememberSigningKeys, signingKeysOf } from './signingKeyDirectory';
import { withJournalLock } from './journalLock';
import {
  toAssessmentRow,
  toDowntimeLogRow,
  decodeBodies,
  toIncidentRow,
  toPatientRow,
  toSlipRow,
  toTicketRow,
  toVisitRow,
} from './projectionRows';

export type AppendResult = { appended: DomainEvent[]; duplicates: string[] };

const localAppendListeners = new Set<(db: SiagaDb) => void>();

/** Called after events made or imported on this device are committed: the sync engine wakes up. */
export function onLocalEventsAppended(listener: (db: SiagaDb) => void): () => void {
  localAppendListeners.add(listener);
  return () => localAppendListeners.delete(listener);
}

/** Decodes journal rows into validated events; an unreadable row is logged, never fatal. */
export async function decodeJournalRows(
  rows: readonly JournalRow[],
  codec: StorageCodec,
): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  for (const row of rows) {
    if (!row.event) continue; // purged after the retention
    const parsed = domainEventSchema.safeParse(
      await codec.decode(row.event, { table: 'journal', id: row.id }),
    );
    if (parsed.success) events.push(parsed.data);
    else logger.error('journal.unreadable_event', { localSeq: row.localSeq, type: row.type });
  }
  return events;
}

type EntityKey = `${ProjectionTable}:${string}`;

/** Groups events by the projection row they belong to (audit entries belong to none). */
export function groupByEntity(events: readonly DomainEvent[]): Map<EntityKey, DomainEvent[]> {
  const groups = new Map<EntityKey, DomainEvent[]>();
  for (const event of events) {
    const table = tableOf(event);
    if (!table) continue;
    const key: EntityKey = `${table}:${event.entityId}`;
    const group = groups.get(key);
    if (group) group.push(event);
    else groups.set(key, [event]);
  }
  return groups;
}

/** Every projection write of a set of entities, encoded, ready for one transaction. */
export async function projectEntities(groups: Map<EntityKey, DomainEvent[]>, codec: StorageCodec) {
  const writes = {
    patients: [] as Awaited<ReturnType<typeof toPatientRow>>[],
    visits: [] as Awaited<ReturnType<typeof toVisitRow>>[],
    tickets: [] as ReturnType<typeof toTicketRow>[],
    slips: [] as Awaited<ReturnType<typeof toSlipRow>>[],
    assessments: [] as Awaited<ReturnType<typeof toAssessmentRow>>[],
    users: [] as UserAccount[],
    incidents: [] as Awaited<ReturnType<typeof toIncidentRow>>[],
    downtimeLogs: [] as Awaited<ReturnType<typeof toDowntimeLogRow>>[],
    /** Rows whose every event was withdrawn (e.g. a voided registration): they disappear. */
    deletions: [] as { table: ProjectionTable; id: string }[],
  };
  for (const [key, events] of groups) {
    const [table, id] = key.split(/:(.*)/s) as [ProjectionTable, string];
    const row = projectEntity(events);
    if (!row) {
      writes.deletions.push({ table, id });
      continue;
    }
    switch (table) {
      case 'patients':
        writes.patients.push(await toPatientRow(row as Patient, codec));
        break;
      case 'visits':
        writes.visits.push(await toVisitRow(row as Visit, codec));
        writes.tickets.push(toTicketRow(row as Visit));
        break;
      case 'slips':
        writes.slips.push(await toSlipRow(row as Slip, codec));
        break;
      case 'assessments':
        writes.assessments.push(await toAssessmentRow(row as Assessment, codec));
        break;
      case 'users':
        writes.users.push(row as UserAccount);
        break;
      case 'incidents':
        writes.incidents.push(await toIncidentRow(row as Incident, codec));
        break;
      case 'downtimeLogs':
        writes.downtimeLogs.push(await toDowntimeLogRow(row as DowntimeLogSheet, codec));
        break;
    }
  }
  return writes;
}

export type ProjectionWrites = Awaited<ReturnType<typeof projectEntities>>;

/** Every table derived from the journal. */
export function projectionTables(db: SiagaDb) {
  return [
    db.patients,
    db.visits,
    db.tickets,
    db.slips,
    db.assessments,
    db.users,
    db.incidents,
    db.downtimeLogs,
    db.counters,
  ];
}

/** Puts computed rows and deletes withdrawn ones; the caller holds a transaction on `projectionTables`. */
export async function writeProjections(db: SiagaDb, writes: ProjectionWrites): Promise<void> {
  await db.patients.bulkPut(writes.patients);
  await db.visits.bulkPut(writes.visits);
  await db.tickets.bulkPut(writes.tickets);
  await db.slips.bulkPut(writes.slips);
  await db.assessments.bulkPut(writes.assessments);
  await db.users.bulkPut(writes.users);
  await db.incidents.bulkPut(writes.incidents);
  await db.downtimeLogs.bulkPut(writes.downtimeLogs);
  for (const { table, id } of writes.deletions) {
    await db[table].delete(id);
    if (table === 'visits') await db.tickets.delete(id);
  }
}

/** The highest number each per-device series has used in these events. */
export function countersOf(events: readonly DomainEvent[]): Map<string, number> {
  const counters = new Map<string, number>();
  for (const { key, value } of events.flatMap(counterKeysOf))
    counters.set(key, Math.max(value, counters.get(key) ?? 0));
  return counters;
}

/** The projection row each creating event starts (clinical ones: the only drill data). */
const TABLE_OF_CREATION: Record<string, ProjectionTable | undefined> = {
  'patient.registered': 'patients',
  'visit.registered': 'visits',
  'slip.requested': 'slips',
  'assessment.signed': 'assessments',
};

/**
 * What clearing a drill (decision 0005) takes out with a batch: the journal rows of drills cleared
 * by an `incident.drill_cleared` in the batch; the entities created in the drill (removed: all
 * their events are practice data) and the real ones it touched (projected again from what is
 * left); and the batch's own events of a cleared drill (practice data arriving late: never stored).
 */
async function drillClearing(db: SiagaDb, fresh: readonly DomainEvent[], codec: StorageCodec) {
  const clearedNow = fresh.flatMap((event) =>
    event.type === 'incident.drill_cleared' ? [event.entityId] : [],
  );
  const drillIds = [...new Set(fresh.flatMap((event) => (event.drillId ? [event.drillId] : [])))];
  const knownDrills = await decodeBodies<Incident>(
    (await db.incidents.bulkGet(drillIds)).filter((row) => row !== undefined),
    'incidents',
    codec,
  );
  const cleared = new Set([
    ...clearedNow,
    ...knownDrills.filter((drill) => drill.drillCleared).map((drill) => drill.id),
  ]);
  const discarded = new Set(
    fresh.flatMap((event) => (event.drillId && cleared.has(event.drillId) ? [event.id] : [])),
  );
  const rows = clearedNow.length > 0 ? await db.journal.where('drillId').anyOf(clearedNow).toArray() : [];
  const creations = rows.filter((row) => isCreationType(row.type));
  const created = new Set(creations.map((row) => row.entityId));
  return {
    discarded,
    journalIds: new Set(rows.map((row) => row.id)),
    removed: creations.map((row) => ({ id: row.entityId, table: TABLE_OF_CREATION[row.type] })),
    // Few, usually none: reading thousands of entities' rows back by `entityId` is slow.
    touched: [...new Set(rows.map((row) => row.entityId))].filter((id) => !created.has(id)),
  };
}

/**
 * Appends events to the journal and recomputes every projection row they touch from all of that
 * entity's events, in one IndexedDB transaction: when this resolves the events are durable, and
 * either all of them are stored with their projections or none is. Events already in the journal
 * (same id) are skipped, so replaying a batch, a QR import or a pull twice changes nothing.
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
  let fresh: DomainEvent[] = [];
  const duplicates: string[] = [];
  for (const event of events) {
    if (known.has(event.id) || seen.has(event.id)) duplicates.push(event.id);
    else fresh.push(event);
    seen.add(event.id);
  }
  if (fresh.length === 0) return { appended: [], duplicates };
  const clearing = await drillClearing(db, fresh, codec);
  if (clearing.discarded.size > 0) {
    for (const id of clearing.discarded) duplicates.push(id);
    fresh = fresh.filter((event) => !clearing.discarded.has(event.id));
  }
  if (fresh.length === 0) return { appended: [], duplicates };

  const entityIds = [...new Set([...fresh.map((event) => event.entityId), ...clearing.touched])];
  const earlier = await decodeJournalRows(
    (await db.journal.where('entityId').anyOf(entityIds).toArray()).filter(
      (row) => !clearing.journalIds.has(row.id),
    ),
    codec,
  );
  const writes = await projectEntities(groupByEntity([...earlier, ...fresh]), codec);
  // Entities created in a cleared drill disappear; real ones it touched were projected again above.
  const idsIn = (table: string) =>
    clearing.removed.filter((entity) => entity.table === table).map((entity) => entity.id);
  const counterUpdates = countersOf(fresh);
  // A correcting or voiding event settles the event it is about.
  const settled = fresh.flatMap((event) => {
    if (event.type === 'event.voided') return [{ target: event.payload.eventId, by: event.id }];
    return event.corrects ? [{ target: event.corrects, by: event.id }] : [];
  });
  const lastSeq = (await db.journal.orderBy('localSeq').last())?.localSeq ?? 0;
  // Pulled events are already on the hub; made or imported here, they wait to be sent.
  const hubKey = options.origin === 'remote' ? undefined : await hubSealingKey(db);
  const arrivedAt = new Date().toISOString();
  const journalRows: JournalRow[] = await Promise.all(
    fresh.map(async (event, index) => ({
      id: event.id,
      localSeq: lastSeq + index + 1,
      type: event.type,
      entityId: event.entityId,
      syncState: options.origin === 'remote' ? 'acked' : 'pending',
      ...(options.origin === 'remote' ? acknowledgedOnArrival(event.type, arrivedAt) : {}),
      origin: options.origin,
      ...(event.drillId ? { drillId: event.drillId } : {}),
      event: await codec.encode(event, { table: 'journal', id: event.id }),
      ...(hubKey ? { sealed: await sealEvent(hubKey, event) } : {}),
    })),
  );

  const signingKeys = await signingKeysOf(fresh);

  await db.transaction('rw', [db.journal, db.drafts, db.meta, ...projectionTables(db)], async () => {
    await rememberSigningKeys(db, signingKeys);
    const existingCounters = await db.counters.bulkGet([...counterUpdates.keys()]);
    await db.journal.bulkDelete([...clearing.journalIds]);
    await db.journal.bulkAdd(journalRows);
    for (const { target, by } of settled) {
      await db.journal
        .where('id')
        .equals(target)
        .modify((row) => {
          if (row.syncState === 'review' || row.syncState === 'pending') row.syncState = 'resolved';
          row.resolvedBy = by;
        });
    }
    await writeProjections(db, writes);
    for (const table of [db.patients, db.visits, db.slips, db.assessments])
      await table.bulkDelete(idsIn(table.name));
    await db.tickets.bulkDelete(idsIn('visits'));
    await db.drafts.where('visitId').anyOf(idsIn('visits')).delete();
    await db.counters.bulkPut(
      [...counterUpdates].map(([key, value], index) => ({
        key,
        value: Math.max(value, existingCounters[index]?.value ?? 0),
      })),
    );
  });
  if (options.origin !== 'remote') localAppendListeners.forEach((listener) => listener(db));
  return { appended: fresh, duplicates };
}

/** A pulled event is acknowledged as it arrives, and its payload retained from then on. */
function acknowledgedOnArrival(type: string, at: string): Pick<JournalRow, 'ackedAt' | 'retainedSince'> {
  return { ackedAt: at, ...(keepsPayload(type) ? {} : { retainedSince: at }) };
}
