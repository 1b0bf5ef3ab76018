import { projectEntity, type DomainEvent, type Patient } from '@/domain';
import type { HubDatabase } from '../db/openHubDatabase';

const PATIENT_ROWS = `drill_id IS NULL AND (type LIKE 'patient.%' OR (type = 'event.voided'
  AND json_extract(body, '$.payload.eventType') LIKE 'patient.%'))`;

/** One patient as the hub's events say now (practice data never counts). */
export function hubPatient(db: HubDatabase, patientId: string): Patient | undefined {
  const events = db
    .prepare<[string], { body: string }>(`SELECT body FROM events WHERE entity_id = ? AND ${PATIENT_ROWS}`)
    .all(patientId)
    .map((row) => JSON.parse(row.body) as DomainEvent);
  return projectEntity<'patients'>(events);
}

/** Every real patient the hub knows, for duplicate candidates. */
export function hubPatients(db: HubDatabase): Patient[] {
  const byEntity = new Map<string, DomainEvent[]>();
  for (const row of db
    .prepare<[], { entity_id: string; body: string }>(
      `SELECT entity_id, body FROM events WHERE ${PATIENT_ROWS}`,
    )
    .all())
    byEntity.set(row.entity_id, [
      ...(byEntity.get(row.entity_id) ?? []),
      JSON.parse(row.body) as DomainEvent,
    ]);
  return [...byEntity.values()].flatMap((events) => projectEntity<'patients'>(events) ?? []);
}
