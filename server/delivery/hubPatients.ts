import { groupEntities, projectEntity, type DomainEvent, type EntityKind, type Patient } from '@/domain';
import type { HubDatabase } from '../db/openHubDatabase';

type Row = { entity_id: string; body: string; kind: EntityKind | null };

/**
 * Every event of the given entities in store order (practice data never counts), projected as
 * patients: an entity the hub knows as another kind, or whose first event is not a patient's, is
 * no patient, whatever an older hub stored under its id [P31].
 */
function patientsOf(rows: readonly Row[]): Patient[] {
  const { groups } = groupEntities(
    rows.map((row) => JSON.parse(row.body) as DomainEvent),
    new Map(rows.flatMap((row) => (row.kind ? [[row.entity_id, row.kind]] : []))),
  );
  return [...groups.values()].flatMap((group) =>
    group.kind === 'patient' ? (projectEntity<'patients'>(group.events) ?? []) : [],
  );
}

const SELECT = 'SELECT entity_id, body, kind FROM events LEFT JOIN entity_kinds USING (entity_id)';

/** One patient as the hub's events say now. */
export function hubPatient(db: HubDatabase, patientId: string): Patient | undefined {
  return patientsOf(
    db
      .prepare<[string], Row>(`${SELECT} WHERE entity_id = ? AND drill_id IS NULL ORDER BY seq`)
      .all(patientId),
  )[0];
}

/** Every real patient the hub knows, for duplicate candidates. */
export function hubPatients(db: HubDatabase): Patient[] {
  return patientsOf(
    db
      .prepare<[], Row>(
        `${SELECT} WHERE drill_id IS NULL AND entity_id IN
           (SELECT entity_id FROM events WHERE type LIKE 'patient.%' AND drill_id IS NULL)
         ORDER BY seq`,
      )
      .all(),
  );
}
