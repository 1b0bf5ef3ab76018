import { expect, test } from '../fixtures/test';
import { reloadSignedIn } from '../fixtures/navigation';
import { AccountPages } from '../pages/AccountPages';
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

  test('sets up, signs in and renders every workspace with the hub process stopped, and notices the hub return without a reload', async ({
    page,
    hub,
  }) => {
    const shell = new ShellPage(page);
    const accounts = new AccountPages(page);
    await shell.openControlled('/pendaftaran');
    await expect(shell.status('Hub terhubung')).toBeVisible();

    await hub.stop();
    await page.reload();
    await expect(shell.status('Hub tidak terjangkau')).toBeVisible();
    await expect(shell.status(/Belum tersinkron: 0/)).toBeVisible();
    await expect(page.getByText('RSUD Contoh Sejahtera (demo)')).toBeVisible(); // the stored config
    // First run with no hub: IT can still set the device up and create accounts.
    await accounts.setUpFor('PO1', 'Sari Pemulihan', 'Petugas pemulihan');
    for (const workspace of ['Pendaftaran', 'Rekam Medis', 'Poli', 'Pemulihan', 'Insiden', 'Pengaturan']) {
      await shell.goTo(workspace);
    }
    await page.getByRole('link', { name: 'Perangkat & aplikasi' }).click();
    await expect(page.getByRole('heading', { name: 'Perangkat ini', exact: true })).toBeVisible();
    // Signing in again needs no hub either: the passphrase opens this device's own key.
    await reloadSignedIn(page);
    await expect(shell.status('Hub tidak terjangkau')).toBeVisible();

    await hub.start();
    await expect(shell.status('Hub terhubung')).toBeVisible({ timeout: 20_000 });
  });

  test('opens a deep link offline from the precache, behind the sign-in', async ({ page, hub }) => {
    const shell = new ShellPage(page);
    await shell.openControlled();
    await new AccountPages(page).setUpDevice('PO2');
    await hub.stop();
    await page.goto('/insiden');
    // Opening from the precache with the hub gone; a busy CI machine may take a while.
    await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible({ timeout: 20_000 });
    await expect(page).toHaveURL(/\/insiden$/);
    await reloadSignedIn(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Insiden' })).toBeVisible({ timeout: 20_000 });
  });
});
