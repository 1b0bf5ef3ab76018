import type { EventOf } from '../events/domainEvent';
import { ticketLabel, type QueueAction } from '../events/visitEvents';
import { canMove, statusAfter, type QueueMove } from '../visits/queueRules';
import { insertInTimeOrder, isNotBefore, timelineEntry } from './timelineEntry';
import type { Anomaly, Visit } from './types';

type VisitEvent =
  | EventOf<'visit.registered'>
  | EventOf<'visit.cancelled'>
  | EventOf<'queue.called'>
  | EventOf<'queue.recalled'>
  | EventOf<'queue.skipped'>
  | EventOf<'queue.service_started'>
  | EventOf<'queue.service_ended'>
  | EventOf<'queue.no_show'>;

function queueMoveOf(event: VisitEvent): QueueMove | undefined {
  if (event.type === 'visit.cancelled') return 'cancel';
  if (event.type.startsWith('queue.')) return event.type.slice('queue.'.length) as QueueAction;
  return undefined;
}

/**
 * A visit and its poli queue ticket. Events that break the queue rules or arrive out of time
 * order (possible when two devices act on one ticket while apart) are applied and flagged.
 */
export function reduceVisit(current: Visit | undefined, event: VisitEvent): Visit | undefined {
  if (event.type === 'visit.registered') {
    if (current) return current;
    const { payload } = event;
    return {
      id: event.entityId,
      patientId: payload.patientId,
      poliCode: payload.poliCode,
      doctorCode: payload.doctorCode,
      visitType: payload.visitType,
      payer: payload.payer,
      ticket: payload.ticket,
      ticketLabel: ticketLabel(payload.ticket),
      serviceDate: payload.serviceDate,
      arrivedAt: payload.arrivedAt,
      ...(payload.admissionStartedAt ? { admissionStartedAt: payload.admissionStartedAt } : {}),
      registeredAt: event.occurredAt,
      ...(event.drillId ? { drillId: event.drillId } : {}),
      status: 'waiting',
      callCount: 0,
      timeline: [timelineEntry(event)],
      anomalies: [],
    };
  }
  if (!current) return undefined; // an action on a visit this device has not seen (yet)
  if (current.timeline.some((entry) => entry.eventId === event.id)) return current;

  const move = queueMoveOf(event);
  if (!move) return current;
  const anomalies: Anomaly[] = [...current.anomalies];
  if (!canMove(current.status, move)) anomalies.push({ eventId: event.id, rule: 'queueTransition' });
  const latest = current.timeline.at(-1);
  if (latest && !isNotBefore(event.occurredAt, latest.occurredAt))
    anomalies.push({ eventId: event.id, rule: 'timeOrder' });

  // A step that happened before the visit was closed (reported late by a device that was apart)
  // is kept on the timeline but does not reopen it: a cancelled visit stays cancelled for the poli
  // and for RM 1.2, whatever order the events arrive in.
  const happenedBeforeClosing =
    current.closedAt !== undefined && !isNotBefore(event.occurredAt, current.closedAt);
  const next: Visit = {
    ...current,
    status: happenedBeforeClosing ? current.status : statusAfter(move),
    timeline: insertInTimeOrder(current.timeline, timelineEntry(event)),
    anomalies,
  };
  switch (event.type) {
    case 'queue.called':
    case 'queue.recalled':
      next.callCount = current.callCount + 1;
      next.lastCalledAt = event.occurredAt;
      break;
    case 'queue.service_started':
      next.serviceStartedAt = current.serviceStartedAt ?? event.occurredAt;
      break;
    case 'queue.service_ended':
      next.serviceEndedAt = event.occurredAt;
      next.closedAt = event.occurredAt;
      break;
    case 'queue.no_show':
      next.closedAt = event.occurredAt;
      break;
    case 'visit.cancelled':
      next.cancelReason = event.payload.reason;
      next.closedAt = event.occurredAt;
      break;
    default:
      break;
  }
  return next;
}
