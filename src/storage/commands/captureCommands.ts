import {
  planAssessment,
  planManualSlip,
  planQueueMove,
  planRegistration,
  planSlipMove,
  Reason,
  type AssessmentInput,
  type DomainEvent,
  type EventSource,
  type QueueMoveInput,
  type RegistrationInput,
  type RegistrationPlan,
  type SlipMoveInput,
  type When,
} from '@/domain';
import type { Clock } from '@/lib/clock';
import { err, ok } from '@/lib/result';
import type { SiagaDb } from '../db';
import {
  findPatients,
  getAssessmentOfVisit,
  getPatient,
  getSlip,
  getSlipsOfVisit,
  getVisit,
  getVisitsOfPatient,
  planWithCounters,
} from '../queries';
import { runCommand, type CommandResult } from './runCommand';

const notFound = (reason: Reason) => err([{ field: '', reason }]);
const withEvents = (events: DomainEvent[]) => ok({ events });

/**
 * Registers an arriving patient: patient (if new here), visit + queue ticket, and slip. A known
 * patient's visits and the patients holding a typed NIK are read first (indexed), so the planner
 * can refuse a second record for one person and an unconfirmed second visit at one poli.
 */
export function registerVisit(
  db: SiagaDb,
  input: RegistrationInput,
  clock?: Clock,
): Promise<CommandResult<RegistrationPlan>> {
  return runCommand(
    db,
    async (context) => {
      const patient = input.patient;
      const knownPatient = 'patientId' in patient ? await getPatient(db, patient.patientId) : undefined;
      const visitsOfPatient = knownPatient ? await getVisitsOfPatient(db, knownPatient.id) : [];
      const patientsWithNik =
        'identity' in patient && patient.identity.nik
          ? await findPatients(db, { nik: patient.identity.nik })
          : [];
      return planWithCounters(db, (counterValue) =>
        planRegistration(
          input,
          { ...(knownPatient ? { knownPatient } : {}), visitsOfPatient, patientsWithNik, counterValue },
          context,
        ),
      );
    },
    clock,
  );
}

/**
 * Calls, recalls, skips, starts or ends service, marks a no-show, or cancels a visit (withdrawing
 * its slips still in the records room, in the same transaction).
 */
export function moveInQueue(db: SiagaDb, visitId: string, input: QueueMoveInput, clock?: Clock) {
  return runCommand(
    db,
    async (context) => {
      const visit = await getVisit(db, visitId);
      if (!visit) return notFound(Reason.VisitNotFound);
      const slips = input.move === 'cancel' ? await getSlipsOfVisit(db, visitId) : [];
      const planned = planQueueMove(visit, input, context, slips);
      return planned.ok ? withEvents(planned.value) : planned;
    },
    clock,
  );
}

/** One step of a record-request slip's trail in the records room. */
export function moveSlip(
  db: SiagaDb,
  slipId: string,
  input: SlipMoveInput,
  when: When,
  source: EventSource,
  clock?: Clock,
) {
  return runCommand(
    db,
    async (context) => {
      const slip = await getSlip(db, slipId);
      if (!slip) return notFound(Reason.SlipNotFound);
      const planned = planSlipMove(slip, input, when, source, context);
      return planned.ok ? withEvents(planned.value) : planned;
    },
    clock,
  );
}

/** Raises a record-request slip by hand for a visit. */
export function requestSlip(db: SiagaDb, visitId: string, when: When, clock?: Clock) {
  return runCommand(
    db,
    async (context) => {
      const visit = await getVisit(db, visitId);
      const patient = visit ? await getPatient(db, visit.patientId) : undefined;
      if (!visit || !patient) return notFound(Reason.VisitNotFound);
      const planned = await planWithCounters(db, (counterValue) =>
        planManualSlip(visit, patient, counterValue, when, context),
      );
      return planned.ok ? withEvents(planned.value) : planned;
    },
    clock,
  );
}

/** Signs (or amends) the RM 1.2 of a visit; its draft on this device is then discarded. */
export async function signAssessment(db: SiagaDb, visitId: string, input: AssessmentInput, clock?: Clock) {
  const result = await runCommand(
    db,
    async (context) => {
      const visit = await getVisit(db, visitId);
      if (!visit) return notFound(Reason.VisitNotFound);
      return planAssessment(visit, await getAssessmentOfVisit(db, visitId), input, context);
    },
    clock,
  );
  if (result.ok) await db.drafts.delete(visitId);
  return result;
}
