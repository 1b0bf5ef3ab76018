import type { Visit } from '../projections/types';
import { Reason } from '../reasons';

/**
 * Why a visit cannot be given a first RM 1.2, or `undefined` when it can. A cancelled or no-show
 * visit had no assessment, so a signature would put one into the record that never happened.
 * Amending an RM 1.2 signed before the visit was closed stays possible: it corrects what the
 * record already holds, and refusing it would freeze a mistake in a signed document.
 */
export function assessmentRefusal(visit: Pick<Visit, 'status'>): Reason | undefined {
  if (visit.status === 'cancelled') return Reason.AssessmentVisitCancelled;
  if (visit.status === 'no_show') return Reason.AssessmentVisitNoShow;
  return undefined;
}
