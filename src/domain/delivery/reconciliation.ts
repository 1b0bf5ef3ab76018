import type { PlannedVisit } from './planVisitDeliveries';

/** How one kind of record of an incident stands in the SIMRS. */
export type Tally = {
  captured: number;
  delivered: number;
  needsReview: number;
  notYet: number;
  voided: number;
};

export type VisitDeliveryState = {
  status: 'pending' | 'delivered' | 'retrying' | 'needs_review' | 'waiting';
  code?: string;
  message?: string;
  visitNumber?: string;
};

export type NotDeliveredVisit = {
  visitId: string;
  queueNumber: string;
  poliCode: string;
  patientName: string;
  mrn?: string;
  tempNumber?: string;
  arrivedAt: string;
  status: VisitDeliveryState['status'];
  code?: string;
  message?: string;
};

export type ReconciliationReport = {
  from: string;
  to: string;
  byType: { visits: Tally; slips: Tally; assessments: Tally };
  byUnit: { poliCode: string; visits: Tally }[];
  /** Every visit the SIMRS does not hold as captured, in arrival order. */
  notDelivered: NotDeliveredVisit[];
};

const empty = (): Tally => ({ captured: 0, delivered: 0, needsReview: 0, notYet: 0, voided: 0 });

function add(tally: Tally, state: VisitDeliveryState['status'], count = 1): void {
  tally.captured += count;
  if (state === 'delivered') tally.delivered += count;
  else if (state === 'needs_review') tally.needsReview += count;
  else tally.notYet += count;
}

/**
 * The reconciliation of an incident (issue 7): the visits registered between its detection and
 * restoration, with their slips and assessments, against what the target holds. A visit counts
 * as delivered only when the SIMRS has its latest content; its slips and assessment travel in it.
 * `voided` are records withdrawn during the incident (never sent, and rightly so).
 */
export function reconcile(input: {
  from: string;
  to: string;
  planned: readonly PlannedVisit[];
  states: ReadonlyMap<string, VisitDeliveryState>;
  voided: { visits: number; slips: number; assessments: number };
}): ReconciliationReport {
  const from = Date.parse(input.from);
  const to = Date.parse(input.to);
  const byType = { visits: empty(), slips: empty(), assessments: empty() };
  const units = new Map<string, Tally>();
  const notDelivered: NotDeliveredVisit[] = [];
  for (const item of input.planned) {
    const { visit, patient, slips, assessment } = item.document;
    const registered = Date.parse(visit.registeredAt.utc);
    if (registered < from || registered > to) continue;
    const state = input.states.get(item.visitId) ?? { status: 'pending' };
    add(byType.visits, state.status);
    add(byType.slips, state.status, slips.length);
    if (assessment) add(byType.assessments, state.status);
    const unit = units.get(visit.poliCode) ?? empty();
    add(unit, state.status);
    units.set(visit.poliCode, unit);
    if (state.status !== 'delivered')
      notDelivered.push({
        visitId: item.visitId,
        queueNumber: visit.queueNumber,
        poliCode: visit.poliCode,
        patientName: patient.name,
        ...(patient.mrn ? { mrn: patient.mrn } : {}),
        ...(patient.tempNumber ? { tempNumber: patient.tempNumber } : {}),
        arrivedAt: visit.arrivedAt.utc,
        status: state.status,
        ...(state.code ? { code: state.code } : {}),
        ...(state.message ? { message: state.message } : {}),
      });
  }
  byType.visits.voided = input.voided.visits;
  byType.slips.voided = input.voided.slips;
  byType.assessments.voided = input.voided.assessments;
  return {
    from: input.from,
    to: input.to,
    byType,
    byUnit: [...units.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([poliCode, visits]) => ({ poliCode, visits })),
    notDelivered,
  };
}
