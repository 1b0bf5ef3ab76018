import { err, ok, type Result } from '@/lib/result';
import type { SopStep } from '../config/runtimeConfigSchema';
import type { DomainEvent, PayloadOf } from '../events/domainEvent';
import type { ImportedLogRow } from '../events/downtimeLogEvents';
import type { IncidentCause, IncidentScope } from '../events/incidentEvents';
import { activeDrillOf } from '../incidents/drillData';
import type { DowntimeLogSheet, Incident } from '../projections/types';
import { Reason, type FieldProblem } from '../reasons';
import { toFacilityIso } from '../time/facilityTime';
import {
  collectEvents,
  makeEvent,
  resolveWhen,
  type CaptureContext,
  type ResolvedTime,
  type When,
} from './captureContext';

type Planned = Result<DomainEvent[], FieldProblem[]>;

const refuse = (reason: Reason, field = '', params?: FieldProblem['params']): Planned =>
  err([{ field, reason, ...(params ? { params } : {}) }]);

const trimmed = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

function nowTime(context: CaptureContext): ResolvedTime {
  return {
    occurredAt: toFacilityIso(context.now, context.config.facility.timeZone),
    timeSource: 'device_clock',
    at: context.now,
  };
}

function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}

export type IncidentOpenInput = {
  unit: string;
  scope: IncidentScope;
  cause: IncidentCause;
  /** When the outage was noticed: now, or the time from the paper log. */
  detectedAt: When;
  drill: boolean;
  note?: string;
};

/**
 * An incident opened by hand, or a drill started by IT. Only one drill runs at a time: every
 * device marks what it captures with the running drill.
 */
export function planOpenIncident(
  input: IncidentOpenInput,
  incidents: readonly Incident[],
  context: CaptureContext,
): Planned {
  if (input.drill && activeDrillOf(incidents)) return refuse(Reason.DrillRunning);
  const detected = resolveWhen(input.detectedAt, context, 'detectedAt');
  if (!detected.ok) return err([detected.error]);
  const note = trimmed(input.note);
  return collectEvents([
    makeEvent(context, {
      type: 'incident.opened',
      entityId: context.newId(),
      time: detected.value,
      source: input.detectedAt.mode === 'manual' ? 'transcribed_from_paper' : 'direct',
      payload: {
        detection: 'manual',
        detectedAt: detected.value.occurredAt,
        unit: input.unit.trim(),
        scope: input.scope,
        cause: input.cause,
        drill: input.drill,
        ...(note ? { note } : {}),
      },
    }),
  ]);
}

/**
 * This device's sighting of an outage the hub reports: it opens the incident (`incidentId` is
 * `automaticIncidentId(hubId, since)`, the same on every device) or adds this device to it. Nothing
 * when this device has already sighted it, or when another automatic incident is still open (the
 * SIMRS flapped before anyone confirmed it back: still the same downtime for the log).
 */
export function planAutomaticOpening(
  input: { incidentId: string; since: string; unit: string },
  existing: Incident | undefined,
  incidents: readonly Incident[],
  context: CaptureContext,
): Planned {
  if (existing?.sightings.some((sighting) => sighting.deviceCode === context.deviceCode)) return ok([]);
  const otherOpen = incidents.some(
    (incident) =>
      incident.id !== input.incidentId &&
      incident.detection === 'automatic' &&
      !incident.drill &&
      incident.status === 'open',
  );
  if (!existing && otherOpen) return ok([]);
  // The sighting happens now on this device; the detection time is the hub's.
  return collectEvents([
    makeEvent(context, {
      type: 'incident.opened',
      entityId: input.incidentId,
      time: nowTime(context),
      source: 'direct',
      payload: {
        detection: 'automatic',
        detectedAt: toFacilityIso(new Date(input.since), context.config.facility.timeZone),
        unit: input.unit,
        scope: 'hospital',
        cause: 'unknown',
        drill: false,
      },
    }),
  ]);
}

export type IncidentUpdateInput = {
  unit?: string;
  scope?: IncidentScope;
  cause?: IncidentCause;
  technician?: string;
  reporter?: string;
  workDescription?: string;
  requestedAt?: When;
  respondedAt?: When;
  failoverAt?: When;
};

const TIME_FIELDS = ['requestedAt', 'respondedAt', 'failoverAt'] as const;
const TEXT_FIELDS = ['unit', 'technician', 'reporter', 'workDescription'] as const;

/**
 * What a person fills in as the incident unfolds (also after it is closed: the technician writes
 * the work done afterwards). Only fields that change are recorded.
 */
export function planIncidentUpdate(
  incident: Incident,
  input: IncidentUpdateInput,
  context: CaptureContext,
): Planned {
  const payload: PayloadOf<'incident.updated'> = {};
  const problems: FieldProblem[] = [];
  for (const field of TEXT_FIELDS) {
    const value = input[field]?.trim();
    if (value !== undefined && value !== '' && value !== incident[field]) payload[field] = value;
  }
  if (input.scope && input.scope !== incident.scope) payload.scope = input.scope;
  if (input.cause && input.cause !== incident.cause) payload.cause = input.cause;
  for (const field of TIME_FIELDS) {
    const when = input[field];
    if (!when) continue;
    const time = resolveWhen(when, context, field);
    if (!time.ok) problems.push(time.error);
    else if (incident[field] === undefined || Date.parse(incident[field]) !== time.value.at.getTime())
      payload[field] = time.value.occurredAt;
  }
  if (problems.length > 0) return err(problems);
  const requestedAt = payload.requestedAt ?? incident.requestedAt;
  const respondedAt = payload.respondedAt ?? incident.respondedAt;
  if (requestedAt && respondedAt && isBefore(respondedAt, requestedAt))
    return refuse(Reason.TimeOrder, 'respondedAt', { previous: requestedAt });
  if (payload.failoverAt && isBefore(payload.failoverAt, incident.detectedAt))
    return refuse(Reason.TimeOrder, 'failoverAt', { previous: incident.detectedAt });
  if (Object.keys(payload).length === 0) return refuse(Reason.NothingChanged);
  return collectEvents([
    makeEvent(context, {
      type: 'incident.updated',
      entityId: incident.id,
      time: nowTime(context),
      source: 'direct',
      payload,
    }),
  ]);
}

/** Ticks (or unticks) an SOP step for a unit; `when` is when it was really done. */
export function planStepToggle(
  incident: Incident,
  input: { stepId: string; unit?: string; done: boolean; when: When; note?: string },
  steps: readonly SopStep[],
  context: CaptureContext,
): Planned {
  if (!steps.some((step) => step.id === input.stepId)) return refuse(Reason.UnknownSopStep);
  const unit = trimmed(input.unit);
  const current = incident.steps.find((state) => state.stepId === input.stepId && state.unit === unit);
  if ((current?.done ?? false) === input.done) return refuse(Reason.NothingChanged);
  const time = resolveWhen(input.when, context, 'when');
  if (!time.ok) return err([time.error]);
  const common = {
    entityId: incident.id,
    time: time.value,
    source: input.when.mode === 'manual' ? ('transcribed_from_paper' as const) : ('direct' as const),
  };
  const note = trimmed(input.note);
  return collectEvents([
    input.done
      ? makeEvent(context, {
          ...common,
          type: 'incident.step_done',
          payload: { stepId: input.stepId, ...(unit ? { unit } : {}), ...(note ? { note } : {}) },
        })
      : makeEvent(context, {
          ...common,
          type: 'incident.step_undone',
          payload: { stepId: input.stepId, ...(unit ? { unit } : {}) },
        }),
  ]);
}

/** A person confirms the SIMRS is back (for a drill: the drill ends). */
export function planCloseIncident(
  incident: Incident,
  input: { restoredAt: When; confirmedBy: string },
  context: CaptureContext,
): Planned {
  if (incident.status === 'closed') return refuse(Reason.IncidentClosed);
  const restored = resolveWhen(input.restoredAt, context, 'restoredAt');
  if (!restored.ok) return err([restored.error]);
  if (isBefore(restored.value.occurredAt, incident.detectedAt))
    return refuse(Reason.TimeOrder, 'restoredAt', { previous: incident.detectedAt });
  return collectEvents([
    makeEvent(context, {
      type: 'incident.closed',
      entityId: incident.id,
      time: restored.value,
      source: input.restoredAt.mode === 'manual' ? 'transcribed_from_paper' : 'direct',
      payload: { restoredAt: restored.value.occurredAt, confirmedBy: input.confirmedBy.trim() },
    }),
  ]);
}

/** Clears a closed drill's practice data everywhere (decision 0005). */
export function planClearDrill(incident: Incident, context: CaptureContext): Planned {
  if (!incident.drill) return refuse(Reason.NotADrill);
  if (incident.status === 'open') return refuse(Reason.DrillStillOpen);
  if (incident.drillCleared) return refuse(Reason.DrillAlreadyCleared);
  return collectEvents([
    makeEvent(context, {
      type: 'incident.drill_cleared',
      entityId: incident.id,
      time: nowTime(context),
      source: 'direct',
      payload: {},
    }),
  ]);
}

/** Brings a past monthly log in; one sheet per month until it is withdrawn. */
export function planImportDowntimeLog(
  input: { month: string; fileName?: string; rows: ImportedLogRow[] },
  sheets: readonly DowntimeLogSheet[],
  context: CaptureContext,
): Planned {
  const existing = sheets.find((sheet) => sheet.month === input.month && !sheet.withdrawn);
  if (existing)
    return refuse(Reason.MonthAlreadyImported, 'month', {
      date: existing.importedAt.slice(0, 10),
    });
  const fileName = trimmed(input.fileName)?.slice(0, 200);
  return collectEvents([
    makeEvent(context, {
      type: 'downtime_log.imported',
      entityId: context.newId(),
      time: nowTime(context),
      source: 'transcribed_from_paper',
      payload: { month: input.month, ...(fileName ? { fileName } : {}), rows: input.rows },
    }),
  ]);
}

/** Takes an imported sheet out of the reports, with the reason; the sheet itself stays on record. */
export function planWithdrawDowntimeLog(
  sheet: DowntimeLogSheet,
  reason: string,
  context: CaptureContext,
): Planned {
  if (sheet.withdrawn) return refuse(Reason.DowntimeLogWithdrawn);
  if (reason.trim().length < 3) return refuse(Reason.ReasonRequired, 'reason');
  return collectEvents([
    makeEvent(context, {
      type: 'downtime_log.withdrawn',
      entityId: sheet.id,
      time: nowTime(context),
      source: 'direct',
      payload: { reason: reason.trim() },
    }),
  ]);
}
