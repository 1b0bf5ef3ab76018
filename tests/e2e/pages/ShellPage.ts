import { expect, type Locator, type Page } from '@playwright/test';

/** The app shell: navigation, status bar, notices. Selectors are what a user sees or hears. */
export class ShellPage {
  readonly statusBar: Locator;
  readonly navigation: Locator;

  constructor(readonly page: Page) {
    this.statusBar = page.getByRole('region', { name: /^(Status perangkat|Device status)$/ });
    this.navigation = page.getByRole('navigation', { name: /^(Ruang kerja|Workspaces)$/ });
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.statusBar).toBeVisible();
  }

  /** First visit installs the worker; the page is controlled from the next load on. */
  async openControlled(path = '/'): Promise<void> {
    await this.open(path);
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await this.page.reload();
    await expect.poll(() => this.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect(this.statusBar).toBeVisible();
  }

  /** What the browser does when its network comes back: the app re-probes the hub at once. */
  async signalOnline(): Promise<void> {
    await this.page.evaluate(() => window.dispatchEvent(new Event('online')));
  }

  /** How many records the status bar says are waiting to be sent to the hub. */
  async pending(): Promise<number> {
    const text = await this.status(/^(Belum tersinkron|Not yet synced): \d+/).textContent();
    return Number(/\d+/.exec(text ?? '')?.[0]);
  }

  status(text: string | RegExp): Locator {
    return this.statusBar.getByText(text);
  }

  async goTo(workspace: string | RegExp): Promise<void> {
    await this.navigation.getByRole('link', { name: workspace }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: workspace })).toBeVisible();
  }
}
