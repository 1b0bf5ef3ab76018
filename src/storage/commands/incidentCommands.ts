import {
  automaticIncidentId,
  planAutomaticOpening,
  planClearDrill,
  planCloseIncident,
  planImportDowntimeLog,
  planIncidentUpdate,
  planOpenIncident,
  planStepToggle,
  planWithdrawDowntimeLog,
  Reason,
  sopSteps,
  type CaptureContext,
  type DomainEvent,
  type FieldProblem,
  type ImportedLogRow,
  type Incident,
  type IncidentOpenInput,
  type IncidentUpdateInput,
  type Role,
  type When,
} from '@/domain';
import type { Clock } from '@/lib/clock';
import { err, ok, type Result } from '@/lib/result';
import type { SiagaDb } from '../db';
import { getDowntimeLog, listDowntimeLogs } from '../downtimeLogs';
import { getIncident, listIncidents } from '../incidents';
import { runCommand } from './runCommand';

const notFound = (reason: Reason) => err([{ field: '', reason }]);
const withEvents = (events: DomainEvent[]) => ok({ events });

/** The unit an automatic opening is reported from: the signed-in person's (people correct it later). */
export const UNIT_OF_ROLE: Record<Role, string> = {
  registration: 'Pendaftaran',
  records: 'Instalasi Rekam Medis',
  clinician: 'Poli',
  recovery: 'Pemulihan data',
  admin: 'IT / SIMRS',
};

/** Opens an incident by hand, or starts a drill. */
export function openIncident(db: SiagaDb, input: IncidentOpenInput, clock?: Clock) {
  return runCommand(
    db,
    async (context) => {
      const planned = planOpenIncident(input, await listIncidents(db, { status: 'open' }), context);
      return planned.ok ? ok({ events: planned.value, incidentId: planned.value[0]?.entityId }) : planned;
    },
    clock,
  );
}

/** This device saw the hub report the SIMRS down since `since`: open or join that outage's incident. */
export function recordOutageSighting(db: SiagaDb, input: { hubId: string; since: string }, clock?: Clock) {
  return runCommand(
    db,
    async (context) => {
      const incidentId = await automaticIncidentId(input.hubId, input.since);
      const planned = planAutomaticOpening(
        { incidentId, since: input.since, unit: UNIT_OF_ROLE[context.actor.role] },
        await getIncident(db, incidentId),
        await listIncidents(db, { status: 'open' }),
        context,
      );
      return planned.ok ? withEvents(planned.value) : planned;
    },
    clock,
  );
}

/** A command on one incident: its current row to plan from, or `IncidentNotFound`. */
export function onIncident(
  db: SiagaDb,
  incidentId: string,
  plan: (incident: Incident, context: CaptureContext) => Result<DomainEvent[], FieldProblem[]>,
  clock?: Clock,
) {
  return runCommand(
    db,
    async (context) => {
      const incident = await getIncident(db, incidentId);
      if (!incident) return notFound(Reason.IncidentNotFound);
      const planned = plan(incident, context);
      return planned.ok ? withEvents(planned.value) : planned;
    },
    clock,
  );
}

export function updateIncident(db: SiagaDb, incidentId: string, input: IncidentUpdateInput, clock?: Clock) {
  return onIncident(
    db,
    incidentId,
    (incident, context) => planIncidentUpdate(incident, input, context),
    clock,
  );
}

export function toggleIncidentStep(
  db: SiagaDb,
  incidentId: string,
  input: { stepId: string; unit?: string; done: boolean; when: When; note?: string },
  clock?: Clock,
) {
  return onIncident(
    db,
    incidentId,
    (incident, context) => planStepToggle(incident, input, sopSteps(context.config), context),
    clock,
  );
}

export function closeIncident(
  db: SiagaDb,
  incidentId: string,
  input: { restoredAt: When; confirmedBy: string },
  clock?: Clock,
) {
  return onIncident(
    db,
    incidentId,
    (incident, context) => planCloseIncident(incident, input, context),
    clock,
  );
}

/** Clears a closed drill's practice data from this device, and (once synced) everywhere. */
export function clearDrill(db: SiagaDb, incidentId: string, clock?: Clock) {
  return onIncident(db, incidentId, planClearDrill, clock);
}

export function importDowntimeLog(
  db: SiagaDb,
  input: { month: string; fileName?: string; rows: ImportedLogRow[] },
  clock?: Clock,
) {
  return runCommand(
    db,
    async (context) => {
      const planned = planImportDowntimeLog(input, await listDowntimeLogs(db), context);
      return planned.ok ? withEvents(planned.value) : planned;
    },
    clock,
  );
}

export function withdrawDowntimeLog(db: SiagaDb, sheetId: string, reason: string, clock?: Clock) {
  return runCommand(
    db,
    async (context) => {
      const sheet = await getDowntimeLog(db, sheetId);
      if (!sheet) return notFound(Reason.DowntimeLogNotFound);
      const planned = planWithdrawDowntimeLog(sheet, reason, context);
      return planned.ok ? withEvents(planned.value) : planned;
    },
    clock,
  );
}
