import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '../fixtures/test';
import { goTo, reloadSignedIn } from '../fixtures/navigation';
import { AccountPages } from '../pages/AccountPages';
import { ShellPage } from '../pages/ShellPage';

test('an invalid config.json is named field by field while the last valid one stays in use, also offline', async ({
  page,
  hub,
}) => {
  const shell = new ShellPage(page);
  await shell.openControlled('/pengaturan');
  await new AccountPages(page).setUpDevice('PC1');
  await goTo(page, '/pengaturan/hub');
  await expect(page.getByText('RSUD Contoh Sejahtera (demo)').first()).toBeVisible();

  // IT makes two mistakes in the file.
  const config = JSON.parse(readFileSync(hub.configPath, 'utf8')) as {
    facility: { name: string; timeZone: string };
    polis: { queuePrefix: string }[];
  };
  config.facility.name = 'RS Baru';
  config.facility.timeZone = 'Asia/Singapore';
  config.polis[1]!.queuePrefix = config.polis[0]!.queuePrefix;
  writeFileSync(hub.configPath, JSON.stringify(config));

  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'config.json tidak valid' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('facility.timeZone');
  await expect(alert).toContainText('harus salah satu dari: Asia/Jakarta, Asia/Makassar, Asia/Jayapura');
  await expect(alert).toContainText('polis[1].queuePrefix');
  await expect(alert).toContainText('dipakai lebih dari sekali');
  await expect(alert).toContainText('tetap memakai konfigurasi valid terakhir');
  await expect(page.getByRole('banner')).toContainText('RSUD Contoh Sejahtera (demo)');

  // With the hub gone, the last valid configuration is what the device works with.
  await hub.stop();
  await reloadSignedIn(page);
  await goTo(page, '/pengaturan/hub');
  await expect(shell.status('Hub tidak terjangkau')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('RSUD Contoh Sejahtera (demo)');
  await expect(page.getByRole('definition').filter({ hasText: 'Asia/Jakarta' })).toBeVisible();

  // Fixed and back: the new values take effect.
  config.facility.timeZone = 'Asia/Makassar';
  config.polis[1]!.queuePrefix = 'B';
  writeFileSync(hub.configPath, JSON.stringify(config));
  await hub.start();
  await expect(page.getByRole('banner')).toContainText('RS Baru', { timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'config.json' })).toHaveCount(0);
});

test('a device that never received a valid config says so and how to fix it', async ({ page, hub }) => {
  writeFileSync(hub.configPath, '{ "facility": ');
  await page.goto('/');
  const alert = page.getByRole('alert').filter({ hasText: 'config.json tidak valid' });
  await expect(alert).toContainText('berkas bukan JSON yang valid');
  await expect(alert).toContainText('Minta IT memperbaiki kolom berikut');
});
