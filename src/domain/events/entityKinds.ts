import type { DomainEvent, EventType, PayloadOf } from './domainEvent';

// Schema-free on purpose (types only): projections on the device read this registry too, and
// start-up modules must not pull in the event schemas.

/**
 * What an event's `entityId` names [P31]. Every event belongs to exactly one entity, and an entity
 * is of one kind for ever: a visit's id never names an assessment, an account or an incident.
 * The queue ticket is not an entity of its own: its events change the visit's row (the `tickets`
 * table is the visit's non-identifying view). `audit_entry` and `delivery_decision` name the
 * event itself (their `entityId` is a fresh id, usually the event's own).
 */
export const ENTITY_KINDS = [
  'patient',
  'visit',
  'slip',
  'assessment',
  'account',
  'incident',
  'downtime_log',
  'audit_entry',
  'delivery_decision',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Every event type but `event.voided`, whose entity is that of the event it voids. */
export type OwnKindEventType = Exclude<EventType, 'event.voided'>;

/**
 * The kind of entity each event type belongs to. A new event type does not compile until it is
 * given one here (and, if its payload names other entities, in {@link ENTITY_REFERENCES}).
 */
export const ENTITY_KIND_OF_TYPE: { readonly [T in OwnKindEventType]: EntityKind } = {
  'patient.registered': 'patient',
  'patient.corrected': 'patient',
  'patient.mrn_mapped': 'patient',
  'visit.registered': 'visit',
  'visit.cancelled': 'visit',
  'queue.called': 'visit',
  'queue.recalled': 'visit',
  'queue.skipped': 'visit',
  'queue.service_started': 'visit',
  'queue.service_ended': 'visit',
  'queue.no_show': 'visit',
  'slip.requested': 'slip',
  'slip.found': 'slip',
  'slip.not_found': 'slip',
  'slip.sent': 'slip',
  'slip.received': 'slip',
  'slip.returned': 'slip',
  'slip.cancelled': 'slip',
  'assessment.signed': 'assessment',
  'assessment.amended': 'assessment',
  'user.created': 'account',
  'user.changed': 'account',
  'user.passphrase_set': 'account',
  'audit.recorded': 'audit_entry',
  'incident.opened': 'incident',
  'incident.updated': 'incident',
  'incident.step_done': 'incident',
  'incident.step_undone': 'incident',
  'incident.closed': 'incident',
  'incident.drill_cleared': 'incident',
  'incident.reconciled': 'incident',
  'incident.backentry_marked': 'incident',
  'downtime_log.imported': 'downtime_log',
  'downtime_log.withdrawn': 'downtime_log',
  'delivery.started': 'delivery_decision',
  'delivery.paused': 'delivery_decision',
  'delivery.retried': 'delivery_decision',
};

/** Payload fields holding an id, keyed by field name. */
type IdFields<T extends EventType> = {
  [F in keyof PayloadOf<T> & string]: NonNullable<PayloadOf<T>[F]> extends string ? F : never;
}[keyof PayloadOf<T> & string];

/**
 * Payload fields that name another entity, with the kind that entity must be [P31]. Besides
 * these, every event's `drillId` names an incident, and a back-entry mark's `rowId` starts with
 * its visit's id (and, for a record request, ends with its slip's): see {@link entityReferencesOf}.
 * `event.voided`'s `eventId` names an event, not an entity, and is not listed.
 */
export const ENTITY_REFERENCES: {
  readonly [T in EventType]: { readonly [F in IdFields<T>]?: EntityKind };
} = {
  'patient.registered': {},
  'patient.corrected': {},
  'patient.mrn_mapped': {},
  'visit.registered': { patientId: 'patient' },
  'visit.cancelled': {},
  'queue.called': {},
  'queue.recalled': {},
  'queue.skipped': {},
  'queue.service_started': {},
  'queue.service_ended': {},
  'queue.no_show': {},
  'slip.requested': { visitId: 'visit', patientId: 'patient' },
  'slip.found': {},
  'slip.not_found': {},
  'slip.sent': {},
  'slip.received': {},
  'slip.returned': {},
  'slip.cancelled': {},
  'assessment.signed': { visitId: 'visit' },
  'assessment.amended': { visitId: 'visit' },
  'event.voided': {},
  'user.created': {},
  'user.changed': {},
  'user.passphrase_set': {},
  'audit.recorded': { visitId: 'visit', patientId: 'patient' },
  'incident.opened': {},
  'incident.updated': {},
  'incident.step_done': {},
  'incident.step_undone': {},
  'incident.closed': {},
  'incident.drill_cleared': {},
  'incident.reconciled': {},
  'incident.backentry_marked': {},
  'downtime_log.imported': {},
  'downtime_log.withdrawn': {},
  'delivery.started': {},
  'delivery.paused': {},
  'delivery.retried': {},
};

/** The kind of entity an event type belongs to; `undefined` for `event.voided` and unknown types. */
export function entityKindOfType(type: string): EntityKind | undefined {
  return Object.hasOwn(ENTITY_KIND_OF_TYPE, type) ? ENTITY_KIND_OF_TYPE[type as OwnKindEventType] : undefined;
}

/**
 * The kind of entity an event belongs to: its type's, or for a void the voided type's.
 * `undefined` only for a void whose `eventType` names no kind (a void of a void, or a type this
 * version does not know): the event itself does not say what its entity is.
 */
export function entityKindOf(event: Pick<DomainEvent, 'type' | 'payload'>): EntityKind | undefined {
  if (event.type === 'event.voided')
    return entityKindOfType((event.payload as PayloadOf<'event.voided'>).eventType);
  return ENTITY_KIND_OF_TYPE[event.type];
}

/** Whether a string is an event type of this protocol version. */
export function isEventType(type: string): type is EventType {
  return type === 'event.voided' || Object.hasOwn(ENTITY_KIND_OF_TYPE, type);
}

/** Another entity an event names, where (`field`, as in a refusal) and of which kind it must be. */
export type EntityReference = { field: string; id: string; kind: EntityKind };

const ROW_ID_PATTERN = /^([0-9a-f-]{36}):([a-z_]+)(?::([0-9a-f-]{36}))?$/;

/** Every other entity an event names [P31]: payload references, its drill, a back-entry row's visit and slip. */
export function entityReferencesOf(event: DomainEvent): EntityReference[] {
  const references: EntityReference[] = [];
  if (event.drillId) references.push({ field: 'drillId', id: event.drillId, kind: 'incident' });
  const fields = ENTITY_REFERENCES[event.type] as Readonly<Record<string, EntityKind>>;
  const payload = event.payload as Readonly<Record<string, unknown>>;
  for (const [field, kind] of Object.entries(fields)) {
    const id = payload[field];
    if (typeof id === 'string') references.push({ field: `payload.${field}`, id, kind });
  }
  if (event.type === 'incident.backentry_marked') {
    const [, visitId, , slipId] = ROW_ID_PATTERN.exec(event.payload.rowId) ?? [];
    if (visitId) references.push({ field: 'payload.rowId', id: visitId, kind: 'visit' });
    if (slipId) references.push({ field: 'payload.rowId', id: slipId, kind: 'slip' });
  }
  return references;
}
