import { describe, expect, it } from 'vitest';
import {
  availableMoves,
  availableSlipMoves,
  deriveTaskTimes,
  gapWarning,
  reduceRow,
  registrationWarnings,
  Warning,
  type Assessment,
  type Patient,
  type Visit,
} from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { eventAt, visitRegistered } from '../eventFactory';
import { RM12_SAMPLE } from '../rm12Sample';

function visitFrom(events: Parameters<typeof reduceRow>[1][]): Visit {
  return events.reduce<Visit | undefined>(
    (state, event) => reduceRow(state, event) as Visit | undefined,
    undefined,
  )!;
}

describe('queue and slip moves', () => {
  it('offer only what the current state allows', () => {
    expect(availableMoves('waiting')).toEqual(['called', 'service_started', 'cancel']);
    expect(availableMoves('skipped')).toEqual(['called', 'service_started', 'no_show', 'cancel']);
    expect(availableMoves('called')).toEqual(['recalled', 'service_started', 'skipped', 'no_show', 'cancel']);
    expect(availableMoves('serving')).toEqual(['service_ended']);
    expect(availableMoves('done')).toEqual([]);
    expect(availableSlipMoves('requested')).toEqual(['found', 'not_found']);
    expect(availableSlipMoves('not_found')).toEqual(['found', 'sent']);
    expect(availableSlipMoves('returned')).toEqual([]);
  });
});

describe('deriveTaskTimes', () => {
  const id = uuidv7();

  it('gives a new patient tasks 1-2-3-4-5 from the captured times', () => {
    const visit = visitFrom([
      visitRegistered(id, '08:10', {
        visitType: 'baru',
        arrivedAt: '2026-11-22T08:00:00.000+07:00',
        admissionStartedAt: '2026-11-22T08:05:00.000+07:00',
      }),
      eventAt('queue.called', id, '08:30', {}),
      eventAt('queue.service_started', id, '08:32', {}),
      eventAt('queue.service_ended', id, '08:50', {}),
    ]);
    expect(deriveTaskTimes(visit).map(({ taskId, at }) => [taskId, at.slice(11, 16)])).toEqual([
      [1, '08:00'],
      [2, '08:05'],
      [3, '08:10'],
      [4, '08:32'],
      [5, '08:50'],
    ]);
  });

  it('gives a returning patient 3-4-5, falling back to the RM 1.2 times when the queue has none', () => {
    const visit = visitFrom([visitRegistered(id, '08:10')]);
    const assessment = {
      current: {
        startedAt: '2026-11-22T09:00:00.000+07:00',
        completedAt: '2026-11-22T09:20:00.000+07:00',
        content: RM12_SAMPLE,
      },
    } as Assessment;
    expect(deriveTaskTimes(visit, assessment).map(({ taskId, basis }) => [taskId, basis])).toEqual([
      [3, 'registration'],
      [4, 'assessmentStart'],
      [5, 'assessmentEnd'],
    ]);
  });

  it('ends with task 99 for a no-show', () => {
    const visit = visitFrom([
      visitRegistered(id, '08:10'),
      eventAt('queue.called', id, '08:30', {}),
      eventAt('queue.no_show', id, '09:00', {}),
    ]);
    expect(deriveTaskTimes(visit).map(({ taskId }) => taskId)).toEqual([3, 99]);
  });
});

describe('warnings', () => {
  const patient = {
    id: 'p',
    name: 'SITI AMINAH',
    birthDate: '1990-01-15',
    sex: 'P',
    nik: '3273025501900001',
  } as Patient;

  it('flags a long gap between steps without blocking', () => {
    expect(gapWarning('2026-11-22T12:01:00+07:00', '2026-11-22T09:00:00+07:00')).toBe(Warning.LargeTimeGap);
    expect(gapWarning('2026-11-22T11:59:00+07:00', '2026-11-22T09:00:00+07:00')).toBeUndefined();
  });

  it('warns about a NIK that disagrees with the typed birth date and sex', () => {
    const warnings = registrationWarnings(
      { nik: '3273025501900001', birthDate: '1990-01-16', sex: 'L' },
      [],
      new Date('2026-11-22'),
    );
    expect(warnings).toEqual([
      { warning: Warning.NikBirthDateMismatch },
      { warning: Warning.NikSexMismatch },
    ]);
  });

  it('warns when the same person (NIK, or name + birth date + sex) has an open visit today', () => {
    const open = visitFrom([visitRegistered(uuidv7(), '08:00')]);
    const today = [{ visit: open, patient }];
    expect(registrationWarnings({ nik: '3273025501900001' }, today, new Date('2026-11-22'))[0]).toMatchObject(
      {
        warning: Warning.OpenVisitToday,
      },
    );
    expect(
      registrationWarnings(
        { name: 'siti  aminah', birthDate: '1990-01-15', sex: 'P' },
        today,
        new Date('2026-11-22'),
      ),
    ).toHaveLength(1);
    expect(
      registrationWarnings(
        { name: 'Siti Aminah', birthDate: '1990-01-15', sex: 'L' },
        today,
        new Date('2026-11-22'),
      ),
    ).toHaveLength(0);
    const closed = { ...open, status: 'done' as const };
    expect(
      registrationWarnings({ nik: '3273025501900001' }, [{ visit: closed, patient }], new Date('2026-11-22')),
    ).toHaveLength(0);
  });
});
