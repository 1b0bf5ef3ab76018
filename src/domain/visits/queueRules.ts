import type { QueueAction } from '../events/visitEvents';
import type { QueueStatus, Visit } from '../projections/types';

export type QueueMove = QueueAction | 'cancel';

/** From which states each queue action may be taken. */
const ALLOWED_FROM: Record<QueueMove, readonly QueueStatus[]> = {
  called: ['waiting', 'skipped'],
  recalled: ['called'],
  skipped: ['called'],
  service_started: ['called'],
  service_ended: ['serving'],
  // Hospital policy: a patient is a no-show only after having been called at least once.
  no_show: ['called', 'skipped'],
  cancel: ['waiting', 'called', 'skipped'],
};

const RESULT: Record<QueueMove, QueueStatus> = {
  called: 'called',
  recalled: 'called',
  skipped: 'skipped',
  service_started: 'serving',
  service_ended: 'done',
  no_show: 'no_show',
  cancel: 'cancelled',
};

export function canMove(status: QueueStatus, move: QueueMove): boolean {
  return ALLOWED_FROM[move].includes(status);
}

export function statusAfter(move: QueueMove): QueueStatus {
  return RESULT[move];
}

export const FINAL_STATUSES: readonly QueueStatus[] = ['done', 'no_show', 'cancelled'];

/** Open: the patient is still expected to be served today. */
export function isOpenVisit(visit: Pick<Visit, 'status'>): boolean {
  return !FINAL_STATUSES.includes(visit.status);
}

/**
 * Starting service on a patient not called yet (already at the door) is allowed: the command
 * records the call first, at the same moment.
 */
export function canStartUncalled(status: QueueStatus): boolean {
  return status === 'waiting' || status === 'skipped';
}

/** The moves a person can make now, in the order the buttons show. */
export function availableMoves(status: QueueStatus): QueueMove[] {
  return (
    ['called', 'recalled', 'service_started', 'service_ended', 'skipped', 'no_show', 'cancel'] as const
  ).filter((move) => canMove(status, move) || (move === 'service_started' && canStartUncalled(status)));
}
