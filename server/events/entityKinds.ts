import {
  entityKindOf,
  entityKindOfType,
  entityReferencesOf,
  isEventType,
  type DomainEvent,
  type EntityKind,
} from '@/domain';
import { EventRejection } from '@/domain/sync/hubRefusals';
import type { HubDatabase } from '../db/openHubDatabase';

export type EntityKindRefusal = { code: typeof EventRejection.WrongEntity; message: string; field: string };

const refusal = (field: string, message: string): EntityKindRefusal => ({
  code: EventRejection.WrongEntity,
  message,
  field,
});

/**
 * Checks one pushed batch against the kinds of entity the hub knows [P31]: call `problem` for
 * each event after the other checks, and `seen` for each event that passed them all, so later
 * events of the batch see its entity too. Refused, as provably wrong: an event whose entity the
 * hub knows as another kind (an RM 1.2 signed under a visit's id), one that names an entity as the
 * wrong kind (`visitId` = an assessment), one that names one id as two kinds, and a void of a type
 * that does not exist. An id the hub has not seen yet is accepted: devices work apart, so the
 * entity may well arrive later (a patient handed over by QR code, a batch cut in pages).
 */
export function entityKindChecker(db: HubDatabase) {
  const storedKind = db.prepare<[string], { kind: EntityKind }>(
    'SELECT kind FROM entity_kinds WHERE entity_id = ?',
  );
  const storedEvent = db.prepare<[string], { found: number }>('SELECT 1 AS found FROM events WHERE id = ?');
  const seenInBatch = new Map<string, EntityKind>();
  const knownKind = (id: string) => seenInBatch.get(id) ?? storedKind.get(id)?.kind;

  return {
    problem(event: DomainEvent): EntityKindRefusal | undefined {
      // A resent event is answered by the store (duplicate or conflict), whatever it holds.
      if (storedEvent.get(event.id)) return undefined;
      if (event.type === 'event.voided' && !isEventType(event.payload.eventType))
        return refusal('payload.eventType', `${event.payload.eventType} is not an event type.`);
      const kind = entityKindOf(event);
      const named = new Map<string, EntityKind>(kind ? [[event.entityId, kind]] : []);
      const known = knownKind(event.entityId);
      if (kind && known && known !== kind)
        return refusal(
          'entityId',
          `${event.type} belongs to an entity of kind ${kind}; the hub knows ${event.entityId} as kind ${known}.`,
        );
      for (const reference of entityReferencesOf(event)) {
        const other = named.get(reference.id) ?? knownKind(reference.id);
        if (other && other !== reference.kind)
          return refusal(
            reference.field,
            `${reference.field} must name an entity of kind ${reference.kind}; ${reference.id} is of kind ${other}.`,
          );
        named.set(reference.id, reference.kind);
      }
      return undefined;
    },
    seen(event: DomainEvent): void {
      const kind = entityKindOf(event);
      if (kind && !seenInBatch.has(event.entityId)) seenInBatch.set(event.entityId, kind);
    },
  };
}

/** Records the kind of each stored event's entity, the first one seen winning; call where events are stored. */
export function entityKindRecorder(db: HubDatabase): (event: DomainEvent) => void {
  const insert = db.prepare(
    'INSERT INTO entity_kinds (entity_id, kind) VALUES (?, ?) ON CONFLICT (entity_id) DO NOTHING',
  );
  return (event) => {
    const kind = entityKindOf(event);
    if (kind) insert.run(event.entityId, kind);
  };
}

/**
 * Fills in the kinds of entities stored without one, from their first event in store order: a
 * store from before [P31] (migration 8), or one an older hub version wrote to since. Run at every
 * start; once every entity has its kind it reads nothing but the index. Returns how many it added.
 */
export function recordMissingEntityKinds(db: HubDatabase): number {
  const hasTable = db
    .prepare<[], { found: number }>(
      "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'entity_kinds'",
    )
    .get();
  if (!hasTable) return 0;
  const rows = db.prepare<[], { entity_id: string; type: string; voided_type: string | null }>(
    `SELECT entity_id, type,
       CASE WHEN type = 'event.voided' THEN json_extract(body, '$.payload.eventType') END AS voided_type
     FROM events AS event
     WHERE NOT EXISTS (SELECT 1 FROM entity_kinds AS known WHERE known.entity_id = event.entity_id)
     ORDER BY seq`,
  );
  const insert = db.prepare(
    'INSERT INTO entity_kinds (entity_id, kind) VALUES (?, ?) ON CONFLICT (entity_id) DO NOTHING',
  );
  return db.transaction(() => {
    let added = 0;
    // All rows first: a connection cannot write while a statement iterates.
    for (const row of rows.all()) {
      const kind = entityKindOfType(row.voided_type ?? row.type);
      if (kind) added += insert.run(row.entity_id, kind).changes;
    }
    return added;
  })();
}
