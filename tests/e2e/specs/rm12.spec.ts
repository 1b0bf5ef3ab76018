import { expect, test } from '../fixtures/test';
import { goTo } from '../fixtures/navigation';
import { AccountPages } from '../pages/AccountPages';
import { DeviceSetupPage, QueuePage, RegistrationPage } from '../pages/CapturePages';
import { Rm12Page } from '../pages/Rm12Page';

/** `--color-bad` of the design: what "marked in red" means on screen. */
const RED = 'rgb(163, 35, 27)';

test('the nurse’s RM 1.2 records only what she established, signed in her own name', async ({ page }) => {
  await page.addInitScript(() => {
    window.print = () => {
      document.documentElement.dataset.printed = document.documentElement.dataset.printing ?? '';
    };
  });
  await page.goto('/pengaturan');
  await new DeviceSetupPage(page).setUp('POL', 'Rina Petugas', 'Petugas pendaftaran');
  const registration = new RegistrationPage(page);
  for (const identity of [
    { name: 'Siti Aminah', birthDate: '1990-01-15', sex: 'Perempuan' },
    { name: 'Budi Santoso', birthDate: '1980-02-03', sex: 'Laki-laki' },
  ] as const) {
    await registration.open();
    await registration.startNew();
    await registration.fillIdentity(identity);
    await registration.save();
  }
  // The second patient leaves before being called: the desk cancels the visit.
  await registration.tab('Antrean poli');
  const queue = new QueuePage(page);
  await queue.choosePoli('Poli Umum');
  await queue.act('A-POL-002', 'Batalkan');
  await page.getByLabel('Alasan pembatalan').fill('Pasien pulang sebelum dipanggil');
  await page.getByRole('button', { name: 'Batalkan kunjungan', exact: true }).click();
  await expect(queue.item('A-POL-002')).toContainText('Batal');

  await new AccountPages(page).handOver('POL', 'Ners Dewi', 'Perawat / dokter poli');
  await goTo(page, '/poli');
  await queue.choosePoli('Poli Umum');

  // A cancelled visit is not offered the form, and says why — before anyone types.
  const refusal = 'Kunjungan ini sudah dibatalkan, jadi RM 1.2 tidak dapat diisi.';
  await expect(queue.item('A-POL-002')).toContainText(refusal);
  await expect(page.getByRole('link', { name: 'Isi RM 1.2 A-POL-002' })).toHaveCount(0);
  const cancelledVisit = await queue
    .item('A-POL-002')
    .getByRole('link', { name: 'Lihat riwayat kunjungan' })
    .getAttribute('href');
  await goTo(page, cancelledVisit!.replace('/kunjungan/', '/poli/asesmen/'));
  await expect(page.getByRole('main')).toContainText(refusal);
  await expect(page.getByRole('main')).toContainText('Dibatalkan: Pasien pulang sebelum dipanggil');
  await expect(page.getByLabel('Keluhan utama')).toHaveCount(0);
  await goTo(page, cancelledVisit!);
  await expect(page.getByRole('main')).toContainText(refusal);
  await expect(page.getByRole('link', { name: 'Isi RM 1.2' })).toHaveCount(0);

  // The open visit: the nurse's initial assessment, nothing answered for her.
  await goTo(page, '/poli');
  await queue.choosePoli('Poli Umum');
  await page.getByRole('link', { name: 'Isi RM 1.2 A-POL-001' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Asesmen awal keperawatan rawat jalan (RM 1.2)' }),
  ).toBeVisible();
  const rm12 = new Rm12Page(page);
  await expect(rm12.field('allergy').getByRole('radio', { checked: true })).toHaveCount(0);
  for (const finding of ['pain', 'nutrition'] as const) await expect(rm12.field(finding)).toHaveValue('');
  for (const finding of ['condition', 'consciousness', 'fallRisk', 'functional', 'followUp'] as const)
    await expect(rm12.field(finding)).toHaveValue('');
  await expect(page.getByText('Rentang 0,3–350')).toBeVisible();

  await page
    .getByRole('combobox', { name: 'Dokter pemeriksa' })
    .selectOption({ label: 'dr. Bambang Wijaya' });
  for (const [label, value] of [
    ['Keluhan utama', 'Demam dua hari'],
    ['TD sistolik (mmHg)', '118'],
    ['TD diastolik (mmHg)', '76'],
    ['Nadi (/mnt)', '84'],
    ['Pernapasan (/mnt)', '18'],
    ['Suhu (°C)', '37,5'],
    ['Kode ICD-10 diagnosis 1', 'R50.9'],
    ['Nama diagnosis 1', 'Demam'],
  ] as const) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  // A tired slip: the second diagnosis is left as primary too.
  await page.getByRole('button', { name: 'Tambah diagnosis' }).click();
  await page.getByLabel('Kode ICD-10 diagnosis 2', { exact: true }).fill('R51');
  await page.getByLabel('Nama diagnosis 2', { exact: true }).fill('Nyeri kepala');
  await page.getByLabel('Jenis diagnosis 2', { exact: true }).selectOption({ label: 'Utama' });
  await expect(
    page.getByText('Anda menandatangani sebagai Ners Dewi (Perawat / dokter poli).'),
  ).toBeVisible();
  await page.getByLabel('Saya menyatakan asesmen ini benar dan menandatanganinya').check();
  await page.getByRole('button', { name: 'Tandatangani RM 1.2', exact: true }).click();

  // Not signed: each unanswered finding says so where it is, and both primaries are marked red.
  await expect(page.getByText('Ada isian yang perlu diperbaiki (lihat tanda merah).')).toBeVisible();
  await expect(rm12.field('allergy')).toContainText('Wajib diisi.');
  await expect(rm12.field('allergy').getByText('Tidak ada', { exact: true })).toBeVisible();
  await expect(rm12.field('allergy').locator('label').first()).toHaveCSS('border-top-color', RED);
  for (const finding of ['pain', 'fallRisk', 'nutrition'] as const) {
    await expect(rm12.field(finding)).toHaveAttribute('aria-invalid', 'true');
    await expect(rm12.field(finding)).toHaveAccessibleDescription(/Wajib diisi\./);
  }
  for (const row of [1, 2]) {
    const rank = page.getByLabel(`Jenis diagnosis ${row}`, { exact: true });
    await expect(rank).toHaveAccessibleDescription('Harus ada tepat satu diagnosis utama.');
    await expect(rank).toHaveCSS('border-top-color', RED);
  }
  await expect(page.getByText('RM 1.2 ditandatangani dan tersimpan.')).toHaveCount(0);

  await rm12.answerFindings({ pain: '2' });
  await page.getByLabel('Jenis diagnosis 2', { exact: true }).selectOption({ label: 'Sekunder' });
  await page.getByRole('button', { name: 'Tandatangani RM 1.2', exact: true }).click();
  await expect(page.getByText('RM 1.2 ditandatangani dan tersimpan.')).toBeVisible();

  // The signed record: the nurse signed it, the doctor examined; numbers the Indonesian way.
  const main = page.getByRole('main');
  await expect(main).toContainText('Alergi');
  await expect(main).toContainText('Tidak ada');
  await expect(main).toContainText('37,5 °C');
  await expect(main).toContainText('Dokter pemeriksa: dr. Bambang Wijaya');
  await expect(main.locator('.assessment-view__signature')).toHaveText(
    'Ditandatangani: Ners Dewi (Perawat / dokter poli)',
  );
  await page.getByRole('button', { name: 'Cetak RM 1.2 (A4)' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-printed', 'a4');
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.print-area[data-paper="a4"]');
  await expect(sheet).toContainText('RM 1.2 — Asesmen awal keperawatan rawat jalan');
  await expect(sheet).toContainText('37,5 °C');
  await expect(sheet).toContainText('Dokter pemeriksa: dr. Bambang Wijaya');
  await expect(sheet).toContainText('Ditandatangani: Ners Dewi (Perawat / dokter poli)');
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('link', { name: 'Lihat riwayat kunjungan' }).click();
  await expect(main).toContainText('ditandatangani Ners Dewi (Perawat / dokter poli), selesai');
  await expect(main).toContainText('Dokter pemeriksa: dr. Bambang Wijaya.');

  // Closed after signing (here a no-show): the signed RM 1.2 stays, and can still be corrected.
  await goTo(page, '/poli');
  await queue.choosePoli('Poli Umum');
  await queue.act('A-POL-001', 'Panggil');
  await queue.act('A-POL-001', 'Tidak hadir');
  await expect(queue.item('A-POL-001')).toContainText('RM 1.2 tidak dapat diisi');
  await queue.item('A-POL-001').getByRole('link', { name: 'Lihat riwayat kunjungan' }).click();
  await page.getByRole('link', { name: 'Lihat RM 1.2' }).click();
  await expect(main).toContainText(
    'Kunjungan ini ditutup (Tidak hadir) setelah RM 1.2 ditandatangani. Amandemen tetap dapat dibuat untuk memperbaiki isinya.',
  );
  await page.getByRole('button', { name: 'Buat amandemen' }).click();
  await expect(page.getByLabel('Suhu (°C)')).toHaveValue('37,5');
  await expect(rm12.field('allergy').getByRole('radio', { name: 'Tidak ada' })).toBeChecked();
});
