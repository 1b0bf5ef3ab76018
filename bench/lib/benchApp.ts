import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../tests/e2e/fixtures/chromium';
import { HubProcess } from '../../tests/e2e/fixtures/hubProcess';

/** The app built with the measuring harness (`bench/run.mjs` builds it before any bench runs). */
export const BENCH_APP_DIR = resolve('.bench/app');

/** A hub serving the bench build, a Chromium, and a page on the harness. */
export async function openBenchPage() {
  const hub = await HubProcess.create();
  await hub.start({ appDir: BENCH_APP_DIR });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const context = await browser.newContext({ baseURL: hub.url, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  await openHarness(page);
  return {
    hub,
    page,
    close: async () => {
      await browser.close();
      await hub.dispose();
    },
  };
}

export async function openHarness(page: Page): Promise<void> {
  await page.goto('/bench/harness/index.html');
  await page.locator('body[data-ready="true"]').waitFor();
}

/** Calls a method of the harness API inside the page. */
export function harness<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([name, methodArgs]) =>
      (window as unknown as { siagaBench: Record<string, (...a: unknown[]) => Promise<unknown>> }).siagaBench[
        name
      ]!(...methodArgs),
    [method, args] as const,
  ) as Promise<T>;
}
