import { describe, expect, it } from 'vitest';
import { reduceRow, type Assessment, type Visit } from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { eventAt, visitRegistered } from '../eventFactory';
import { RM12_SAMPLE } from '../rm12Sample';

function replay<T>(events: Parameters<typeof reduceRow>[1][]): T | undefined {
  return events.reduce<T | undefined>(
    (state, event) => reduceRow(state as never, event) as T | undefined,
    undefined,
  );
}

describe('reduceVisit', () => {
  const visitId = uuidv7();

  it('builds the visit and ticket from the registration', () => {
    const visit = replay<Visit>([visitRegistered(visitId, '08:00')]);
    expect(visit).toMatchObject({
      id: visitId,
      status: 'waiting',
      ticketLabel: 'A-PD1-001',
      callCount: 0,
      anomalies: [],
    });
  });

  it('ignores an event it has already applied', () => {
    const registered = visitRegistered(visitId, '08:00');
    const called = eventAt('queue.called', visitId, '08:10', {});
    const once = replay<Visit>([registered, called]);
    expect(replay<Visit>([registered, called, called])).toEqual(once);
  });

  it('cannot act on a visit it has not seen', () => {
    expect(replay<Visit>([eventAt('queue.called', visitId, '08:10', {})])).toBeUndefined();
  });

  it('applies events from two devices that broke the rules while apart, keeps them in time order, and flags them', () => {
    const registered = visitRegistered(visitId, '08:00');
    const endedOnTablet = eventAt('queue.service_ended', visitId, '09:00', {}, 'POL');
    const calledAtDesk = eventAt('queue.called', visitId, '08:30', {});
    const visit = replay<Visit>([registered, endedOnTablet, calledAtDesk])!;
    expect(visit.timeline.map((entry) => entry.type)).toEqual([
      'visit.registered',
      'queue.called',
      'queue.service_ended',
    ]);
    expect(visit.anomalies).toEqual([
      { eventId: endedOnTablet.id, rule: 'queueTransition' },
      { eventId: calledAtDesk.id, rule: 'queueTransition' },
      { eventId: calledAtDesk.id, rule: 'timeOrder' },
    ]);
  });

  it('closes the visit on no-show and cancellation with the real time', () => {
    const registered = visitRegistered(visitId, '08:00');
    const noShow = replay<Visit>([
      registered,
      eventAt('queue.called', visitId, '08:10', {}),
      eventAt('queue.no_show', visitId, '08:40', {}),
    ]);
    expect(noShow).toMatchObject({ status: 'no_show', closedAt: '2026-11-22T08:40:00.000+07:00' });
    const cancelled = replay<Visit>([
      registered,
      eventAt('visit.cancelled', visitId, '08:20', { reason: 'Salah poli' }),
    ]);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Salah poli' });
  });
});

describe('reduceAssessment', () => {
  const assessmentId = uuidv7();
  const visitId = uuidv7();
  const version = (number: number, completed: string) => ({
    visitId,
    template: 'rm12@1' as const,
    version: number,
    content: RM12_SAMPLE,
    startedAt: '2026-11-22T08:30:00.000+07:00',
    completedAt: `2026-11-22T${completed}:00.000+07:00`,
    clinician: { name: 'dr. Ratna' },
    attestation: true as const,
  });

  it('keeps every signed version and makes the highest current', () => {
    const signed = eventAt('assessment.signed', assessmentId, '08:50', version(1, '08:50'));
    const amended = eventAt('assessment.amended', assessmentId, '09:30', {
      ...version(2, '09:30'),
      reason: 'Koreksi diagnosis',
    });
    const assessment = replay<Assessment>([amended, signed])!; // arrival order may differ from version order
    expect(assessment.current.version).toBe(2);
    expect(assessment.history.map((entry) => entry.version)).toEqual([1]);
  });

  it('flags two different signatures of the same version instead of dropping one', () => {
    const first = eventAt('assessment.signed', assessmentId, '08:50', version(1, '08:50'));
    const second = eventAt('assessment.signed', assessmentId, '08:55', version(1, '08:55'), 'POL');
    const assessment = replay<Assessment>([first, second])!;
    expect(assessment.history).toHaveLength(1);
    expect(assessment.anomalies).toEqual([{ eventId: second.id, rule: 'duplicateSignature' }]);
  });
});
