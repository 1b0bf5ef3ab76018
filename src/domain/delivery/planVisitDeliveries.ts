import type { FacilityTimeZone } from '../config/runtimeConfigSchema';
import type { DomainEvent } from '../events/domainEvent';
import type { EntityKind } from '../events/entityKinds';
import { groupEntities } from '../projections/entityGroups';
import { projectEntity } from '../projections/projectEntity';
import type { Assessment, Patient, Slip, Visit } from '../projections/types';
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
 * Something planning set aside instead of failing for everyone [P31]: an event of another kind
 * than its entity (`wrong_entity`, which a hub stored before it checked kinds), an entity whose
 * events do not reduce (`unprojectable`), a visit whose document cannot be built
 * (`unplannable`). Ids and types only, so the hub can log it: never patient data.
 */
export type PlanningProblem = {
  code: 'wrong_entity' | 'unprojectable' | 'unplannable';
  entityId: string;
  eventId?: string;
  type?: string;
};

/**
 * Every real visit the events describe, as the document the SIMRS gets, ordered by arrival.
 * Practice events (decision 0005) never count. A patient who had only a temporary number at the
 * desk is held until a records officer maps them to a real MRN (`mrnByPatient`).
 * Pure: the hub calls it with its stored events in store order and the kinds it keeps for their
 * entities [P31], a test with its own events (the first of an id decides its kind). What does not fit is set aside and listed in `problems`; the
 * other visits are planned as if it were not there.
 */
export function planDeliveries(input: {
  events: readonly DomainEvent[];
  facility: { code: string; timeZone: FacilityTimeZone };
  mrnByPatient?: ReadonlyMap<string, string>;
  /** The kind the hub keeps for each entity [P31], when the events given are not all of them. */
  entityKinds?: ReadonlyMap<string, EntityKind>;
}): { visits: PlannedVisit[]; problems: PlanningProblem[] } {
  const { groups, misfits } = groupEntities(
    input.events.filter((event) => !event.drillId),
    input.entityKinds,
  );
  const problems: PlanningProblem[] = misfits.map((misfit) => ({
    code: 'wrong_entity',
    entityId: misfit.entityId,
    eventId: misfit.eventId,
    type: misfit.type,
  }));

  const patients = new Map<string, Patient>();
  const visits: Visit[] = [];
  const slipsByVisit = new Map<string, Slip[]>();
  const assessmentByVisit = new Map<string, Assessment>();
  for (const { id, kind, events } of groups.values()) {
    try {
      if (kind === 'patient') {
        const patient = projectEntity<'patients'>(events);
        if (patient) patients.set(patient.id, patient);
      } else if (kind === 'visit') {
        const visit = projectEntity<'visits'>(events);
        if (visit) visits.push(visit);
      } else if (kind === 'slip') {
        const slip = projectEntity<'slips'>(events);
        if (slip) slipsByVisit.set(slip.visitId, [...(slipsByVisit.get(slip.visitId) ?? []), slip]);
      } else if (kind === 'assessment') {
        const assessment = projectEntity<'assessments'>(events);
        if (assessment) assessmentByVisit.set(assessment.visitId, assessment);
      }
    } catch {
      problems.push({ code: 'unprojectable', entityId: id });
    }
  }

  const planned = visits.flatMap((visit): PlannedVisit[] => {
    const patient = patients.get(visit.patientId);
    // Only when the patient's registration was voided (or the visit names no patient): the
    // reconciliation report lists the visit as not delivered, for a person to resolve.
    if (!patient) return [];
    const mrn = patient.mrn ?? input.mrnByPatient?.get(visit.patientId);
    const assessment = assessmentByVisit.get(visit.id);
    try {
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
    } catch {
      problems.push({ code: 'unplannable', entityId: visit.id });
      return [];
    }
  });
  return {
    visits: planned.sort((a, b) =>
      a.sortAt < b.sortAt ? -1 : a.sortAt > b.sortAt ? 1 : a.itemId < b.itemId ? -1 : 1,
    ),
    problems,
  };
}

/** The visits of {@link planDeliveries}, without what was set aside. */
export function planVisitDeliveries(input: Parameters<typeof planDeliveries>[0]): PlannedVisit[] {
  return planDeliveries(input).visits;
}
