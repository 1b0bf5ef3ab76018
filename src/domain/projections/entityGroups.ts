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
 * Events grouped by entity, each entity of one kind [P31]: the kind `known` gives (the hub's
 * `entity_kinds`, which sees every event, also those a caller did not read), else the kind of its
 * first event in the order given — the hub passes its store order, in which it first saw each id.
 * An event of another kind, which a hub stored before it checked kinds, is set aside as a misfit,
 * so no reducer ever gets a row of another kind. A void that does not say what it voids joins its
 * entity's group, if there is one.
 */
export function groupEntities(
  events: readonly DomainEvent[],
  known?: ReadonlyMap<string, EntityKind>,
): { groups: Map<string, EntityGroup>; misfits: MisfitEvent[] } {
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
    const entityKind = group?.kind ?? known?.get(event.entityId) ?? kind;
    if (entityKind !== kind)
      misfits.push({
        eventId: event.id,
        type: event.type,
        entityId: event.entityId,
        entityKind,
        eventKind: kind,
      });
    else if (group) group.events.push(event);
    else groups.set(event.entityId, { id: event.entityId, kind, events: [event] });
  }
  for (const event of kindless) groups.get(event.entityId)?.events.push(event);
  return { groups, misfits };
}
