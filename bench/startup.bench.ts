/**
 * How fast the app starts.
 *  1. The shell: on a first visit from the network, on a repeat visit through the service worker
 *     with the hub up, and through the service worker with the hub process stopped (the outage).
 *     The outage case must not be slower than the normal repeat visit.
 *  2. Offline cold start of a set-up device to a usable sign-in screen (`siaga:sign-in-ready`: the
 *     form is on screen and takes typing), the hub process stopped and the service worker serving:
 *     a fresh page in the same browser context (service worker and IndexedDB kept), unthrottled
 *     (baseline) and with the CPU throttled ×4 through CDP, as on a modest hospital tablet.
 *     Target (issue 16): median ≤ 1 s at ×4.
 *
 * `BENCH_STARTUP_COMPARE=<dir>` measures the cold start of another build of the app as well (e.g. main's
 * `dist/app`, built with the sign-in mark), the two taken in turn in the same run: before/after
 * figures on a shared, noisy machine.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/fixtures/chromium';
import { HubProcess } from '../tests/e2e/fixtures/hubProcess';
import { APP_DIR } from '../tests/e2e/fixtures/paths';
import { median, percentile, printTable } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 11);
const CPU_SLOWDOWN = 4;
const COLD_TARGET_MS = 1_000;
const SHELL_READY = 'siaga:shell-ready';
const SIGN_IN_READY = 'siaga:sign-in-ready';
const ADMIN_PASSPHRASE = 'kunci perangkat bench';

async function markMs(page: Page, mark: string): Promise<number> {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, {
    timeout: 30_000,
  });
  return page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark);
}

async function shellBench(browser: Browser): Promise<void> {
  const hub = await HubProcess.create();
  await hub.start();
  try {
    const firstVisit: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(hub.url);
      firstVisit.push(await markMs(page, SHELL_READY));
      await context.close();
    }

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(hub.url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const repeatHubUp: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await page.reload();
      repeatHubUp.push(await markMs(page, SHELL_READY));
    }
    await hub.stop();
    const repeatHubDown: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await page.reload();
      repeatHubDown.push(await markMs(page, SHELL_READY));
    }
    await context.close();

    const baseline = median(repeatHubUp);
    const row = (name: string, samples: number[]) => [
      name,
      median(samples).toFixed(0),
      percentile(samples, 95).toFixed(0),
      (median(samples) / baseline).toFixed(2),
    ];
    printTable(
      `Shell ready after navigation start (ms), ${RUNS} runs each`,
      ['scenario', 'median', 'p95', '× repeat'],
      [
        row('first visit, network', firstVisit),
        row('repeat visit, service worker, hub up', repeatHubUp),
        row('repeat visit, service worker, hub STOPPED', repeatHubDown),
      ],
    );
  } finally {
    await hub.dispose();
  }
}

/** IT sets the device up with a local admin through the screens, as on a hospital's first device. */
async function setUpDevice(page: Page): Promise<void> {
  const local = page.getByRole('region', { name: 'Perangkat pertama, atau tanpa hub' });
  await local.getByRole('button', { name: 'Buat akun admin lokal' }).click();
  await local.getByLabel('Kode perangkat').fill('PD1');
  await local.getByLabel('Nama petugas IT').fill('IT PD1');
  await local.getByLabel('Nama pengguna').fill('it-pd1');
  await local.getByLabel('Kata sandi', { exact: true }).fill(ADMIN_PASSPHRASE);
  await local.getByLabel('Ulangi kata sandi').fill(ADMIN_PASSPHRASE);
  await local.getByRole('button', { name: 'Siapkan perangkat' }).click();
  await page.getByRole('navigation', { name: 'Ruang kerja' }).waitFor({ timeout: 15_000 });
}

/** One cold start: a new page in the context (service worker, IndexedDB kept), then the marks. */
async function coldStart(context: BrowserContext, url: string, slowdown: number) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  // Waiting through the page (Playwright polls a function every frame) would itself take the main
  // thread while it is measured: the page says when, on the console, and is read once afterwards.
  const announced = page.waitForEvent('console', {
    predicate: (message) => message.text() === SIGN_IN_READY,
    timeout: 30_000,
  });
  await page.goto(url, { waitUntil: 'commit' });
  await announced;
  const signInReady = await markMs(page, SIGN_IN_READY);
  const shellReady = await markMs(page, SHELL_READY);
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!controlled) throw new Error('cold start not served by the service worker');
  await cdp.detach();
  await page.close();
  return { signInReady, shellReady };
}

type ColdSamples = Record<'shell' | 'signIn', Record<1 | typeof CPU_SLOWDOWN, number[]>>;

type SetUpApp = { name: string; hub: HubProcess; context: BrowserContext; samples: ColdSamples };

/** In every page of the context: says on the console when the sign-in screen is usable. */
function announceSignInReady(mark: string): void {
  new PerformanceObserver((list, observer) => {
    if (!list.getEntries().some((entry) => entry.name === mark)) return;
    observer.disconnect();
    console.info(mark); // read by the bench
  }).observe({ type: 'mark', buffered: true });
}

/** A hub serving `appDir` and a browser context with a device set up there, then the hub stopped. */
async function setUpApp(browser: Browser, name: string, appDir: string): Promise<SetUpApp> {
  const hub = await HubProcess.create();
  await hub.start({ appDir });
  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  await context.addInitScript(announceSignInReady, SIGN_IN_READY);
  const page = await context.newPage();
  await page.goto(hub.url);
  await setUpDevice(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Prompt mode: the first load is not controlled; the next one is.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
  await page.close();
  await hub.stop();
  await coldStart(context, hub.url, 1); // warm-up: the browser's own caches, not the app's
  return { name, hub, context, samples: { shell: { 1: [], 4: [] }, signIn: { 1: [], 4: [] } } };
}

/** Cold starts of every build, taken in turn so a busy moment of the machine hits all columns alike. */
async function coldStartBench(apps: SetUpApp[]): Promise<void> {
  for (let run = 0; run < COLD_RUNS; run += 1) {
    for (const app of apps) {
      for (const slowdown of [1, CPU_SLOWDOWN] as const) {
        const { signInReady, shellReady } = await coldStart(app.context, app.hub.url, slowdown);
        app.samples.signIn[slowdown].push(signInReady);
        app.samples.shell[slowdown].push(shellReady);
      }
    }
  }
}

function printColdStart(builds: Pick<SetUpApp, 'name' | 'samples'>[]): void {
  const rows = builds.flatMap(({ name, samples }) =>
    (['signIn', 'shell'] as const).map((measure) => {
      const base = samples[measure][1];
      const slow = samples[measure][CPU_SLOWDOWN];
      return [
        `${name}: ${measure === 'signIn' ? 'sign-in screen usable' : 'shell ready'}`,
        median(base).toFixed(0),
        median(slow).toFixed(0),
        percentile(slow, 95).toFixed(0),
        (median(slow) / median(base)).toFixed(2),
        measure === 'signIn' ? (median(slow) <= COLD_TARGET_MS ? 'yes' : 'NO') : '',
      ];
    }),
  );
  printTable(
    `Offline cold start of a set-up device, hub STOPPED, service worker serving (ms after navigation start), ${COLD_RUNS} runs each, in turn; target median ≤ ${COLD_TARGET_MS} ms at CPU ×${CPU_SLOWDOWN}`,
    [
      'build: mark',
      'median ×1',
      `median ×${CPU_SLOWDOWN}`,
      `p95 ×${CPU_SLOWDOWN}`,
      `×${CPU_SLOWDOWN} / ×1`,
      '≤ 1 s',
    ],
    rows,
  );
}

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  if (!process.env.BENCH_STARTUP_COLD_ONLY) await shellBench(browser);
  const builds = [{ name: 'this build', dir: APP_DIR }];
  const compare = process.env.BENCH_STARTUP_COMPARE;
  if (compare) builds.unshift({ name: 'compared build', dir: compare });
  const apps: SetUpApp[] = [];
  try {
    for (const build of builds) apps.push(await setUpApp(browser, build.name, build.dir));
    await coldStartBench(apps);
    printColdStart(apps);
  } finally {
    for (const app of apps) {
      await app.context.close();
      await app.hub.dispose();
    }
  }
} finally {
  await browser.close();
}
