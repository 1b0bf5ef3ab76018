import { describe, expect, it } from 'vitest';
import { planVisitDeliveries } from '@/domain/delivery/planVisitDeliveries';
import { reconcile, type VisitDeliveryState } from '@/domain/delivery/reconciliation';
import { DEMO_CONFIG } from '../../../../server/demoConfig';
import { outageDay } from '../../../fixtures/outageEvents';

describe('reconciling an incident against the SIMRS', () => {
  const day = outageDay({ visits: 10, seed: 21 });
  const planned = planVisitDeliveries({
    events: day.events,
    facility: { code: DEMO_CONFIG.facility.code, timeZone: DEMO_CONFIG.facility.timeZone },
  });
  // The incident saw the first eight registrations (a minute apart from 07:00 WIB).
  const from = '2026-11-23T07:00:00+07:00';
  const to = planned[7]!.document.visit.registeredAt.local;

  it('counts visits, slips and assessments by delivery state, per unit, and lists what is missing', () => {
    const states = new Map<string, VisitDeliveryState>(
      planned.slice(0, 6).map((item) => [item.visitId, { status: 'delivered', visitNumber: 'x' }]),
    );
    states.set(planned[6]!.visitId, { status: 'needs_review', code: 'invalid_document', message: 'No.' });
    const report = reconcile({ from, to, planned, states, voided: { visits: 1, slips: 0, assessments: 0 } });
    expect(report.byType.visits).toEqual({ captured: 8, delivered: 6, needsReview: 1, notYet: 1, voided: 1 });
    expect(report.byType.slips).toEqual({ captured: 8, delivered: 6, needsReview: 1, notYet: 1, voided: 0 });
    expect(report.byType.assessments.captured).toBe(0);
    expect(report.byUnit.reduce((sum, unit) => sum + unit.visits.captured, 0)).toBe(8);
    expect(report.byUnit.map((unit) => unit.poliCode)).toEqual(
      [...report.byUnit.map((unit) => unit.poliCode)].sort(),
    );
    expect(report.notDelivered.map((visit) => [visit.visitId, visit.status, visit.code])).toEqual([
      [planned[6]!.visitId, 'needs_review', 'invalid_document'],
      [planned[7]!.visitId, 'pending', undefined],
    ]);
  });

  it('is complete when every visit of the window is delivered', () => {
    const states = new Map<string, VisitDeliveryState>(
      planned.map((item) => [item.visitId, { status: 'delivered' }]),
    );
    const report = reconcile({ from, to, planned, states, voided: { visits: 0, slips: 0, assessments: 0 } });
    expect(report.notDelivered).toEqual([]);
    expect(report.byType.visits).toMatchObject({ captured: 8, delivered: 8 });
  });
});
