import type { FacilityTimeZone } from '../config/runtimeConfigSchema';
import type { DomainEvent } from '../events/domainEvent';
import { projectEntity } from '../projections/projectEntity';
import { tableOf } from '../projections/projectEvent';
import type { Assessment, Patient, ProjectionTable, Slip, Visit } from '../projections/types';
import { buildVisitDocument, type SimrsVisitDocument } from './simrsDocument';

/** Why a visit cannot be delivered yet; a person has to act first. */
export type DeliveryHold = 'patient_not_mapped';

/** One visit to deliver, in the order the SIMRS must receive it. */
export type PlannedVisit = {
  itemId: string;
  visitId: string;
  patientId: string;
  /** Arrival, UTC ISO: visits reach the SIMRS in this order (it numbers them as they come). */
  sortAt: string;
  document: SimrsVisitDocument;
  hold?: DeliveryHold;
};

export const visitItemId = (visitId: string) => `visit:${visitId}`;

/**
 * Every real visit the events describe, as the document the SIMRS gets, ordered by arrival.
 * Practice events (decision 0005) never count. A patient who had only a temporary number at the
 * desk is held until a records officer maps them to a real MRN (`mrnByPatient`).
 * Pure: the hub calls it with its stored events, a test with its own.
 */
export function planVisitDeliveries(input: {
  events: readonly DomainEvent[];
  facility: { code: string; timeZone: FacilityTimeZone };
  mrnByPatient?: ReadonlyMap<string, string>;
}): PlannedVisit[] {
  const byEntity = new Map<string, { table: ProjectionTable; events: DomainEvent[] }>();
  for (const event of input.events) {
    if (event.drillId) continue;
    const table = tableOf(event);
    if (table !== 'patients' && table !== 'visits' && table !== 'slips' && table !== 'assessments') continue;
    const entry = byEntity.get(event.entityId) ?? { table, events: [] };
    entry.events.push(event);
    byEntity.set(event.entityId, entry);
  }

  const patients = new Map<string, Patient>();
  const visits: Visit[] = [];
  const slipsByVisit = new Map<string, Slip[]>();
  const assessmentByVisit = new Map<string, Assessment>();
  for (const { table, events } of byEntity.values()) {
    if (table === 'patients') {
      const patient = projectEntity<'patients'>(events);
      if (patient) patients.set(patient.id, patient);
    } else if (table === 'visits') {
      const visit = projectEntity<'visits'>(events);
      if (visit) visits.push(visit);
    } else if (table === 'slips') {
      const slip = projectEntity<'slips'>(events);
      if (slip) slipsByVisit.set(slip.visitId, [...(slipsByVisit.get(slip.visitId) ?? []), slip]);
    } else {
      const assessment = projectEntity<'assessments'>(events);
      if (assessment) assessmentByVisit.set(assessment.visitId, assessment);
    }
  }

  return visits
    .flatMap((visit): PlannedVisit[] => {
      const patient = patients.get(visit.patientId);
      // Only when the patient's registration was voided: the reconciliation report lists the
      // visit as not delivered, for a person to resolve.
      if (!patient) return [];
      const mrn = patient.mrn ?? input.mrnByPatient?.get(visit.patientId);
      const assessment = assessmentByVisit.get(visit.id);
      return [
        {
          itemId: visitItemId(visit.id),
          visitId: visit.id,
          patientId: visit.patientId,
          sortAt: new Date(visit.arrivedAt).toISOString(),
          document: buildVisitDocument({
            visit,
            patient,
            ...(mrn ? { mrn } : {}),
            slips: slipsByVisit.get(visit.id) ?? [],
            ...(assessment ? { assessment } : {}),
            facility: input.facility,
          }),
          ...(mrn ? {} : { hold: 'patient_not_mapped' as const }),
        },
      ];
    })
    .sort((a, b) => (a.sortAt < b.sortAt ? -1 : a.sortAt > b.sortAt ? 1 : a.itemId < b.itemId ? -1 : 1));
}
