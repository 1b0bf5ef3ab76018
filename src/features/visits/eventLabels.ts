import type { EventType, TaskBasis, TaskId } from '@/domain';
import type { MessageKey } from '@/i18n';

export const EVENT_LABEL: Record<EventType, MessageKey> = {
  'patient.registered': 'event.patient.registered',
  'patient.corrected': 'event.patient.corrected',
  'visit.registered': 'event.visit.registered',
  'visit.cancelled': 'event.visit.cancelled',
  'queue.called': 'event.queue.called',
  'queue.recalled': 'event.queue.recalled',
  'queue.skipped': 'event.queue.skipped',
  'queue.service_started': 'event.queue.service_started',
  'queue.service_ended': 'event.queue.service_ended',
  'queue.no_show': 'event.queue.no_show',
  'slip.requested': 'event.slip.requested',
  'slip.found': 'event.slip.found',
  'slip.not_found': 'event.slip.not_found',
  'slip.sent': 'event.slip.sent',
  'slip.received': 'event.slip.received',
  'slip.returned': 'event.slip.returned',
  'assessment.signed': 'event.assessment.signed',
  'assessment.amended': 'event.assessment.amended',
  'event.voided': 'event.event.voided',
  'user.created': 'event.user.created',
  'user.changed': 'event.user.changed',
  'user.passphrase_set': 'event.user.passphrase_set',
  'audit.recorded': 'event.audit.recorded',
  'incident.opened': 'event.incident.opened',
  'incident.updated': 'event.incident.updated',
  'incident.step_done': 'event.incident.step_done',
  'incident.step_undone': 'event.incident.step_undone',
  'incident.closed': 'event.incident.closed',
  'incident.drill_cleared': 'event.incident.drill_cleared',
  'downtime_log.imported': 'event.downtime_log.imported',
  'downtime_log.withdrawn': 'event.downtime_log.withdrawn',
  'delivery.started': 'event.delivery.started',
  'delivery.paused': 'event.delivery.paused',
};

export const TASK_LABEL: Record<TaskId, MessageKey> = {
  1: 'task.1',
  2: 'task.2',
  3: 'task.3',
  4: 'task.4',
  5: 'task.5',
  99: 'task.99',
};

export const TASK_BASIS_LABEL: Record<TaskBasis, MessageKey> = {
  arrival: 'taskBasis.arrival',
  admissionStart: 'taskBasis.admissionStart',
  registration: 'taskBasis.registration',
  serviceStart: 'taskBasis.serviceStart',
  serviceEnd: 'taskBasis.serviceEnd',
  assessmentStart: 'taskBasis.assessmentStart',
  assessmentEnd: 'taskBasis.assessmentEnd',
  noShow: 'taskBasis.noShow',
  cancelled: 'taskBasis.cancelled',
};
