import type { EventOf } from '../events/domainEvent';
import { insertInTimeOrder, timelineEntry } from './timelineEntry';
import type { DowntimeLogSheet } from './types';

type DowntimeLogEvent = EventOf<'downtime_log.imported'> | EventOf<'downtime_log.withdrawn'>;

/** An imported past log sheet; a withdrawal keeps it (and says why) but takes it out of reports. */
export function reduceDowntimeLog(
  current: DowntimeLogSheet | undefined,
  event: DowntimeLogEvent,
): DowntimeLogSheet | undefined {
  if (current?.trail.some((entry) => entry.eventId === event.id)) return current;
  if (event.type === 'downtime_log.imported') {
    if (current) return current;
    const { month, fileName, rows } = event.payload;
    return {
      id: event.entityId,
      month,
      ...(fileName ? { fileName } : {}),
      rows,
      importedAt: event.occurredAt,
      importedBy: event.actor,
      trail: [timelineEntry(event)],
    };
  }
  if (!current) return undefined;
  return {
    ...current,
    withdrawn: { at: event.occurredAt, by: event.actor, reason: event.payload.reason },
    trail: insertInTimeOrder(current.trail, timelineEntry(event)),
  };
}
