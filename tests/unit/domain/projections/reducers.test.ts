import { describe, expect, it } from 'vitest';
import { isOpenSlip, reduceRow, type Assessment, type Slip, type Visit } from '@/domain';
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

  it('stays cancelled when a step from before the cancellation arrives late from another device', () => {
    const registered = visitRegistered(visitId, '08:00');
    const cancelled = eventAt('visit.cancelled', visitId, '08:20', { reason: 'Salah poli' });
    const calledOnTablet = eventAt('queue.called', visitId, '08:10', {}, 'POL');
    for (const order of [
      [registered, cancelled, calledOnTablet],
      [registered, calledOnTablet, cancelled],
    ]) {
      expect(replay<Visit>(order)).toMatchObject({
        status: 'cancelled',
        closedAt: '2026-11-22T08:20:00.000+07:00',
      });
    }
  });
});

describe('reduceSlip', () => {
  const slipId = uuidv7();
  const requested = eventAt('slip.requested', slipId, '08:00', {
    slipNo: 'BON-PD1-261122-001',
    visitId: uuidv7(),
    patientId: uuidv7(),
    mrn: '012345',
    poliCode: 'UMU',
    serviceDate: '2026-11-22',
    automatic: true,
  });

  it('withdraws a slip with its visit, keeping the reason and the time', () => {
    const slip = replay<Slip>([
      requested,
      eventAt('slip.cancelled', slipId, '08:20', { reason: 'Salah poli' }),
    ]);
    expect(slip).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Salah poli',
      cancelledAt: '2026-11-22T08:20:00.000+07:00',
      anomalies: [],
    });
    expect(isOpenSlip(slip!.status)).toBe(false);
  });

  it('flags a withdrawal after the folder already left the records room', () => {
    const sent = eventAt('slip.sent', slipId, '08:15', { rm12BlankIssued: true });
    const found = eventAt('slip.found', slipId, '08:10', { source: 'paper_folder' });
    const cancelled = eventAt('slip.cancelled', slipId, '08:20', { reason: 'Salah poli' });
    expect(replay<Slip>([requested, found, sent, cancelled])?.anomalies).toEqual([
      { eventId: cancelled.id, rule: 'slipTransition' },
    ]);
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
