import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/fixtures/chromium';

/**
 * Journeys in Debian's Chromium against the built app served by a real hub process (one per
 * test, on its own port and data directory). `npm run build` must have run first; the global
 * setup builds the second release used by the update test.
 */
export default defineConfig({
  testDir: 'tests/e2e/specs',
  globalSetup: './tests/e2e/globalSetup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    serviceWorkers: 'allow',
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
  },
});
