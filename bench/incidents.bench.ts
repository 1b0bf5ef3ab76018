/**
 * Incidents (issue 6):
 *  - what the drill mark adds to every capture: registration submit → durable on a device that
 *    never ran a drill (baseline), after a drill whose data is still on the device, and during one;
 *  - clearing a drill of 1,000 and 4,000 practice registrations beside 1,000 real ones (one
 *    desk's day holds at most 999 tickets per poli);
 *  - counting an incident's backlog of 500 and 5,000 visits (the incident screen re-reads it);
 *  - the monthly report and the year's overview over 120 and 1,200 incidents (pure domain code).
 * Medians of several runs, each compared with its baseline in the same run.
 */
import {
  buildIncidentMonthReport,
  buildYearlyOverview,
  projectEntity,
  type DomainEvent,
  type Incident,
} from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { incidentEvent, opened } from '../tests/unit/domain/incidents/incidentFixture';
import { harness, openBenchPage } from './lib/benchApp';
import { median, percentile, printTable } from './lib/stats';

const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 300);
const SEEDED = 2_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** `count` closed incidents over 2026, each with its log entry. */
function year(count: number): Incident[] {
  return Array.from({ length: count }, (_, index) => {
    const id = uuidv7();
    const day = new Date(Date.UTC(2026, 0, 1) + Math.floor((index * 364) / count) * 86_400_000);
    const at = (minutes: number) =>
      new Date(day.getTime() + (2 * 60 + minutes) * 60_000).toISOString().replace('Z', '+00:00');
    const events: DomainEvent[] = [
      opened(id, at(0)),
      incidentEvent(
        'incident.updated',
        id,
        at(1),
        {
          requestedAt: at(1),
          respondedAt: at(2 + (index % 20)),
          workDescription: 'Perbaikan jaringan',
        },
        'admin',
      ),
      incidentEvent('incident.closed', id, at(90), { restoredAt: at(90), confirmedBy: 'Teknisi' }),
    ];
    return projectEntity<'incidents'>(events)!;
  });
}

function timeReports(incidents: Incident[]): number[] {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    for (let month = 1; month <= 12; month += 1)
      buildIncidentMonthReport({
        month: `2026-${String(month).padStart(2, '0')}`,
        incidents,
        sheets: [],
        thresholdMinutes: 15,
        zone: 'Asia/Jakarta',
      });
    buildYearlyOverview({ year: 2026, incidents, sheets: [], thresholdMinutes: 15, zone: 'Asia/Jakarta' });
    samples.push(performance.now() - started);
  }
  return samples;
}

const small = timeReports(year(120));
const large = timeReports(year(1_200));
printTable(
  `Twelve monthly reports and the yearly overview (ms), ${RUNS} runs each`,
  ['incidents in the year', 'median', 'p95', '× 120'],
  [
    ['120 (10 a month)', median(small).toFixed(1), percentile(small, 95).toFixed(1), '1.00'],
    [
      '1,200 (100 a month)',
      median(large).toFixed(1),
      percentile(large, 95).toFixed(1),
      (median(large) / median(small)).toFixed(2),
    ],
  ],
);

const { page, close } = await openBenchPage();
try {
  const bench = <T>(name: string, ...args: unknown[]) => harness<T>(page, name, ...args);
  const variants = [
    ['no drill ever run (baseline)', 'none'],
    ['after a drill, its data still here', 'afterDrill'],
    ['during a drill (every event marked)', 'duringDrill'],
  ] as const;
  const saves: [string, number[]][] = [];
  for (const [label, variant] of variants)
    saves.push([label, await bench<number[]>('registerUnderDrill', variant, REGISTRATIONS, SEEDED)]);
  const baseline = median(saves[0]![1]);
  printTable(
    `Registration submit → durable (ms), ${REGISTRATIONS} sequential, on a device holding ${SEEDED} registrations`,
    ['device', 'median', 'p95', '× baseline'],
    saves.map(([label, samples]) => [
      label,
      median(samples).toFixed(1),
      percentile(samples, 95).toFixed(1),
      (median(samples) / baseline).toFixed(2),
    ]),
  );

  const clears: [number, number[]][] = [];
  const real = 1_000;
  for (const practice of [1_000, 4_000]) {
    const samples: number[] = [];
    for (let run = 0; run < 3; run += 1) samples.push(await bench<number>('clearDrillOf', practice, real));
    clears.push([practice, samples]);
  }
  printTable(
    `Clearing a closed drill beside ${real} real registrations (ms), 3 runs each`,
    ['practice registrations', 'median', 'per 1,000', '× 1,000'],
    clears.map(([practice, samples]) => [
      String(practice),
      median(samples).toFixed(0),
      ((median(samples) / practice) * 1_000).toFixed(0),
      (median(samples) / median(clears[0]![1])).toFixed(2),
    ]),
  );

  const backlogs: [number, number[]][] = [];
  for (const visits of [500, 5_000])
    backlogs.push([visits, await bench<number[]>('backlogOf', visits, RUNS)]);
  printTable(
    `Counting an incident's backlog (ms), ${RUNS} runs each`,
    ['visits during the incident', 'median', 'p95', '× 500'],
    backlogs.map(([visits, samples]) => [
      String(visits),
      median(samples).toFixed(0),
      percentile(samples, 95).toFixed(0),
      (median(samples) / median(backlogs[0]![1])).toFixed(2),
    ]),
  );
} finally {
  await close();
}
