import { expect, test } from '../fixtures/test';
import { ShellPage } from '../pages/ShellPage';

test('English can be chosen in settings and is remembered after a reload', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.open('/pengaturan');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await page.getByLabel('Bahasa').selectOption('en');

  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(shell.navigation.getByRole('link', { name: 'Registration' })).toBeVisible();
  await expect(shell.status('Hub connected')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByLabel('Language').selectOption('id');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();
});
