/**
 * A desk in week ten (issue 16): one device's database grown with the hospital's pulled work
 * (about nine events a visit, 1,000 visits a day, acknowledged and purged after 7 days as in use),
 * measured at each size in the real app beside it, in Chromium:
 *  - offline cold start to a usable sign-in screen, CPU throttled ×4 (hub process stopped: the
 *    service worker serves the app), median of BENCH_COLD_RUNS;
 *  - unlock: "Masuk" clicked → the first screen, with the app's start-up running;
 *  - saves (registration submit → durable) from the moment the app has signed in, the first one
 *    reported on its own, while the app's start-up purge and live queries run in the other tab;
 *  - the longest wait for the journal lock meanwhile (a probe asks every 10 ms), and how long
 *    applying a slice of pulled events holds it;
 *  - storage: IndexedDB bytes per event, and where they go.
 * Goals: save p95 ≤ 20 ms at every size (ratio largest/smallest ≤ 1.3), longest lock wait ≤ 100 ms,
 * unlock ≤ 1 s, cold start ×4 ≤ 1 s, ≤ 1 KB per event.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { WORKLIST_ACCOUNT } from './lib/benchAccount';
import { harness, openBenchPage } from './lib/benchApp';
import { median, percentile, printTable } from './lib/stats';

const SIZES = (process.env.BENCH_DEVICE_EVENTS ?? '1000,50000,100000,150000').split(',').map(Number);
const SAVES = Number(process.env.BENCH_DEVICE_SAVES ?? 40);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const VISITS_PER_DAY = 1_000;
/** As the sync engine applies pulled pages (src/sync/syncEngine.ts APPLY_SLICE). */
const APPLY_SLICE = 100;
const SIGN_IN_MARK = 'bench:sign-in-visible';

/** Marks the frame in which the sign-in form first shows (set before the page's own scripts). */
async function markSignInScreen(page: Page): Promise<void> {
  await page.addInitScript((mark) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('input[autocomplete="username"]')) return;
      observer.disconnect();
      requestAnimationFrame(() => performance.mark(mark));
    });
    observer.observe(document, { childList: true, subtree: true });
  }, SIGN_IN_MARK);
}

async function signInVisibleMs(page: Page): Promise<number> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, SIGN_IN_MARK, {
    timeout: 60_000,
  });
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, SIGN_IN_MARK);
}

/** Offline cold start: a new tab, CPU ×4, until the sign-in form is on screen. */
async function coldStartMs(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await markSignInScreen(page);
  await page.goto('/pendaftaran');
  const ms = await signInVisibleMs(page);
  await page.close();
  return ms;
}

/** Types the bench clerk's account and times "Masuk" → the registration screen's tabs. */
async function unlockMs(page: Page): Promise<number> {
  await page.getByLabel('Nama pengguna').fill(WORKLIST_ACCOUNT.username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(WORKLIST_ACCOUNT.passphrase);
  // No named functions inside: the page receives this source as text (tsx would wrap names).
  return page.evaluate(
    () =>
      new Promise<number>((resolveTime, reject) => {
        const button = [...document.querySelectorAll('button')].find(
          (candidate) => candidate.textContent?.trim() === 'Masuk',
        );
        if (!button) return reject(new Error('no "Masuk" button'));
        const started = performance.now();
        const observer = new MutationObserver(() => {
          const tabs = [...document.querySelectorAll('[role="tab"]')];
          if (!tabs.some((tab) => tab.textContent?.includes('Kunjungan hari ini'))) return;
          observer.disconnect();
          requestAnimationFrame(() => resolveTime(performance.now() - started));
        });
        observer.observe(document.body, { childList: true, subtree: true });
        button.click();
        setTimeout(() => reject(new Error('no screen within 60 s after "Masuk"')), 60_000);
      }),
  );
}

const { page: bench, hub, close } = await openBenchPage();
const context = bench.context();
try {
  await harness(bench, 'setUpAppDb');
  // The app once online, so its service worker holds the release for the offline starts.
  const first = await context.newPage();
  await first.goto('/pendaftaran');
  await first.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await first.close();

  type Result = {
    events: number;
    cold: number[];
    unlock: number;
    saves: number[];
    waits: number[];
    pullSlices: number[];
    storage: Record<string, number>;
  };
  const results: Result[] = [];
  for (const size of SIZES) {
    const events = await harness<number>(bench, 'growTo', size, VISITS_PER_DAY);

    await hub.stop();
    const cold: number[] = [];
    for (let run = 0; run < COLD_RUNS; run += 1) cold.push(await coldStartMs(context));
    await hub.start();

    const app = await context.newPage();
    await markSignInScreen(app);
    await harness(bench, 'startLockProbe');
    await app.goto('/pendaftaran');
    await signInVisibleMs(app);
    const unlock = await unlockMs(app);
    const saves = await harness<number[]>(bench, 'timeSaves', SAVES);
    await app.waitForTimeout(2_000);
    const waits = await harness<number[]>(bench, 'stopLockProbe');
    const pullSlices = await harness<number[]>(bench, 'timePulledSlices', 10, APPLY_SLICE);
    const storage = await harness<Record<string, number>>(bench, 'storageBreakdown');
    await app.close();
    results.push({ events, cold, unlock, saves, waits, pullSlices, storage });
    console.log(`measured at ${events} events`);
  }

  const smallest = results[0]!;
  const p95 = (samples: number[]) => percentile(samples, 95);
  printTable(
    'A desk as its journal grows (ms unless said; saves: registration submit → durable)',
    [
      'events',
      'cold start ×4 CPU',
      'unlock',
      'first save',
      'save median',
      'save p95',
      'p95 × smallest',
      'longest lock wait',
      `pull slice (${APPLY_SLICE}) max`,
      'bytes / event',
    ],
    results.map((result) => [
      String(result.events),
      median(result.cold).toFixed(0),
      result.unlock.toFixed(0),
      result.saves[0]!.toFixed(1),
      median(result.saves.slice(1)).toFixed(1),
      p95(result.saves).toFixed(1),
      (p95(result.saves) / p95(smallest.saves)).toFixed(2),
      Math.max(...result.waits).toFixed(0),
      Math.max(...result.pullSlices).toFixed(0),
      (result.storage.usage! / result.events).toFixed(0),
    ]),
  );
  const largest = results.at(-1)!.storage;
  const explained = Object.entries(largest)
    .filter(([name]) => name !== 'usage' && name !== 'events')
    .sort((a, b) => b[1] - a[1]);
  const valueBytes = explained.reduce((sum, [, bytes]) => sum + bytes, 0);
  printTable(
    `Where the bytes go at ${largest.events} events (values as JSON; the rest is indexes and engine overhead)`,
    ['part', 'MB', 'bytes / event'],
    [
      [
        'IndexedDB usage (browser estimate)',
        (largest.usage! / 1e6).toFixed(1),
        (largest.usage! / largest.events!).toFixed(0),
      ],
      ...explained.map(([name, bytes]) => [
        name,
        (bytes / 1e6).toFixed(1),
        (bytes / largest.events!).toFixed(0),
      ]),
      [
        'indexes and overhead (usage − values)',
        ((largest.usage! - valueBytes) / 1e6).toFixed(1),
        ((largest.usage! - valueBytes) / largest.events!).toFixed(0),
      ],
    ],
  );
} finally {
  await close();
}
