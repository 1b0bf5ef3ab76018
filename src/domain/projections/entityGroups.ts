import type { DomainEvent } from '../events/domainEvent';
import { entityKindOf, type EntityKind } from '../events/entityKinds';

/** One entity's events, all of its kind. */
export type EntityGroup = { id: string; kind: EntityKind; events: DomainEvent[] };

/**
 * An event that cannot belong to its entity: its type is of another kind than the entity's
 * [P31]. Ids and types only, so it can be logged: never a payload.
 */
export type MisfitEvent = {
  eventId: string;
  type: string;
  entityId: string;
  entityKind: EntityKind;
  eventKind: EntityKind;
};

/**
 * Events grouped by entity, each entity of one kind [P31]: the kind of its first event in the
 * order given — the hub passes its store order, the order in which it first saw each id (and the
 * one its `entity_kinds` table keeps). An event of another kind, which a hub stored before it
 * checked kinds, is set aside as a misfit, so no reducer ever gets a row of another kind. A void
 * that does not say what it voids joins its entity's group, if there is one.
 */
export function groupEntities(events: readonly DomainEvent[]): {
  groups: Map<string, EntityGroup>;
  misfits: MisfitEvent[];
} {
  const groups = new Map<string, EntityGroup>();
  const misfits: MisfitEvent[] = [];
  const kindless: DomainEvent[] = [];
  for (const event of events) {
    const kind = entityKindOf(event);
    if (!kind) {
      kindless.push(event);
      continue;
    }
    const group = groups.get(event.entityId);
    if (!group) groups.set(event.entityId, { id: event.entityId, kind, events: [event] });
    else if (group.kind === kind) group.events.push(event);
    else
      misfits.push({
        eventId: event.id,
        type: event.type,
        entityId: event.entityId,
        entityKind: group.kind,
        eventKind: kind,
      });
  }
  for (const event of kindless) groups.get(event.entityId)?.events.push(event);
  return { groups, misfits };
}
