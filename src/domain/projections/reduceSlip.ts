import type { EventOf } from '../events/domainEvent';
import { canMoveSlip, type SlipStep } from '../slips/slipRules';
import { insertInTimeOrder, isNotBefore, timelineEntry } from './timelineEntry';
import type { Anomaly, Slip } from './types';

type SlipEvent =
  | EventOf<'slip.requested'>
  | EventOf<'slip.found'>
  | EventOf<'slip.not_found'>
  | EventOf<'slip.sent'>
  | EventOf<'slip.received'>
  | EventOf<'slip.returned'>
  | EventOf<'slip.cancelled'>;

export function reduceSlip(current: Slip | undefined, event: SlipEvent): Slip | undefined {
  if (event.type === 'slip.requested') {
    if (current) return current;
    return {
      id: event.entityId,
      ...event.payload,
      status: 'requested',
      requestedAt: event.occurredAt,
      trail: [timelineEntry(event)],
      anomalies: [],
    };
  }
  if (!current) return undefined;
  if (current.trail.some((entry) => entry.eventId === event.id)) return current;

  const move = event.type.slice('slip.'.length) as SlipStep;
  const anomalies: Anomaly[] = [...current.anomalies];
  if (!canMoveSlip(current.status, move)) anomalies.push({ eventId: event.id, rule: 'slipTransition' });
  const latest = current.trail.at(-1);
  if (latest && !isNotBefore(event.occurredAt, latest.occurredAt))
    anomalies.push({ eventId: event.id, rule: 'timeOrder' });
  const next: Slip = {
    ...current,
    status: move,
    trail: insertInTimeOrder(current.trail, timelineEntry(event)),
    anomalies,
  };

  switch (event.type) {
    case 'slip.found':
      next.retrievalSource = event.payload.source;
      if (event.payload.backupSnapshotDate) next.backupSnapshotDate = event.payload.backupSnapshotDate;
      else delete next.backupSnapshotDate;
      break;
    case 'slip.sent':
      next.sentAt = event.occurredAt;
      next.rm12BlankIssued = event.payload.rm12BlankIssued;
      break;
    case 'slip.received':
      next.receivedAt = event.occurredAt;
      break;
    case 'slip.returned':
      next.returnedAt = event.occurredAt;
      break;
    case 'slip.cancelled':
      next.cancelledAt = event.occurredAt;
      next.cancelReason = event.payload.reason;
      break;
    default:
      break;
  }
  return next;
}
