import { err, type Result } from '@/lib/result';
import type { DomainEvent } from '../events/domainEvent';
import type { EventSource } from '../events/envelope';
import type { RetrievalSource } from '../events/slipEvents';
import { slipCounterKey } from '../projections/projectEvent';
import type { Patient, Slip, Visit } from '../projections/types';
import { Reason, type FieldProblem } from '../reasons';
import { canMoveSlip } from '../slips/slipRules';
import { compactFacilityDate } from '../time/facilityTime';
import { collectEvents, makeEvent, resolveWhen, type CaptureContext, type When } from './captureContext';
import { checkAfter, latestTime } from './timeChecks';

export type SlipMoveInput =
  | { move: 'found'; source: RetrievalSource; backupSnapshotDate?: string; note?: string }
  | { move: 'not_found'; note?: string }
  | { move: 'sent'; rm12BlankIssued: boolean; note?: string }
  | { move: 'received'; note?: string }
  | { move: 'returned'; note?: string };

const trimmedNote = (note: string | undefined) => (note?.trim() ? { note: note.trim() } : {});

/** Plans one step of a record-request slip's trail. */
export function planSlipMove(
  slip: Slip,
  input: SlipMoveInput,
  when: When,
  source: EventSource,
  context: CaptureContext,
): Result<DomainEvent[], FieldProblem[]> {
  const time = resolveWhen(when, context, 'when');
  if (!time.ok) return err([time.error]);
  const orderProblem = checkAfter(time.value.occurredAt, latestTime(slip.trail), 'when');
  if (orderProblem) return err([orderProblem]);
  if (!canMoveSlip(slip.status, input.move)) {
    return err([
      { field: '', reason: Reason.SlipTransition, params: { status: slip.status, move: input.move } },
    ]);
  }
  const common = { entityId: slip.id, time: time.value, source };
  switch (input.move) {
    case 'found':
      return collectEvents([
        makeEvent(context, {
          ...common,
          type: 'slip.found',
          payload: {
            source: input.source,
            ...(input.source === 'periodic_backup' && input.backupSnapshotDate
              ? { backupSnapshotDate: input.backupSnapshotDate }
              : {}),
            ...trimmedNote(input.note),
          },
        }),
      ]);
    case 'sent':
      return collectEvents([
        makeEvent(context, {
          ...common,
          type: 'slip.sent',
          payload: { rm12BlankIssued: input.rm12BlankIssued, ...trimmedNote(input.note) },
        }),
      ]);
    case 'not_found':
      return collectEvents([
        makeEvent(context, { ...common, type: 'slip.not_found', payload: trimmedNote(input.note) }),
      ]);
    case 'received':
      return collectEvents([
        makeEvent(context, { ...common, type: 'slip.received', payload: trimmedNote(input.note) }),
      ]);
    case 'returned':
      return collectEvents([
        makeEvent(context, { ...common, type: 'slip.returned', payload: trimmedNote(input.note) }),
      ]);
  }
}

/** A slip raised by hand (e.g. the registration did not raise one, or the first was lost). */
export function planManualSlip(
  visit: Visit,
  patient: Patient,
  counterValue: (key: string) => number,
  when: When,
  context: CaptureContext,
): Result<DomainEvent[], FieldProblem[]> {
  if (!patient.mrn) return err([{ field: 'mrn', reason: Reason.MrnRequired }]);
  const time = resolveWhen(when, context, 'when');
  if (!time.ok) return err([time.error]);
  const compactDate = compactFacilityDate(time.value.at, context.config.facility.timeZone);
  const sequence = counterValue(slipCounterKey(context.deviceCode, compactDate)) + 1;
  if (sequence > 999) return err([{ field: '', reason: Reason.SequenceExhausted }]);
  return collectEvents([
    makeEvent(context, {
      type: 'slip.requested',
      entityId: context.newId(),
      time: time.value,
      source: 'direct',
      payload: {
        slipNo: `BON-${context.deviceCode}-${compactDate}-${String(sequence).padStart(3, '0')}`,
        visitId: visit.id,
        patientId: patient.id,
        mrn: patient.mrn,
        poliCode: visit.poliCode,
        serviceDate: visit.serviceDate,
        automatic: false,
      },
    }),
  ]);
}
