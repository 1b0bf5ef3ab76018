/**
 * How fast the shell appears: on a first visit from the network, on a repeat visit through the
 * service worker with the hub up, and through the service worker with the hub process stopped
 * (the outage). The outage case must not be slower than the normal repeat visit.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/fixtures/chromium';
import { HubProcess } from '../tests/e2e/fixtures/hubProcess';
import { median, percentile, printTable } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

async function shellReadyMs(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('siaga:shell-ready').length > 0);
  return page.evaluate(() => performance.getEntriesByName('siaga:shell-ready')[0]!.startTime);
}

const hub = await HubProcess.create();
await hub.start();
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const firstVisit: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(hub.url);
    firstVisit.push(await shellReadyMs(page));
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
    repeatHubUp.push(await shellReadyMs(page));
  }
  await hub.stop();
  const repeatHubDown: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    await page.reload();
    repeatHubDown.push(await shellReadyMs(page));
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
  await browser.close();
  await hub.dispose();
}
