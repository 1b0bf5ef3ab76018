import { err, type Result } from '@/lib/result';
import type { DomainEvent, EventType } from '../events/domainEvent';
import type { EventSource } from '../events/envelope';
import type { Slip, Visit } from '../projections/types';
import { Reason, type FieldProblem } from '../reasons';
import { canMoveSlip } from '../slips/slipRules';
import { canMove, canStartUncalled, type QueueMove } from '../visits/queueRules';
import {
  collectEvents,
  makeEvent,
  resolveWhen,
  type CaptureContext,
  type ResolvedTime,
  type When,
} from './captureContext';
import { checkAfter, latestTime } from './timeChecks';

export type QueueMoveInput = {
  move: QueueMove;
  when: When;
  source: EventSource;
  note?: string;
  /** Required to cancel a visit. */
  reason?: string;
};

const EVENT_OF: Record<Exclude<QueueMove, 'cancel'>, EventType> = {
  called: 'queue.called',
  recalled: 'queue.recalled',
  skipped: 'queue.skipped',
  service_started: 'queue.service_started',
  service_ended: 'queue.service_ended',
  no_show: 'queue.no_show',
};

/**
 * Plans one queue action on a visit. Starting service on a patient not yet called records the
 * call first, at the same moment, so the timeline always reads call → start.
 */
export function planQueueMove(
  visit: Visit,
  input: QueueMoveInput,
  context: CaptureContext,
  /** The visit's record-request slips: cancelling the visit withdraws those still to be worked. */
  slips: readonly Slip[] = [],
): Result<DomainEvent[], FieldProblem[]> {
  const time = resolveWhen(input.when, context, 'when');
  if (!time.ok) return err([time.error]);
  const orderProblem = checkAfter(time.value.occurredAt, latestTime(visit.timeline), 'when');
  if (orderProblem) return err([orderProblem]);

  const startsUncalled = input.move === 'service_started' && canStartUncalled(visit.status);
  if (!startsUncalled && !canMove(visit.status, input.move)) {
    return err([
      { field: '', reason: Reason.QueueTransition, params: { status: visit.status, move: input.move } },
    ]);
  }
  const note = input.note?.trim() ? { note: input.note.trim() } : {};
  const common = { entityId: visit.id, time: time.value, source: input.source };

  if (input.move === 'cancel') return planCancellation(visit, input, slips, time.value, context);
  const builds = [];
  if (startsUncalled) builds.push(makeEvent(context, { ...common, type: 'queue.called', payload: {} }));
  builds.push(makeEvent(context, { ...common, type: EVENT_OF[input.move], payload: note }));
  return collectEvents(builds);
}

/**
 * Cancelling a visit: the cancellation, and — in the same command, so the records room never
 * searches for a folder nobody needs — each of its slips still in the records room withdrawn with
 * the same reason. A slip whose folder already went to the poli stays open until it is returned.
 */
function planCancellation(
  visit: Visit,
  input: QueueMoveInput,
  slips: readonly Slip[],
  time: ResolvedTime,
  context: CaptureContext,
): Result<DomainEvent[], FieldProblem[]> {
  const reason = input.reason?.trim() ?? '';
  const withdrawn = slips.filter(
    (slip) => slip.visitId === visit.id && canMoveSlip(slip.status, 'cancelled'),
  );
  for (const slip of withdrawn) {
    const orderProblem = checkAfter(time.occurredAt, latestTime(slip.trail), 'when');
    if (orderProblem) return err([orderProblem]);
  }
  const common = { time, source: input.source, payload: { reason } };
  // Every event carries the one reason the clerk typed: a problem belongs to that field, once.
  const refuse = (problems: FieldProblem[]) =>
    err(problems.map((problem) => ({ ...problem, field: 'reason' })));
  const cancelled = makeEvent(context, { ...common, entityId: visit.id, type: 'visit.cancelled' });
  if (!cancelled.ok) return refuse(cancelled.error);
  const events = collectEvents([
    cancelled,
    ...withdrawn.map((slip) => makeEvent(context, { ...common, entityId: slip.id, type: 'slip.cancelled' })),
  ]);
  return events.ok ? events : refuse(events.error);
}
