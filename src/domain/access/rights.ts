import { EVENT_TYPES, type DomainEvent, type EventType } from '../events/domainEvent';
import type { Role } from '../events/envelope';

/**
 * Permenkes 24/2022 Pasal 30: the facility grants each person the right to input, to correct
 * and to view medical records. Siaga grants them per role and per workflow; the domain checks
 * every event against this table on the device and again on the hub, so a screen that forgot to
 * hide a button still cannot record what its user may not.
 */
export const WORKFLOWS = [
  'registration',
  'queue',
  'records',
  'clinic',
  'recovery',
  'accounts',
  'audit',
] as const;
export type Workflow = (typeof WORKFLOWS)[number];

export const RIGHTS = ['input', 'correct', 'view'] as const;
export type Right = (typeof RIGHTS)[number];

type Grants = Partial<Record<Workflow, readonly Right[]>>;

const ICV: readonly Right[] = ['input', 'correct', 'view'];
const IV: readonly Right[] = ['input', 'view'];
const V: readonly Right[] = ['view'];

/**
 * Who may do what. Every role records audit events about itself (views, prints); reading the
 * audit trail is IT's. IT manages accounts and devices but does not read clinical records.
 */
export const ROLE_GRANTS: Readonly<Record<Role, Grants>> = {
  registration: { registration: ICV, queue: IV, records: V, recovery: V, audit: ['input'] },
  records: { registration: V, queue: V, records: ICV, clinic: V, recovery: V, audit: ['input'] },
  clinician: { registration: V, queue: ICV, records: V, clinic: ICV, recovery: V, audit: ['input'] },
  recovery: {
    registration: ICV,
    queue: ICV,
    records: ICV,
    clinic: V,
    recovery: ICV,
    audit: ['input'],
  },
  admin: { recovery: V, accounts: ICV, audit: IV },
};

export function hasRight(role: Role, workflow: Workflow, right: Right): boolean {
  return ROLE_GRANTS[role][workflow]?.includes(right) ?? false;
}

/** The workflow an event type belongs to. */
export function workflowOf(type: EventType): Workflow {
  switch (type) {
    case 'patient.registered':
    case 'patient.corrected':
    case 'visit.registered':
    case 'visit.cancelled':
    case 'slip.requested': // raised by the desk as part of registering a returning patient
      return 'registration';
    case 'slip.found':
    case 'slip.not_found':
    case 'slip.sent':
    case 'slip.returned':
      return 'records';
    case 'slip.received': // the clinic confirms the folder arrived
    case 'assessment.signed':
    case 'assessment.amended':
      return 'clinic';
    case 'event.voided':
      return 'recovery';
    case 'user.created':
    case 'user.changed':
    case 'user.passphrase_set':
      return 'accounts';
    case 'audit.recorded':
      return 'audit';
    case 'queue.called':
    case 'queue.recalled':
    case 'queue.skipped':
    case 'queue.service_started':
    case 'queue.service_ended':
    case 'queue.no_show':
      return 'queue';
  }
}

/**
 * The right an event needs: corrections (a correcting event, a patient correction, an amended
 * assessment, a void) need `correct` in the workflow of what they change; everything else `input`.
 */
export function requiredRight(event: DomainEvent): { workflow: Workflow; right: Right } {
  if (event.type === 'event.voided') {
    const voided = event.payload.eventType;
    const known = (EVENT_TYPES as readonly string[]).includes(voided);
    return { workflow: known ? workflowOf(voided as EventType) : 'recovery', right: 'correct' };
  }
  const correcting =
    event.corrects !== undefined ||
    event.type === 'patient.corrected' ||
    event.type === 'assessment.amended' ||
    event.type === 'user.changed' ||
    event.type === 'user.passphrase_set';
  return { workflow: workflowOf(event.type), right: correcting ? 'correct' : 'input' };
}

/** Whether the event's own actor was allowed to record it. */
export function isPermitted(event: DomainEvent): boolean {
  // Everyone may change their own passphrase.
  if (event.type === 'user.passphrase_set' && event.actor.userId === event.entityId) return true;
  const { workflow, right } = requiredRight(event);
  return hasRight(event.actor.role, workflow, right);
}
