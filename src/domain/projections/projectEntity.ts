import type { DomainEvent, EventType } from '../events/domainEvent';
import { entityKindOf } from '../events/entityKinds';
import { reduceRow } from './projectEvent';
import type { ProjectionTable, ProjectionTables } from './types';

const CREATION: ReadonlySet<EventType> = new Set([
  'patient.registered',
  'visit.registered',
  'slip.requested',
  'assessment.signed',
  'user.created',
  'incident.opened',
  'downtime_log.imported',
]);

/** Whether an event type creates its entity (the first event of its projection row). */
export function isCreationType(type: string): boolean {
  return CREATION.has(type as EventType);
}

/**
 * The canonical order of one entity's events: its creation first, then real time, then id.
 * Reducing in this order makes a projection a function of the set of events, so two devices
 * that received the same events in different orders hold the same rows.
 */
export function compareForEntity(a: DomainEvent, b: DomainEvent): number {
  const creation = Number(CREATION.has(b.type)) - Number(CREATION.has(a.type));
  if (creation !== 0) return creation;
  const time = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  if (time !== 0) return time;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Events that no longer count: voided ones, and those replaced by a correcting event. */
export function withdrawnEventIds(events: readonly DomainEvent[]): Set<string> {
  const withdrawn = new Set<string>();
  for (const event of events) {
    if (event.type === 'event.voided') withdrawn.add(event.payload.eventId);
    if (event.corrects) withdrawn.add(event.corrects);
  }
  return withdrawn;
}

/**
 * The projection row of one entity from all of its events (any order, duplicates allowed). An
 * entity is of one kind [P31]: callers group events by entity and kind (`groupEntities`, or by
 * projection table on the device); should a list still mix kinds, only events of the first one's
 * kind are reduced, so a reducer never gets a row of another kind.
 */
export function projectEntity<T extends ProjectionTable>(
  events: readonly DomainEvent[],
): ProjectionTables[T] | undefined {
  const withdrawn = withdrawnEventIds(events);
  const unique = new Map(events.map((event) => [event.id, event]));
  const first = events.find((event) => event.type !== 'event.voided');
  const entityKind = first && entityKindOf(first);
  return [...unique.values()]
    .filter(
      (event) =>
        event.type !== 'event.voided' && !withdrawn.has(event.id) && entityKindOf(event) === entityKind,
    )
    .sort(compareForEntity)
    .reduce<ProjectionTables[T] | undefined>((row, event) => reduceRow<T>(row, event), undefined);
}
