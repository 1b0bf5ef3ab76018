import { facilityDate, type Incident } from '@/domain';
import { journalIn, type SiagaDb } from './db';

/** How many of a kind of record an incident produced, and how many of them the hub holds. */
export type BacklogCount = { captured: number; atHub: number };
export type IncidentBacklog = { visits: BacklogCount; slips: BacklogCount; assessments: BacklogCount };

const KIND_OF_TYPE: Record<string, keyof IncidentBacklog | undefined> = {
  visit: 'visits',
  queue: 'visits',
  slip: 'slips',
  assessment: 'assessments',
};

/**
 * Entities with an event the hub does not hold yet (waiting to be sent, or refused and waiting
 * for review): one range of the outbox's index. (Reading each backlog entity's journal rows with
 * `anyOf` took 8 s at 5,000 visits in Chromium; see `npm run bench`, incidents.)
 */
async function entitiesNotAtHub(db: SiagaDb): Promise<Set<string>> {
  const rows = await journalIn(db, 'pending', 'review').toArray();
  return new Set(rows.map((row) => row.entityId));
}

/** The rows of a table belonging to these visits, by a key-only walk of its `visitId` index. */
async function idsOfVisits(
  table: SiagaDb['slips'] | SiagaDb['assessments'],
  visitIds: ReadonlySet<string>,
): Promise<string[]> {
  const ids: string[] = [];
  await table.orderBy('visitId').eachKey((visitId, cursor) => {
    if (visitIds.has(visitId as string)) ids.push(cursor.primaryKey);
  });
  return ids;
}

function count(ids: readonly string[], notAtHub: ReadonlySet<string>): BacklogCount {
  return { captured: ids.length, atHub: ids.filter((id) => !notAtHub.has(id)).length };
}

/**
 * The records captured during an incident on this device (and pulled from others): for a drill,
 * exactly its practice data; for a real incident, the visits registered between detection and
 * restoration (until now while open), with their slips and assessments, drills left out.
 */
export async function incidentBacklog(db: SiagaDb, incident: Incident, now: Date): Promise<IncidentBacklog> {
  if (incident.drill) {
    const [rows, notAtHub] = await Promise.all([
      db.journal.where('drillId').equals(incident.id).toArray(),
      entitiesNotAtHub(db),
    ]);
    const ids: Record<keyof IncidentBacklog, Set<string>> = {
      visits: new Set(),
      slips: new Set(),
      assessments: new Set(),
    };
    for (const row of rows) {
      const kind = KIND_OF_TYPE[row.type.split('.')[0]!];
      if (kind) ids[kind].add(row.entityId);
    }
    return {
      visits: count([...ids.visits], notAtHub),
      slips: count([...ids.slips], notAtHub),
      assessments: count([...ids.assessments], notAtHub),
    };
  }
  const from = Date.parse(incident.detectedAt);
  const to = incident.restoredAt ? Date.parse(incident.restoredAt) : now.getTime();
  const zone = incident.timeZone;
  const visits = (
    await db.visits
      .where('serviceDate')
      .between(facilityDate(new Date(from), zone), facilityDate(new Date(to), zone), true, true)
      .toArray()
  ).filter((visit) => {
    const at = Date.parse(visit.registeredAt);
    return !visit.drillId && at >= from && at <= to;
  });
  const visitIds = visits.map((visit) => visit.id);
  const ofVisits = new Set(visitIds);
  const [slipIds, assessmentIds, notAtHub] = await Promise.all([
    idsOfVisits(db.slips, ofVisits),
    idsOfVisits(db.assessments, ofVisits),
    entitiesNotAtHub(db),
  ]);
  return {
    visits: count(visitIds, notAtHub),
    slips: count(slipIds, notAtHub),
    assessments: count(assessmentIds, notAtHub),
  };
}
