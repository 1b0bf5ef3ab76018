import {
  planBackEntryMark,
  planDeliveryRetry,
  planDeliveryToggle,
  planMrnMapping,
  planReconciliationSignOff,
  type CaptureContext,
  type DomainEvent,
  type FieldProblem,
  type MrnMappingBasis,
  type PayloadOf,
} from '@/domain';
import type { Clock } from '@/lib/clock';
import { ok, type Result } from '@/lib/result';
import type { SiagaDb } from '../db';
import { getPatient } from '../queries';
import { onIncident } from './incidentCommands';
import { runCommand } from './runCommand';

/** Records what a planner makes of this device's context alone (nothing stored to read first). */
function recordPlanned(
  db: SiagaDb,
  plan: (context: CaptureContext) => Result<DomainEvent[], FieldProblem[]>,
  clock?: Clock,
) {
  return runCommand(
    db,
    (context) => {
      const planned = plan(context);
      return Promise.resolve(planned.ok ? ok({ events: planned.value }) : planned);
    },
    clock,
  );
}

/** Starts or pauses delivery to a SIMRS target: an event the hub applies when it arrives [P27]. */
export function setDeliveryRunning(
  db: SiagaDb,
  input: { target: string; running: boolean; reason?: string },
  clock?: Clock,
) {
  return recordPlanned(db, (context) => planDeliveryToggle(input, context), clock);
}

/** Sends again what a target refused (one reason's items, or all): an event, like a start [P27]. */
export function retryRefusedDeliveries(db: SiagaDb, input: { target: string; code?: string }, clock?: Clock) {
  return recordPlanned(db, (context) => planDeliveryRetry(input, context), clock);
}

/** Records who a temporary patient really is in the SIMRS. */
export function mapTemporaryPatient(
  db: SiagaDb,
  patientId: string,
  input: { mrn: string; basis: MrnMappingBasis; candidatesShown: number; note?: string },
  clock?: Clock,
) {
  return runCommand(
    db,
    async (context) => {
      const planned = planMrnMapping(patientId, await getPatient(db, patientId), input, context);
      return planned.ok ? ok({ events: planned.value }) : planned;
    },
    clock,
  );
}

/** Signs an incident's reconciliation (issue 7). */
export function signReconciliation(
  db: SiagaDb,
  incidentId: string,
  input: PayloadOf<'incident.reconciled'>,
  clock?: Clock,
) {
  return onIncident(
    db,
    incidentId,
    (incident, context) => planReconciliationSignOff(incident, input, context),
    clock,
  );
}

/** Marks a back-entry row as typed into the SIMRS, or not. */
export function markBackEntry(
  db: SiagaDb,
  incidentId: string,
  input: { rowId: string; done: boolean },
  clock?: Clock,
) {
  return onIncident(
    db,
    incidentId,
    (incident, context) => planBackEntryMark(incident, input, context),
    clock,
  );
}
