import { EVENT_TYPES, type DomainEvent, type EventType } from '../events/domainEvent';
import { hasRight, type Right, type Workflow } from './rights';

// Apart from the rights table so that screens asking "may this role…" do not load every event
// schema at start-up; only the code that makes or checks events needs these.

/** The workflow an event type belongs to. */
export function workflowOf(type: EventType): Workflow {
  switch (type) {
    case 'patient.registered':
    case 'patient.corrected':
    case 'visit.registered':
    case 'visit.cancelled':
    case 'slip.requested': // raised by the desk as part of registering a returning patient
    case 'slip.cancelled': // withdrawn by the desk with the visit it cancels
      return 'registration';
    case 'patient.mrn_mapped': // the records officer decides who a temporary patient really is
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
    case 'delivery.started':
    case 'delivery.paused':
    case 'delivery.retried':
    case 'incident.reconciled': // the recovery clerk signs that nothing is missing
      return 'recovery';
    case 'user.created':
    case 'user.changed':
    case 'user.passphrase_set':
      return 'accounts';
    case 'audit.recorded':
      return 'audit';
    case 'incident.opened':
    case 'incident.updated':
    case 'incident.step_done':
    case 'incident.step_undone':
    case 'incident.closed':
    case 'incident.drill_cleared':
    case 'incident.backentry_marked': // whoever types the downtime's data into the SIMRS
    case 'downtime_log.imported':
    case 'downtime_log.withdrawn':
      return 'incidents';
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
    event.type === 'patient.mrn_mapped' ||
    event.type === 'assessment.amended' ||
    event.type === 'user.changed' ||
    // Removing records (practice data, a mistaken import) is a correction of what was captured;
    // bringing in a past log rewrites the hospital's history of downtimes.
    event.type === 'incident.drill_cleared' ||
    event.type === 'downtime_log.imported' ||
    event.type === 'downtime_log.withdrawn' ||
    // Starting a drill changes how every device captures; it is IT's (and recovery's) to do.
    (event.type === 'incident.opened' && event.payload.drill) ||
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
