import { err, ok, type Result } from '@/lib/result';
import type { DomainEvent, EventType } from '../events/domainEvent';
import type { EventSource } from '../events/envelope';
import type { Visit } from '../projections/types';
import { Reason, type FieldProblem } from '../reasons';
import { canMove, canStartUncalled, type QueueMove } from '../visits/queueRules';
import { collectEvents, makeEvent, resolveWhen, type CaptureContext, type When } from './captureContext';
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

  if (input.move === 'cancel') {
    const built = makeEvent(context, {
      ...common,
      type: 'visit.cancelled',
      payload: { reason: input.reason?.trim() ?? '' },
    });
    return built.ok
      ? ok([built.value])
      : err(built.error.map((problem) => ({ ...problem, field: 'reason' })));
  }
  const builds = [];
  if (startsUncalled) builds.push(makeEvent(context, { ...common, type: 'queue.called', payload: {} }));
  builds.push(makeEvent(context, { ...common, type: EVENT_OF[input.move], payload: note }));
  return collectEvents(builds);
}
