import { SECOND_RELEASE_DIR, SECOND_RELEASE_ID } from '../fixtures/paths';
import { signInAgain } from '../fixtures/navigation';
import { expect, test } from '../fixtures/test';
import { AccountPages } from '../pages/AccountPages';
import { ShellPage } from '../pages/ShellPage';

test('a new release is offered, can be declined, and loads when accepted', async ({ page, hub }) => {
  const shell = new ShellPage(page);
  await shell.openControlled();
  await new AccountPages(page).setUpFor('PU1', 'Sari Pemulihan', 'Petugas pemulihan');
  const firstVersion = await page.getByRole('contentinfo').textContent();
  expect(firstVersion).not.toContain(SECOND_RELEASE_ID);

  // IT deploys a new build: the hub restarts serving it. The open page notices the hub return,
  // checks for a new release and offers it — without reloading by itself.
  await hub.stop();
  await shell.signalOnline();
  await expect(shell.status('Hub tidak terjangkau')).toBeVisible();
  await hub.start({ appDir: SECOND_RELEASE_DIR });
  const offer = page.getByText('Versi baru Siaga tersedia.');
  await expect(offer).toBeVisible({ timeout: 25_000 });

  // Declining keeps the current release running.
  await page.getByRole('button', { name: 'Nanti' }).click();
  await expect(offer).toBeHidden();
  await shell.goTo('Pengaturan');
  await expect(page.getByRole('contentinfo')).toHaveText(firstVersion ?? '');
  await shell.goTo('Poli');

  // The offer waits in the status bar; accepting it loads the new release.
  await shell.statusBar.getByRole('button', { name: 'Pembaruan tersedia' }).click();
  await page.getByRole('button', { name: 'Perbarui sekarang' }).click();
  await expect(page.getByRole('contentinfo')).toContainText(SECOND_RELEASE_ID);
  // Loading the new release ends the session in memory: the same person signs in again.
  await signInAgain(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Poli' })).toBeVisible();
  await expect(offer).toBeHidden();
});
