import { expect, test } from '../fixtures/test';
import { ShellPage } from '../pages/ShellPage';

test.describe('the app always opens', () => {
  test('installs its service worker and says it is ready to work offline', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.open();
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    await shell.openControlled();
    await expect(shell.status('Siap bekerja offline')).toBeVisible();
    await expect(shell.status('Hub terhubung')).toBeVisible();
  });

  test('renders the whole shell with the hub process stopped, and notices the hub return without a reload', async ({
    page,
    hub,
  }) => {
    const shell = new ShellPage(page);
    await shell.openControlled('/pendaftaran');
    await expect(shell.status('Hub terhubung')).toBeVisible();

    await hub.stop();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Pendaftaran' })).toBeVisible();
    await expect(page.getByText('Atur perangkat ini dulu')).toBeVisible(); // first run: set the device up
    await expect(shell.status('Hub tidak terjangkau')).toBeVisible();
    await expect(shell.status(/Belum tersinkron: 0/)).toBeVisible();
    await expect(page.getByText('RSUD Contoh Sejahtera (demo)')).toBeVisible(); // the stored config
    for (const workspace of ['Rekam Medis', 'Poli', 'Pemulihan', 'Insiden', 'Pengaturan']) {
      await shell.goTo(workspace);
    }
    await expect(page.getByRole('heading', { name: 'Perangkat dan pengguna' })).toBeVisible();

    await hub.start();
    await expect(shell.status('Hub terhubung')).toBeVisible({ timeout: 20_000 });
  });

  test('opens a deep link offline from the precache', async ({ page, hub }) => {
    const shell = new ShellPage(page);
    await shell.openControlled();
    await hub.stop();
    await page.goto('/insiden');
    await expect(page.getByRole('heading', { level: 1, name: 'Insiden' })).toBeVisible();
  });
});
