/**
 * The start-up and hourly purge (issue 16) on journals of 10,000 and 50,000 acknowledged events
 * (BENCH_PURGE_ROWS), in Chromium: how long a save would wait for the journal lock while it runs
 * (a probe asks every 10 ms), for the batched purge against the whole-journal purge it replaced.
 * Goal: the longest wait ≤ 100 ms at any size.
 */
import { harness, openBenchPage } from './lib/benchApp';
import { median, percentile, printTable } from './lib/stats';

const SIZES = (process.env.BENCH_PURGE_ROWS ?? '10000,50000').split(',').map(Number);

const { page, close } = await openBenchPage();
try {
  const rows: string[][] = [];
  for (const size of SIZES) {
    for (const how of ['whole', 'batched'] as const) {
      const run = await harness<{ totalMs: number; waits: number[]; purged: number }>(
        page,
        'purgeLockWaits',
        size,
        how,
      );
      rows.push([
        how === 'whole' ? 'whole journal, one hold (baseline)' : 'by index, 200 rows per hold',
        String(run.purged),
        (run.totalMs / 1_000).toFixed(2),
        median(run.waits).toFixed(0),
        percentile(run.waits, 95).toFixed(0),
        Math.max(...run.waits).toFixed(0),
      ]);
    }
  }
  printTable(
    'Purge of acknowledged payloads: a save’s wait for the journal lock meanwhile (ms)',
    ['purge', 'rows', 'seconds', 'wait median', 'wait p95', 'longest wait'],
    rows,
  );
} finally {
  await close();
}
