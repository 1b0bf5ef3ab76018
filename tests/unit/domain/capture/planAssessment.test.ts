import { describe, expect, it } from 'vitest';
import {
  planAssessment,
  reduceRow,
  Reason,
  type AssessmentInput,
  type DomainEvent,
  type EventOf,
  type Visit,
} from '@/domain';
import { reduceAssessment } from '@/domain/projections/reduceAssessment';
import { uuidv7 } from '@/lib/ids';
import { eventAt, testContext, visitRegistered } from '../eventFactory';
import { RM12_SAMPLE } from '../rm12Sample';

function visitFrom(events: DomainEvent[]): Visit {
  return events.reduce<Visit | undefined>(
    (state, event) => reduceRow(state, event) as Visit | undefined,
    undefined,
  )!;
}

const input: AssessmentInput = {
  content: RM12_SAMPLE,
  startedAt: { mode: 'manual', date: '2026-11-22', time: '08:10' },
  completedAt: { mode: 'manual', date: '2026-11-22', time: '08:20' },
  clinician: { doctorCode: 'D001', name: 'dr. Ratna Sari' },
  source: 'direct',
  attestation: true,
};

const clinic = () => {
  const context = testContext('2026-11-22T09:00:00+07:00', 'POL');
  return { ...context, actor: { userId: 'u7', name: 'Ners Dewi', role: 'clinician' as const } };
};

describe('planAssessment on a closed visit', () => {
  const visitId = uuidv7();
  const registered = visitRegistered(visitId, '08:00');
  const called = eventAt('queue.called', visitId, '08:05', {});

  it('refuses a first RM 1.2 for a cancelled visit, with the reason', () => {
    const cancelled = visitFrom([
      registered,
      eventAt('visit.cancelled', visitId, '08:06', { reason: 'Pasien pulang' }),
    ]);
    expect(planAssessment(cancelled, undefined, input, clinic())).toEqual({
      ok: false,
      error: [{ field: '', reason: Reason.AssessmentVisitCancelled }],
    });
  });

  it('refuses a first RM 1.2 for a no-show visit, with the reason', () => {
    const noShow = visitFrom([registered, called, eventAt('queue.no_show', visitId, '08:30', {})]);
    expect(planAssessment(noShow, undefined, input, clinic())).toEqual({
      ok: false,
      error: [{ field: '', reason: Reason.AssessmentVisitNoShow }],
    });
  });

  it('still lets an RM 1.2 signed before the cancellation be amended (a correction, not a new assessment)', () => {
    const open = visitFrom([registered, called]);
    const signed = planAssessment(open, undefined, input, clinic());
    if (!signed.ok) throw new Error(JSON.stringify(signed.error));
    const assessment = reduceAssessment(undefined, signed.value.events[0] as EventOf<'assessment.signed'>);
    const cancelledLater = visitFrom([
      registered,
      called,
      eventAt('visit.cancelled', visitId, '08:40', { reason: 'Salah poli' }),
    ]);
    const amended = planAssessment(
      cancelledLater,
      assessment,
      { ...input, reason: 'Suhu salah ketik' },
      clinic(),
    );
    expect(amended.ok && amended.value.events[0]!.type).toBe('assessment.amended');
  });

  it('records the signed-in person as the signer, apart from the examining doctor', () => {
    const open = visitFrom([registered, called]);
    const signed = planAssessment(open, undefined, input, clinic());
    if (!signed.ok) throw new Error(JSON.stringify(signed.error));
    const event = signed.value.events[0] as EventOf<'assessment.signed'>;
    expect(event.actor).toMatchObject({ name: 'Ners Dewi', role: 'clinician' });
    expect(event.payload.clinician).toEqual({ doctorCode: 'D001', name: 'dr. Ratna Sari' });
    const version = reduceAssessment(undefined, event)!.current;
    expect(version.signedBy.name).toBe('Ners Dewi');
    expect(version.clinician.name).toBe('dr. Ratna Sari');
  });
});
