import { facilityDate, type Incident } from '@/domain';
import type { JournalRow, SiagaDb } from './db';

/** How many of a kind of record an incident produced, and how many of them the hub holds. */
export type BacklogCount = { captured: number; atHub: number };
export type IncidentBacklog = { visits: BacklogCount; slips: BacklogCount; assessments: BacklogCount };

const KIND_OF_TYPE: Record<string, keyof IncidentBacklog | undefined> = {
  visit: 'visits',
  queue: 'visits',
  slip: 'slips',
  assessment: 'assessments',
};

/** An entity is at the hub once none of its events waits to be sent or for review. */
const isAtHub = (rows: readonly JournalRow[]) =>
  rows.every((row) => row.syncState === 'acked' || row.syncState === 'resolved');

function count(ids: readonly string[], rowsByEntity: Map<string, JournalRow[]>): BacklogCount {
  return {
    captured: ids.length,
    atHub: ids.filter((id) => isAtHub(rowsByEntity.get(id) ?? [])).length,
  };
}

function byEntity(rows: readonly JournalRow[]): Map<string, JournalRow[]> {
  const groups = new Map<string, JournalRow[]>();
  for (const row of rows) groups.set(row.entityId, [...(groups.get(row.entityId) ?? []), row]);
  return groups;
}

/**
 * The records captured during an incident on this device (and pulled from others): for a drill,
 * exactly its practice data; for a real incident, the visits registered between detection and
 * restoration (until now while open), with their slips and assessments, drills left out.
 */
export async function incidentBacklog(db: SiagaDb, incident: Incident, now: Date): Promise<IncidentBacklog> {
  if (incident.drill) {
    const rows = await db.journal.where('drillId').equals(incident.id).toArray();
    const groups = byEntity(rows);
    const ids: Record<keyof IncidentBacklog, string[]> = { visits: [], slips: [], assessments: [] };
    for (const [entityId, entityRows] of groups) {
      const kind = KIND_OF_TYPE[entityRows[0]!.type.split('.')[0]!];
      if (kind) ids[kind].push(entityId);
    }
    return {
      visits: count(ids.visits, groups),
      slips: count(ids.slips, groups),
      assessments: count(ids.assessments, groups),
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
  const [slipIds, assessmentIds] = await Promise.all([
    db.slips.where('visitId').anyOf(visitIds).primaryKeys(),
    db.assessments.where('visitId').anyOf(visitIds).primaryKeys(),
  ]);
  const groups = byEntity(
    await db.journal
      .where('entityId')
      .anyOf([...visitIds, ...slipIds, ...assessmentIds])
      .toArray(),
  );
  return {
    visits: count(visitIds, groups),
    slips: count(slipIds, groups),
    assessments: count(assessmentIds, groups),
  };
}
