import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { openDevice, STAFF } from '../fixtures/devices';
import { goTo } from '../fixtures/navigation';
import { QueuePage, RegistrationPage, wib } from '../pages/CapturePages';

test.describe.configure({ timeout: 120_000 });

const save = (page: Page) => page.getByRole('button', { name: 'Simpan pendaftaran' }).click();
/** A field's refusal, as the clerk reads it under the field. */
const errorUnder = (page: Page, label: string) =>
  page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.field__error');

test('every refusal is said in words at its field, and focus moves to the first one', async ({
  browser,
  hub,
}) => {
  const desk = await openDevice(browser, hub, STAFF.desk, wib('09:00'));
  const page = desk.page;
  await new RegistrationPage(page).open();
  await page.getByRole('button', { name: 'Pasien baru' }).click();
  const nik = page.getByLabel('NIK', { exact: true });
  await expect(nik).toBeFocused();

  // An impossible NIK and nothing else: every problem at once, the NIK's in its own words.
  await nik.fill('3171013208450003');
  await save(page);
  await expect(errorUnder(page, 'NIK')).toHaveText(
    'Angka ke-7 dan ke-8 NIK (tanggal lahir) harus 01–31, atau 41–71 untuk perempuan.',
  );
  await expect(errorUnder(page, 'Nama pasien')).toHaveText('Wajib diisi.');
  await expect(nik).toBeFocused();
  await expect(page.getByRole('main')).not.toContainText('{detail}');

  // A birth date in the future: refused by the command, said at the birth date, focus there.
  await nik.fill('3171011708450003');
  await page.getByLabel('Nama pasien').fill('Budi Santoso');
  await page.getByLabel('Tanggal lahir').fill('2027-01-01');
  await save(page);
  await expect(errorUnder(page, 'Tanggal lahir')).toHaveText('Tanggal lahir tidak boleh di masa depan.');
  await expect(page.getByLabel('Tanggal lahir')).toBeFocused();

  // A registration time in the future: said at that time, focus in its date.
  await page.getByLabel('Tanggal lahir').fill('1945-08-17');
  const registeredAt = page.getByRole('group', { name: 'Waktu pendaftaran' });
  await registeredAt.getByLabel('Isi jam pelayanan sebenarnya').check();
  await registeredAt.getByLabel('Jam (WIB)').fill('10:30');
  await save(page);
  await expect(registeredAt.getByRole('alert')).toHaveText('Waktu tidak boleh di masa depan.');
  await expect(registeredAt.getByLabel('Tanggal')).toBeFocused();
  await expect(page.getByText('Isian tidak valid.')).toHaveCount(0);

  await registeredAt.getByLabel('Jam (WIB)').fill('08:55');
  await save(page);
  await expect(page.getByLabel('Nomor antrean')).toHaveText('A-001');
  await desk.context.close();
});

test('focus follows the desk, a NIK fills birth date and sex without overwriting the clerk, the proof default is the hospital’s', async ({
  browser,
  hub,
}) => {
  const config = JSON.parse(readFileSync(hub.configPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(hub.configPath, JSON.stringify({ ...config, registration: { defaultIdentityProof: 'kib' } }));
  const desk = await openDevice(browser, hub, STAFF.desk, wib('09:00'));
  const page = desk.page;
  await new RegistrationPage(page).open();

  // The MRN field has focus; Enter searches; nobody here, so "returning patient" has focus.
  await expect(page.getByLabel('No. RM', { exact: true })).toBeFocused();
  await page.keyboard.type('012345');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Tidak ditemukan di perangkat ini')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pasien lama (No. RM dari kartu)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Nama pasien')).toBeFocused();
  await expect(page.getByLabel('No. RM', { exact: true })).toHaveValue('012345');
  await expect(page.getByLabel('Identitas diperiksa dari')).toHaveValue('kib');

  // A woman's NIK (day 55 = 15): birth date and sex filled in, still editable.
  const nik = page.getByLabel('NIK', { exact: true });
  const birthDate = page.getByLabel('Tanggal lahir');
  const female = page.getByRole('radio', { name: 'Perempuan' });
  const male = page.getByRole('radio', { name: 'Laki-laki' });
  await nik.fill('3273025501900001');
  await expect(birthDate).toHaveValue('1990-01-15');
  await expect(female).toBeChecked();
  await expect(page.getByText('Diisi dari NIK. Ubah bila berbeda dengan KTP.')).toHaveCount(2);
  // The clerk corrects the birth date from the card; another NIK leaves it alone, but still
  // sets the sex the first NIK had set.
  await birthDate.fill('1990-01-16');
  await nik.fill('3171011708450003');
  await expect(birthDate).toHaveValue('1990-01-16');
  await expect(male).toBeChecked();
  await female.check();
  await expect(female).toBeChecked();

  await page.getByLabel('Nama pasien').fill('Budi Santoso');
  await save(page);
  await expect(page.getByLabel('Nomor antrean')).toHaveText('A-001');
  await expect(page.getByRole('region', { name: 'Pendaftaran tersimpan' })).toBeFocused();
  await page.getByRole('button', { name: 'Pendaftaran berikutnya', exact: true }).click();
  await expect(page.getByLabel('No. RM', { exact: true })).toBeFocused();
  await desk.context.close();
});

test('a NIK the device knows offers that patient instead of a second temporary number', async ({
  browser,
  hub,
}) => {
  const desk = await openDevice(browser, hub, STAFF.desk, wib('09:00'));
  const page = desk.page;
  const registration = new RegistrationPage(page);
  await registration.open();
  await registration.startNew();
  await registration.fillIdentity({
    nik: '3273025501900001',
    name: 'Siti Aminah',
    birthDate: '1990-01-15',
    sex: 'Perempuan',
  });
  await registration.save();
  await expect(page.getByRole('main').getByText(/^TMP-PD1-261122-0001-\d$/)).toBeVisible();

  await desk.at(wib('11:00'));
  await page.getByRole('button', { name: 'Pendaftaran berikutnya', exact: true }).click();
  await registration.startNew();
  // The visit is typed first; then the NIK from the card turns out to be known here.
  await registration.chooseVisit('Poli Anak', 'dr. Maya Lestari, Sp.A');
  await page.getByRole('radio', { name: 'BPJS' }).check();
  await page.getByLabel('No. kartu BPJS').fill('0001234567890');
  await page.getByLabel('NIK', { exact: true }).fill('3273025501900001');
  const offer = page.getByRole('status').filter({ hasText: 'NIK ini sudah tercatat di perangkat ini' });
  await expect(offer).toContainText('SITI AMINAH');
  await expect(offer).toContainText('TMP-PD1-261122-0001');

  // Saving anyway is refused at the NIK, in words.
  await page.getByLabel('Nama pasien').fill('Siti Aminah');
  await save(page);
  await expect(errorUnder(page, 'NIK')).toHaveText(
    'NIK ini sudah milik pasien yang tercatat di perangkat ini. Pakai pasien itu, jangan buat nomor baru.',
  );
  await expect(page.getByLabel('NIK', { exact: true })).toBeFocused();

  await offer.getByRole('button', { name: 'Pakai pasien ini' }).click();
  await expect(page.getByRole('heading', { name: 'Pendaftaran pasien yang dikenal' })).toBeVisible();
  const poli = page.getByRole('combobox', { name: 'Poli', exact: true });
  await expect(poli).toBeFocused();
  await expect(poli.locator('option:checked')).toHaveText('Poli Anak');
  await expect(page.getByLabel('No. kartu BPJS')).toHaveValue('0001234567890');
  await page.keyboard.press('Enter'); // Enter saves from the poli list
  await expect(page.getByLabel('Nomor antrean')).toHaveText('B-001');
  await expect(page.getByRole('main')).not.toContainText('Nomor sementara');
  await registration.tab('Kunjungan hari ini');
  await expect(page.getByText('Menampilkan 2 dari 2 kunjungan.')).toBeVisible();
  await expect(page.getByRole('link', { name: /SITI AMINAH/ })).toHaveCount(2);
  await desk.context.close();
});

test('a second open visit at the same poli on the same day is made only when the clerk confirms it', async ({
  browser,
  hub,
}) => {
  const desk = await openDevice(browser, hub, STAFF.desk, wib('09:00'));
  const page = desk.page;
  const registration = new RegistrationPage(page);
  await registration.open();
  await registration.startReturning('012345');
  await registration.fillIdentity({ name: 'Budi Santoso', birthDate: '1945-08-17', sex: 'Laki-laki' });
  await registration.save();

  await page.getByRole('button', { name: 'Pendaftaran berikutnya', exact: true }).click();
  await page.keyboard.type('012345');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Daftarkan kunjungan' })).toBeFocused();
  await page.keyboard.press('Enter');
  const poli = page.getByRole('combobox', { name: 'Poli', exact: true });
  await expect(poli.locator('option:checked')).toHaveText('Poli Umum'); // from the last visit
  await expect(page.getByText('Diisi dari kunjungan terakhir (22/11/2026).', { exact: false })).toBeVisible();
  const question = page
    .getByRole('status')
    .filter({ hasText: 'Sudah ada kunjungan terbuka di poli ini hari ini' });
  await expect(question).toContainText('A-001');

  await page.keyboard.press('Enter');
  const confirm = page.getByLabel('Tetap daftarkan kunjungan kedua');
  await expect(question.getByRole('alert')).toHaveText(
    'Pasien ini masih punya kunjungan terbuka di poli yang sama hari ini (A-001). Centang konfirmasi bila memang perlu kunjungan kedua.',
  );
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Space');
  await save(page);
  await expect(page.getByLabel('Nomor antrean')).toHaveText('A-002');
  await desk.context.close();
});

test('cancelling a visit withdraws its record-request slip with the reason', async ({ browser, hub }) => {
  const desk = await openDevice(browser, hub, STAFF.desk, wib('09:00'));
  const page = desk.page;
  const registration = new RegistrationPage(page);
  await registration.open();
  await registration.startReturning('012345');
  await registration.fillIdentity({ name: 'Budi Santoso', birthDate: '1945-08-17', sex: 'Laki-laki' });
  const ticket = (await (await registration.save()).textContent())!;
  expect(ticket).toBe('A-001');
  await expect(page.getByRole('main').getByText('BON-PD1-261122-001')).toBeVisible();

  await desk.at(wib('09:20'));
  await registration.tab('Antrean poli');
  const queue = new QueuePage(page);
  await queue.choosePoli('Poli Umum');
  await queue.act(ticket, 'Batalkan');
  const dialog = page.getByRole('dialog', { name: `Batalkan kunjungan ${ticket}` });
  await expect(dialog).toContainText('Bon pencarian rekam medis yang belum dikirim ke poli ikut dibatalkan');
  await dialog.getByLabel('Alasan pembatalan').fill('Pasien salah hari kontrol');
  await dialog.getByRole('button', { name: 'Batalkan kunjungan' }).click();
  await expect(queue.item(ticket)).toContainText('Batal');

  await goTo(page, '/rekam-medis');
  await expect(page.getByText('0 bon, yang terlama di atas.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Dibatalkan' }).check();
  const slip = page.getByRole('listitem').filter({ hasText: 'BON-PD1-261122-001' });
  await expect(slip).toContainText('Dibatalkan');
  await expect(slip).toContainText(
    'Kunjungannya dibatalkan: Pasien salah hari kontrol. Berkas tidak perlu dicari.',
  );
  await slip.getByText('Riwayat bon').click();
  await expect(slip).toContainText('Bon dibatalkan bersama kunjungannya');

  await slip.getByRole('link', { name: 'Lihat riwayat kunjungan' }).click();
  await expect(page.getByRole('main')).toContainText('Dibatalkan: Pasien salah hari kontrol');
  await expect(page.getByRole('button', { name: 'Buat bon pencarian rekam medis' })).toHaveCount(0);
  await desk.context.close();
});
