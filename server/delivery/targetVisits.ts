import type { PlannedVisit } from '@/domain/delivery/planVisitDeliveries';
import type { DeliveryTarget } from './deliveryConfig';

/**
 * The visits a target takes: a SIMRS takes every visit (a no-show is part of its queue's
 * history); SATUSEHAT only finished encounters (decision 0007).
 */
export function visitsFor(
  target: Pick<DeliveryTarget, 'adapter'>,
  planned: readonly PlannedVisit[],
): readonly PlannedVisit[] {
  return target.adapter === 'fhir-r4'
    ? planned.filter((one) => one.document.visit.status === 'done')
    : planned;
}
