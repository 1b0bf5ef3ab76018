import type { Assessment, Visit } from '../projections/types';

/** BPJS Antrean task ids a visit can fill (pharmacy tasks 6–7 are outside Siaga). */
export type TaskId = 1 | 2 | 3 | 4 | 5 | 99;

export type TaskTime = { taskId: TaskId; at: string; basis: TaskBasis };

/** Which captured fact gave the time: shown next to each task so nothing looks invented. */
export type TaskBasis =
  | 'arrival'
  | 'admissionStart'
  | 'registration'
  | 'serviceStart'
  | 'serviceEnd'
  | 'assessmentStart'
  | 'assessmentEnd'
  | 'noShow'
  | 'cancelled';

/**
 * BPJS task times from the captured events (DOMAIN.md §2.2, §8): new patients 1-2-3-4-5,
 * returning patients 3-4-5; 99 for a no-show or cancellation. Task 4 is the start of service at
 * the poli (the RM 1.2 start when the queue did not record one), task 5 its end.
 */
export function deriveTaskTimes(visit: Visit, assessment?: Assessment): TaskTime[] {
  const tasks: TaskTime[] = [];
  if (visit.visitType === 'baru') {
    tasks.push({ taskId: 1, at: visit.arrivedAt, basis: 'arrival' });
    if (visit.admissionStartedAt)
      tasks.push({ taskId: 2, at: visit.admissionStartedAt, basis: 'admissionStart' });
  }
  tasks.push({ taskId: 3, at: visit.registeredAt, basis: 'registration' });
  if (visit.status === 'no_show' || visit.status === 'cancelled') {
    tasks.push({
      taskId: 99,
      at: visit.closedAt ?? visit.registeredAt,
      basis: visit.status === 'no_show' ? 'noShow' : 'cancelled',
    });
    return tasks;
  }
  if (visit.serviceStartedAt) tasks.push({ taskId: 4, at: visit.serviceStartedAt, basis: 'serviceStart' });
  else if (assessment) tasks.push({ taskId: 4, at: assessment.current.startedAt, basis: 'assessmentStart' });
  if (visit.serviceEndedAt) tasks.push({ taskId: 5, at: visit.serviceEndedAt, basis: 'serviceEnd' });
  else if (assessment) tasks.push({ taskId: 5, at: assessment.current.completedAt, basis: 'assessmentEnd' });
  return tasks;
}
