import { expect, test } from '../fixtures/test';
import { AccountPages } from '../pages/AccountPages';
import { DeviceSetupPage, RegistrationPage } from '../pages/CapturePages';
import { Rm12Page } from '../pages/Rm12Page';
import type { Page } from '@playwright/test';
import { goTo } from '../fixtures/navigation';

/** The page size (in mm) of what Chromium would print, read from the PDF it makes. */
async function printedPageSizeMm(page: Page): Promise<[number, number]> {
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf);
  if (!box) throw new Error('no MediaBox in the PDF');
  const toMm = (points: string) => Math.round((Number(points) * 25.4) / 72);
  return [toMm(box[1]!), toMm(box[2]!)];
}

test('prints the queue ticket on 58 mm paper and the registration summary on A5, nothing else on the page', async ({
  page,
}) => {
  // Headless Chromium has no print dialog: note what was asked for and print to PDF instead.
  await page.addInitScript(() => {
    window.print = () => {
      document.documentElement.dataset.printed = document.documentElement.dataset.printing ?? '';
    };
  });
  await page.goto('/pengaturan');
  await new DeviceSetupPage(page).setUp('PD1', 'Rina Petugas', 'Petugas pendaftaran');
  const registration = new RegistrationPage(page);
  await registration.open();
  await registration.startReturning('012345');
  await registration.fillIdentity({
    nik: '3171011708450003',
    name: 'Budi Santoso',
    birthDate: '1945-08-17',
    sex: 'Laki-laki',
  });
  await expect(await registration.save()).toHaveText('A-001');

  await page.getByRole('button', { name: 'Cetak tiket (58 mm)' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-printed', 'ticket58');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#root')).toBeHidden();
  const ticket = page.locator('.print-area[data-paper="ticket58"]');
  await expect(ticket).toBeVisible();
  await expect(ticket).toContainText('A-001');
  await expect(ticket).toContainText('Poli Umum');
  await expect(ticket).not.toContainText('BUDI SANTOSO'); // no patient name on a ticket anyone can pick up
  await expect(page.locator('.print-area[data-paper="a5"]')).toBeHidden();
  expect(await printedPageSizeMm(page)).toEqual([58, 110]);

  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.getByRole('button', { name: 'Cetak ringkasan (A5)' }).click();
  await page.emulateMedia({ media: 'print' });
  const summary = page.locator('.print-area[data-paper="a5"]');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Ringkasan pendaftaran');
  await expect(summary).toContainText('BUDI SANTOSO');
  await expect(summary).toContainText(/BON-PD1-\d{6}-001/);
  expect(await printedPageSizeMm(page)).toEqual([148, 210]);
});

test('prints a signed RM 1.2 on A4', async ({ page }) => {
  await page.addInitScript(() => {
    window.print = () => {
      document.documentElement.dataset.printed = document.documentElement.dataset.printing ?? '';
    };
  });
  await page.goto('/pengaturan');
  await new DeviceSetupPage(page).setUp('POL', 'Rina Petugas', 'Petugas pendaftaran');
  const registration = new RegistrationPage(page);
  await registration.open();
  await registration.startNew();
  await registration.fillIdentity({ name: 'Siti Aminah', birthDate: '1990-01-15', sex: 'Perempuan' });
  await registration.save();
  await new AccountPages(page).handOver('POL', 'dr. Ratna Sari', 'Perawat / dokter poli');
  await goTo(page, '/poli');
  await page.getByRole('link', { name: 'Isi RM 1.2 A-POL-001' }).click();
  for (const [label, value] of [
    ['Keluhan utama', 'Sakit kepala'],
    ['TD sistolik (mmHg)', '118'],
    ['TD diastolik (mmHg)', '76'],
    ['Nadi (/mnt)', '80'],
    ['Pernapasan (/mnt)', '18'],
    ['Suhu (°C)', '36,6'],
    ['Kode ICD-10 diagnosis 1', 'R51'],
    ['Nama diagnosis 1', 'Nyeri kepala'],
  ] as const) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await new Rm12Page(page).answerFindings();
  await page.getByLabel('Saya menyatakan asesmen ini benar dan menandatanganinya').check();
  await page.getByRole('button', { name: 'Tandatangani RM 1.2' }).click();
  await page.getByRole('button', { name: 'Cetak RM 1.2 (A4)' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-printed', 'a4');
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.print-area[data-paper="a4"]');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('RM 1.2 — Asesmen awal keperawatan rawat jalan');
  await expect(sheet).toContainText('36,6 °C');
  await expect(sheet).toContainText('SITI AMINAH');
  await expect(sheet).toContainText('R51');
  await expect(sheet).toContainText('Ditandatangani: dr. Ratna Sari (Perawat / dokter poli)');
  expect(await printedPageSizeMm(page)).toEqual([210, 297]);
});
