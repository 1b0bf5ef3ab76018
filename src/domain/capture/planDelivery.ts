import { err, type Result } from '@/lib/result';
import type { DomainEvent, PayloadOf } from '../events/domainEvent';
import type { MrnMappingBasis } from '../events/patientEvents';
import { isValidMrn } from '../identifiers/patientIdentifiers';
import type { Incident, Patient } from '../projections/types';
import { Reason, type FieldProblem } from '../reasons';
import { toFacilityIso } from '../time/facilityTime';
import { collectEvents, makeEvent, type CaptureContext, type ResolvedTime } from './captureContext';

type Planned = Result<DomainEvent[], FieldProblem[]>;

const now = (context: CaptureContext): ResolvedTime => ({
  occurredAt: toFacilityIso(context.now, context.config.facility.timeZone),
  timeSource: 'device_clock',
  at: context.now,
});

/** Lets the hub deliver to a target, or holds it [P27]; the entity is the decision itself. */
export function planDeliveryToggle(
  input: { target: string; running: boolean; reason?: string },
  context: CaptureContext,
): Planned {
  const reason = input.reason?.trim();
  return collectEvents([
    input.running
      ? makeEvent(context, {
          type: 'delivery.started',
          entityId: context.newId(),
          time: now(context),
          source: 'direct',
          payload: { target: input.target },
        })
      : makeEvent(context, {
          type: 'delivery.paused',
          entityId: context.newId(),
          time: now(context),
          source: 'direct',
          payload: { target: input.target, ...(reason ? { reason } : {}) },
        }),
  ]);
}

/** Sends again what a target refused, all of it or one reason's [P27]; the entity is the request. */
export function planDeliveryRetry(
  input: { target: string; code?: string },
  context: CaptureContext,
): Planned {
  return collectEvents([
    makeEvent(context, {
      type: 'delivery.retried',
      entityId: context.newId(),
      time: now(context),
      source: 'direct',
      payload: { target: input.target, ...(input.code ? { code: input.code } : {}) },
    }),
  ]);
}

/**
 * Gives a temporary patient their real MRN (issue 7): in the hospital's MRN format, once the
 * person has seen the duplicate candidates. `patient` is this device's copy when it has one: a
 * patient registered with an MRN needs a correction, not a mapping.
 */
export function planMrnMapping(
  patientId: string,
  patient: Patient | undefined,
  input: { mrn: string; basis: MrnMappingBasis; candidatesShown: number; note?: string },
  context: CaptureContext,
): Planned {
  const mrn = input.mrn.trim().toUpperCase();
  if (!isValidMrn(mrn, context.config.mrn.pattern))
    return err([{ field: 'mrn', reason: Reason.MrnFormat, params: { example: context.config.mrn.example } }]);
  if (patient && patient.kind === 'returning') return err([{ field: 'mrn', reason: Reason.NotPermitted }]);
  const note = input.note?.trim();
  return collectEvents([
    makeEvent(context, {
      type: 'patient.mrn_mapped',
      entityId: patientId,
      time: now(context),
      source: 'direct',
      payload: { mrn, basis: input.basis, candidatesShown: input.candidatesShown, ...(note ? { note } : {}) },
    }),
  ]);
}

/**
 * The recovery clerk signs an incident's reconciliation with its totals as they stand. Anything
 * still missing needs a note saying why (SOP: the downtime ends when the data is complete, or
 * when the hospital knowingly accepts what is not).
 */
export function planReconciliationSignOff(
  incident: Incident,
  input: PayloadOf<'incident.reconciled'>,
  context: CaptureContext,
): Planned {
  if (incident.drill) return err([{ field: '', reason: Reason.NotPermitted }]);
  const note = input.note?.trim();
  if (input.notDelivered > 0 && !note) return err([{ field: 'note', reason: Reason.ReasonRequired }]);
  return collectEvents([
    makeEvent(context, {
      type: 'incident.reconciled',
      entityId: incident.id,
      time: now(context),
      source: 'direct',
      payload: { ...input, ...(note ? { note } : {}) },
    }),
  ]);
}

/** Ticks (or unticks) a back-entry worklist row of an incident. */
export function planBackEntryMark(
  incident: Incident,
  input: { rowId: string; done: boolean },
  context: CaptureContext,
): Planned {
  if (incident.drill) return err([{ field: '', reason: Reason.NotPermitted }]);
  if ((incident.backEntry?.[input.rowId]?.done ?? false) === input.done)
    return err([{ field: '', reason: Reason.NothingChanged }]);
  return collectEvents([
    makeEvent(context, {
      type: 'incident.backentry_marked',
      entityId: incident.id,
      time: now(context),
      source: 'direct',
      payload: input,
    }),
  ]);
}
