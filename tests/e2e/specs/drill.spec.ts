import { expect, test } from '../fixtures/test';
import { goTo } from '../fixtures/navigation';
import { AccountPages, ADMIN_PASSPHRASE } from '../pages/AccountPages';
import { RegistrationPage } from '../pages/CapturePages';

test('IT runs a drill: the desk’s practice registration is marked as drill data and cleared afterwards', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const accounts = new AccountPages(page);
  await page.goto('/insiden');
  await accounts.setUpDevice('PD1');
  await accounts.createAccount('Rina Petugas', 'Petugas pendaftaran');

  await goTo(page, '/insiden');
  await page.getByRole('button', { name: 'Mulai latihan' }).click();
  const start = page.getByRole('dialog', { name: 'Mulai latihan downtime' });
  await expect(start.getByText(/tidak pernah dikirim ke SIMRS/)).toBeVisible();
  await start.getByRole('button', { name: 'Mulai latihan' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^Latihan LATIHAN-\d{6}-001 Terbuka$/ }),
  ).toBeVisible();
  await expect(
    page.locator('.app-notices').getByText(/^LATIHAN LATIHAN-\d{6}-001 sedang berjalan sejak/),
  ).toBeVisible();

  // The desk works as in a real outage; what it captures is practice data.
  await accounts.signOut();
  await accounts.signIn('rina.petugas');
  const registration = new RegistrationPage(page);
  await registration.open();
  await registration.startNew();
  await registration.fillIdentity({ name: 'Pasien Latihan', birthDate: '1980-05-05', sex: 'Perempuan' });
  await registration.save();
  await expect(page.getByText('Data latihan: tidak dikirim ke SIMRS')).toBeVisible();
  await registration.tab('Kunjungan hari ini');
  await expect(page.getByRole('link', { name: /PASIEN LATIHAN.*LATIHAN/ })).toBeVisible();

  // The desk ticks its step of the SOP during the drill.
  await goTo(page, '/insiden');
  await page.getByRole('link', { name: /^Lihat LATIHAN-/ }).click();
  // A step shows as ticked once its record is saved and signed: click, then wait for the tick.
  const manualCalling = page
    .getByRole('group', { name: /^Langkah unit Pendaftaran \d+ dari \d+ selesai$/ })
    .getByLabel('Beralih ke pemanggilan manual');
  await manualCalling.click();
  await expect(manualCalling).toBeChecked();

  // IT ends the drill and clears its data.
  await accounts.signOut();
  await accounts.signIn('it-pd1', ADMIN_PASSPHRASE);
  await goTo(page, '/insiden');
  await page.getByRole('link', { name: /^Lihat LATIHAN-/ }).click();
  await expect(
    page.getByRole('table', { name: 'Data latihan' }).getByRole('row', { name: /^Kunjungan 1 / }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Akhiri latihan' }).click();
  await page
    .getByRole('dialog', { name: 'Akhiri latihan' })
    .getByRole('button', { name: 'Akhiri latihan' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^Latihan LATIHAN-\d{6}-001 Ditutup$/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Hapus data latihan' }).click();
  await page
    .getByRole('dialog', { name: 'Hapus data latihan' })
    .getByRole('button', { name: 'Ya, hapus data latihan' })
    .click();
  await expect(page.getByText(/^Data latihan dihapus pada .* oleh IT PD1\.$/)).toBeVisible();
  const timings = page.getByRole('table', { name: 'Sejak insiden terdeteksi' });
  await expect(
    timings.getByRole('row', { name: /^Beralih ke pemanggilan manual \d{2}:\d{2} WIB/ }),
  ).toBeVisible();

  // The practice patient is gone from the desk's list; the drill stays in the report, apart.
  await accounts.signOut();
  await accounts.signIn('rina.petugas');
  await registration.open();
  await registration.tab('Kunjungan hari ini');
  await expect(page.getByText('Menampilkan 0 dari 0 kunjungan.')).toBeVisible();
  await goTo(page, '/insiden/laporan');
  await expect(page.getByRole('table', { name: /^LATIHAN-\d{6}-001$/ })).toBeVisible();
  await expect(page.locator('table.downtime-report tfoot')).toContainText('TOTAL PERBAIKAN0');
});

test('a past monthly log is imported with its quirks reported and decided, and reproduces the printed totals', async ({
  page,
}) => {
  const accounts = new AccountPages(page);
  await page.goto('/insiden');
  await accounts.setUpDevice('IT1');
  await goTo(page, '/insiden/impor');
  await page.getByLabel('Bulan laporan').fill('2023-01');
  await page.getByLabel('File CSV').setInputFiles('tests/fixtures/downtime-logs-seed/2023-01.csv');
  await expect(page.getByRole('heading', { name: /^5 baris untuk Januari 2023$/ })).toBeVisible();
  await expect(page.getByText('1 baris masih perlu diperbaiki atau diterima.')).toBeVisible();
  const quirky = page.getByRole('listitem').filter({ hasText: 'baris 3' });
  await expect(quirky).toContainText(
    'Durasi tercetak 0:02:00 tidak sama dengan selisih jam 08:38 → 09:00 (0:22:00). Menurut durasi tercetak: tepat waktu; menurut jam: tidak tepat waktu.',
  );
  await expect(page.getByRole('button', { name: 'Simpan 5 baris' })).toBeDisabled();
  // The hospital's own log counted it on time: accept it as printed, knowingly.
  await quirky.getByRole('button', { name: 'Terima seperti tercetak' }).click();
  await expect(page.getByText('Semua baris siap disimpan.')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan 5 baris' }).click();
  await expect(page.getByText('Log Januari 2023 tersimpan dan masuk ke laporan.')).toBeVisible();

  await goTo(page, '/insiden/laporan');
  await page.getByLabel('Bulan', { exact: true }).fill('2023-01');
  const report = page.locator('table.downtime-report');
  await expect(report.locator('tbody tr')).toHaveCount(5);
  await expect(report.locator('tbody tr').nth(1)).toContainText(
    'Log impor, baris 3 (diterima seperti tercetak)',
  );
  await expect(report.locator('tfoot')).toContainText('TOTAL PERBAIKAN5');
  await expect(report.locator('tfoot')).toContainText('TOTAL KETEPATAN5');
  await expect(report.locator('tfoot')).toContainText('PRESENTASE KETEPATAN100%');
});
