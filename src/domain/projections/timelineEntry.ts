import type { DomainEvent } from '../events/domainEvent';
import type { TimelineEntry } from './types';

export function timelineEntry(event: DomainEvent): TimelineEntry {
  return {
    eventId: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
    deviceCode: event.deviceCode,
    source: event.source,
  };
}

/** Keeps a timeline in real-time order (events from other devices can arrive late). */
export function insertInTimeOrder(timeline: readonly TimelineEntry[], entry: TimelineEntry): TimelineEntry[] {
  const at = Date.parse(entry.occurredAt);
  const index = timeline.findIndex((existing) => Date.parse(existing.occurredAt) > at);
  return index === -1 ? [...timeline, entry] : [...timeline.slice(0, index), entry, ...timeline.slice(index)];
}

/** True when `later` is not before `earlier` (both ISO instants with offsets). */
export function isNotBefore(later: string, earlier: string): boolean {
  return Date.parse(later) >= Date.parse(earlier);
}
