import { describe, expect, it } from 'vitest';
import {
  buildIncidentMonthReport,
  buildYearlyOverview,
  DEFAULT_SOP_STEPS,
  downtimeReportToCsv,
  markDrillData,
  median,
  projectEntity,
  stepTimings,
  type DomainEvent,
  type DowntimeLogSheet,
  type Incident,
} from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { eventAt } from '../eventFactory';
import { incidentEvent, opened } from './incidentFixture';

const ZONE = 'Asia/Jakarta' as const;

/** An incident detected, requested and answered at WIB times (`YYYY-MM-DDTHH:MM:SS`). */
function incident(
  times: { detected: string; requested?: string; responded?: string; restored?: string },
  options: { drill?: boolean; work?: string } = {},
): Incident {
  const id = uuidv7();
  const wib = (local: string) => `${local}.000+07:00`;
  const events: DomainEvent[] = [opened(id, wib(times.detected), { drill: options.drill ?? false })];
  if (times.requested || times.responded || options.work)
    events.push(
      incidentEvent(
        'incident.updated',
        id,
        wib(times.requested ?? times.detected),
        {
          ...(times.requested ? { requestedAt: wib(times.requested) } : {}),
          ...(times.responded ? { respondedAt: wib(times.responded) } : {}),
          ...(options.work ? { workDescription: options.work } : {}),
        },
        'admin',
      ),
    );
  if (times.restored)
    events.push(
      incidentEvent('incident.closed', id, wib(times.restored), {
        restoredAt: wib(times.restored),
        confirmedBy: 'Rina Petugas',
      }),
    );
  return projectEntity<'incidents'>(events)!;
}

const report = (
  month: string,
  incidents: Incident[],
  sheets: DowntimeLogSheet[] = [],
  thresholdMinutes = 15,
) => buildIncidentMonthReport({ month, incidents, sheets, thresholdMinutes, zone: ZONE });

describe('the monthly report from incidents', () => {
  it('is on time at exactly the threshold and late one second after', () => {
    const exactly = incident(
      { detected: '2026-11-03T08:00:00', requested: '2026-11-03T08:00:00', responded: '2026-11-03T08:15:00' },
      { work: 'Ganti kabel' },
    );
    const late = incident(
      { detected: '2026-11-04T08:00:00', requested: '2026-11-04T08:00:00', responded: '2026-11-04T08:15:01' },
      { work: 'Setting IP' },
    );
    const month = report('2026-11', [exactly, late]);
    expect(month.lines.map((line) => [line.row.requestTime, line.row.responseTime, line.onTime])).toEqual([
      ['08:00', '08:15', true],
      ['08:00', '08:15', false],
    ]);
    expect([month.totalRepairs, month.totalOnTime, month.percentOnTime]).toEqual([2, 1, 50]);
    expect(report('2026-11', [exactly, late], [], 14).totalOnTime).toBe(0);
  });

  it('counts a response after midnight in full, on the date of the request', () => {
    const night = incident(
      { detected: '2026-11-30T23:40:00', requested: '2026-11-30T23:50:00', responded: '2026-12-01T00:05:00' },
      { work: 'Restart server' },
    );
    const november = report('2026-11', [night]);
    expect(november.lines[0]).toMatchObject({
      row: { date: '2026-11-30', requestTime: '23:50', responseTime: '00:05', durationSeconds: 900 },
      onTime: true,
    });
    expect(report('2026-12', [night]).totalRepairs).toBe(0);
  });

  it('reports an empty month as 0 repairs, 0 on time and no percentage', () => {
    const empty = report('2026-02', []);
    expect([empty.totalRepairs, empty.totalOnTime, empty.percentOnTime]).toEqual([0, 0, null]);
    expect(downtimeReportToCsv(empty)).toContain('PRESENTASE KETEPATAN;;;;;-;;');
  });

  it('rounds the percentage as the hospital spreadsheet does, never to 100 % with a late response', () => {
    const day = (d: number, minutes: number) =>
      incident(
        {
          detected: `2026-11-${String(d).padStart(2, '0')}T08:00:00`,
          requested: `2026-11-${String(d).padStart(2, '0')}T08:00:00`,
          responded: `2026-11-${String(d).padStart(2, '0')}T08:${String(minutes).padStart(2, '0')}:00`,
        },
        { work: 'Perbaikan' },
      );
    expect(report('2026-11', [day(1, 5), day(2, 5), day(3, 30)]).percentOnTime).toBe(67);
    const many = Array.from({ length: 20 }, (_, index) => day(index + 1, index === 0 ? 40 : 3));
    expect(report('2026-11', many).percentOnTime).toBe(95);
  });

  it('leaves drills out, lists incidents not yet complete, and joins the imported sheet of the month', () => {
    const drill = incident(
      { detected: '2026-11-05T09:00:00', requested: '2026-11-05T09:01:00', responded: '2026-11-05T09:03:00' },
      { drill: true, work: 'Latihan' },
    );
    const open = incident({ detected: '2026-11-06T10:00:00', requested: '2026-11-06T10:02:00' });
    const done = incident(
      { detected: '2026-11-07T10:00:00', requested: '2026-11-07T10:01:00', responded: '2026-11-07T10:04:00' },
      { work: 'Pemindahan jaringan' },
    );
    const sheet: DowntimeLogSheet = {
      id: uuidv7(),
      month: '2026-11',
      rows: [
        {
          line: 2,
          date: '2026-11-02',
          unit: 'Instalasi Rekam Medis',
          requestTime: '08:38',
          responseTime: '09:00',
          durationSeconds: 120,
          description: 'Pengapian kabel jaringan',
          acceptedQuirks: ['durationMismatch'],
        },
      ],
      importedAt: '2026-11-20T10:00:00.000+07:00',
      importedBy: { userId: 'u', name: 'IT', role: 'admin' },
      trail: [],
    };
    const month = report('2026-11', [drill, open, done], [sheet]);
    expect(month.lines.map((line) => [line.no, line.row.date, line.row.source.kind])).toEqual([
      [1, '2026-11-02', 'imported'],
      [2, '2026-11-07', 'incident'],
    ]);
    // Accepted as printed: the printed 0:02:00 counts, as the hospital's own log did.
    expect(month.lines[0]).toMatchObject({
      onTime: true,
      row: { source: { acceptedQuirks: ['durationMismatch'] } },
    });
    expect(month.lines[1]!.row.source).toMatchObject({ kind: 'incident', number: 'DT-202611-002' });
    expect(month.incomplete.map((entry) => [entry.number, entry.missing])).toEqual([
      ['DT-202611-001', ['respondedAt', 'workDescription']],
    ]);
    const withdrawn = {
      ...sheet,
      withdrawn: { at: sheet.importedAt, by: sheet.importedBy, reason: 'salah' },
    };
    expect(report('2026-11', [done], [withdrawn]).totalRepairs).toBe(1);
  });
});

describe('the yearly overview', () => {
  it('gives each month its repairs, on-time %, median response and downtime', () => {
    const a = incident(
      {
        detected: '2026-03-02T08:00:00',
        requested: '2026-03-02T08:02:00',
        responded: '2026-03-02T08:04:00',
        restored: '2026-03-02T10:00:00',
      },
      { work: 'A' },
    );
    const b = incident(
      {
        detected: '2026-03-20T23:00:00',
        requested: '2026-03-20T23:05:00',
        responded: '2026-03-20T23:35:00',
        restored: '2026-03-21T01:30:00',
      },
      { work: 'B' },
    );
    const year = buildYearlyOverview({
      year: 2026,
      incidents: [a, b],
      sheets: [],
      thresholdMinutes: 15,
      zone: ZONE,
    });
    expect(year).toHaveLength(12);
    expect(year[2]).toEqual({
      month: '2026-03',
      repairs: 2,
      onTime: 1,
      percentOnTime: 50,
      medianResponseSeconds: 960,
      incidents: 2,
      downtimeMinutes: 120 + 150,
      imported: false,
    });
    expect(year[0]).toMatchObject({
      repairs: 0,
      percentOnTime: null,
      medianResponseSeconds: null,
      downtimeMinutes: 0,
    });
  });

  it('takes the middle value for an odd count and the mean of the two middles for an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([])).toBeNull();
  });
});

describe('drills', () => {
  it('says how long each SOP step took, in the SOP order', () => {
    const id = uuidv7();
    const tick = (stepId: string, at: string, unit?: string) =>
      incidentEvent('incident.step_done', id, `2026-11-10T${at}:00.000+07:00`, {
        stepId,
        ...(unit ? { unit } : {}),
      });
    const drill = projectEntity<'incidents'>([
      opened(id, '2026-11-10T09:00:00.000+07:00', { drill: true }),
      tick('inform-patients', '09:12', 'Pendaftaran'),
      tick('contact-technician', '09:04', 'Pendaftaran'),
      tick('contact-technician', '09:06', 'Poli Anak'),
    ])!;
    const timings = stepTimings(drill, DEFAULT_SOP_STEPS);
    expect(
      timings.slice(0, 3).map((timing) => [timing.step.id, timing.minutesFromStart, timing.minutesTaken]),
    ).toEqual([
      ['contact-technician', 4, 4],
      ['inform-patients', 12, 8],
      ['manual-calling', undefined, undefined],
    ]);
  });

  it('marks clinical events captured during a drill, and later ones about its entities, never accounts or incidents', () => {
    const drillId = uuidv7();
    const visitId = uuidv7();
    const called = eventAt('queue.called', visitId, '09:10', {});
    const incidentUpdate = incidentEvent('incident.updated', drillId, '2026-11-22T09:10:00.000+07:00', {
      technician: 'Andi',
    });
    expect(
      markDrillData([called, incidentUpdate], drillId, () => undefined).map((event) => event.drillId),
    ).toEqual([drillId, undefined]);
    // After the drill: only what concerns a practice entity.
    const marked = markDrillData([called], undefined, (id) => (id === visitId ? drillId : undefined));
    expect(marked[0]!.drillId).toBe(drillId);
    expect(markDrillData([called], undefined, () => undefined)[0]!.drillId).toBeUndefined();
  });
});
