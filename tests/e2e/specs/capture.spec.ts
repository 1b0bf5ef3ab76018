import { expect, test } from '../fixtures/test';
import { openDevice, STAFF } from '../fixtures/devices';
import { QueuePage, RegistrationPage, wib } from '../pages/CapturePages';
import { Rm12Page } from '../pages/Rm12Page';
import { goTo, reloadSignedIn } from '../fixtures/navigation';

test.describe.configure({ timeout: 180_000 });

test('a morning of downtime with the hub stopped: register, call, work the slip, sign the RM 1.2 — nothing lost on reload', async ({
  browser,
  hub,
}) => {
  const desk = await openDevice(browser, hub, STAFF.desk, wib('08:50'));
  const recordsRoom = await openDevice(browser, hub, STAFF.recordsRoom, wib('08:50'));
  const clinic = await openDevice(browser, hub, STAFF.clinic, wib('08:50'));
  await hub.stop();
  // Accounts and sign-ins are records too; count the clinical ones from here.
  const deskBefore = await desk.shell.pending();
  const clinicBefore = await clinic.shell.pending();

  // Registration desk: a returning patient (MRN from the card) and a new patient.
  const registration = new RegistrationPage(desk.page);
  await desk.at(wib('09:00'));
  await registration.open();
  await registration.startReturning('012345');
  await registration.fillIdentity({
    nik: '3171011708450003',
    name: 'Budi Santoso',
    birthDate: '1945-08-17',
    sex: 'Laki-laki',
  });
  await registration.chooseVisit('Poli Umum', 'dr. Ratna Sari');
  await expect(await registration.save()).toHaveText('A-001');
  await expect(desk.page.getByRole('main').getByText('BON-PD1-261122-001')).toBeVisible();
  await expect.poll(() => desk.shell.pending()).toBe(deskBefore + 3); // patient, visit, slip

  await desk.at(wib('09:05'));
  await desk.page.getByRole('button', { name: 'Pendaftaran berikutnya', exact: true }).click();
  await registration.startNew();
  await registration.fillIdentity({
    nik: '3273025501900001',
    name: 'Siti Aminah',
    birthDate: '1990-01-15',
    sex: 'Perempuan',
  });
  await registration.chooseVisit('Poli Anak', 'dr. Maya Lestari, Sp.A');
  await desk.page.getByRole('radio', { name: 'BPJS' }).check();
  await desk.page.getByLabel('No. kartu BPJS').fill('0001234567890');
  await expect(await registration.save()).toHaveText('B-001');
  await expect(desk.page.getByRole('main').getByText(/^TMP-PD1-261122-0001-\d$/)).toBeVisible();

  await reloadSignedIn(desk.page);
  await registration.tab('Kunjungan hari ini');
  await expect(desk.page.getByText('Menampilkan 2 dari 2 kunjungan.')).toBeVisible();
  await expect(desk.page.getByRole('link', { name: /BUDI SANTOSO/ })).toBeVisible();
  // + the second patient and visit, + the sign-in after the reload.
  await expect.poll(() => desk.shell.pending()).toBe(deskBefore + 6);

  // Calling, from the desk.
  await registration.tab('Antrean poli');
  const deskQueue = new QueuePage(desk.page);
  await deskQueue.choosePoli('Poli Umum');
  await desk.at(wib('09:10'));
  await desk.page.getByRole('button', { name: 'Panggil berikutnya: A-001', exact: true }).click();
  await expect(deskQueue.item('A-001')).toContainText('Dipanggil');
  await deskQueue.choosePoli('Poli Anak');
  await desk.at(wib('09:12'));
  await deskQueue.act('B-001', 'Panggil');
  await expect(deskQueue.item('B-001')).toContainText('Dipanggil');
  await reloadSignedIn(desk.page);
  await registration.tab('Antrean poli');
  await expect(deskQueue.item('B-001')).toContainText('dipanggil 1×');

  // The slip leaves the desk on paper: its QR code carries the slip and the visit.
  await goTo(desk.page, '/rekam-medis');
  await desk.page.getByRole('button', { name: 'Cetak bon BON-PD1-261122-001', exact: true }).click();
  const qrText = await desk.page.locator('figure[data-transfer]').getAttribute('data-transfer');
  expect(qrText).toMatch(/^SIAGA1:/);
  await expect.poll(() => desk.page.evaluate(() => document.documentElement.dataset.printed)).toBe('a5');

  // Records room: takes the slip over from the QR code, finds the folder, sends it with a blank RM 1.2.
  const records = recordsRoom.page;
  await recordsRoom.at(wib('09:15'));
  await goTo(records, '/rekam-medis/impor');
  await records.getByLabel('Isi kode QR').fill(qrText!);
  await records.getByRole('button', { name: 'Impor', exact: true }).click();
  await expect(records.getByText('3 catatan baru ditambahkan, 0 sudah ada sebelumnya.')).toBeVisible();
  await records.getByRole('button', { name: 'Impor', exact: true }).click();
  await expect(records.getByText('0 catatan baru ditambahkan, 3 sudah ada sebelumnya.')).toBeVisible();
  await records.getByRole('link', { name: 'Kembali ke daftar bon', exact: true }).click();
  const slip = records.getByRole('listitem').filter({ hasText: 'BON-PD1-261122-001' });
  await expect(slip).toContainText('Diminta');
  await records.getByRole('button', { name: 'Ditemukan BON-PD1-261122-001', exact: true }).click();
  await records.getByRole('radio', { name: 'Cadangan data berkala' }).check();
  await records.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(records.getByText('Isi tanggal cadangan berkala yang dipakai.')).toBeVisible();
  await records.getByLabel('Tanggal cadangan').fill('2026-11-15');
  await records.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(slip).toContainText('cadangan tanggal 15/11/2026');
  await recordsRoom.at(wib('09:20'));
  await records.getByRole('button', { name: 'Kirim ke poli BON-PD1-261122-001', exact: true }).click();
  await expect(records.getByLabel('Formulir RM 1.2 kosong ikut dikirim')).toBeChecked();
  await records.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(slip).toContainText('Dikirim ke poli');
  await reloadSignedIn(records);
  await expect(records.getByRole('listitem').filter({ hasText: 'BON-PD1-261122-001' })).toContainText(
    'RM 1.2 kosong sudah diserahkan ke poli.',
  );

  // Clinic tablet: gets the visit from the same QR code, starts service, fills the RM 1.2.
  const poli = clinic.page;
  await clinic.at(wib('09:30'));
  await goTo(poli, '/rekam-medis/impor');
  await poli.getByLabel('Isi kode QR').fill(qrText!);
  await poli.getByRole('button', { name: 'Impor', exact: true }).click();
  await expect(poli.getByText('3 catatan baru ditambahkan')).toBeVisible();
  await goTo(poli, '/poli');
  const poliQueue = new QueuePage(poli);
  await poliQueue.choosePoli('Poli Umum');
  await poliQueue.act('A-001', 'Mulai layani');
  await expect(poliQueue.item('A-001')).toContainText('Dilayani');
  await poli.getByRole('link', { name: 'Isi RM 1.2 A-001', exact: true }).click();

  await poli.getByLabel('Keluhan utama').fill('Demam tiga hari, batuk');
  await poli.getByLabel('TD sistolik (mmHg)').fill('120');
  await poli.getByLabel('TD diastolik (mmHg)').fill('130');
  await poli.getByLabel('Suhu (°C)').fill('38,2');
  await expect(poli.getByText(/^Draf tersimpan di perangkat pukul/)).toBeVisible();
  await reloadSignedIn(poli);
  await expect(poli.getByLabel('Keluhan utama')).toHaveValue('Demam tiga hari, batuk');
  await expect(poli.getByLabel('Suhu (°C)')).toHaveValue('38,2');

  await poli.getByLabel('Nadi (/mnt)').fill('88');
  await poli.getByLabel('Pernapasan (/mnt)').fill('20');
  await poli.getByLabel('Kode ICD-10 diagnosis 1').fill('j06.9');
  await poli.getByLabel('Nama diagnosis 1').fill('Infeksi saluran napas atas akut');
  await new Rm12Page(poli).answerFindings({ pain: '3' });
  await poli.getByLabel('Saya menyatakan asesmen ini benar dan menandatanganinya').check();
  await clinic.at(wib('09:45'));
  await poli.getByRole('button', { name: 'Tandatangani RM 1.2', exact: true }).click();
  await expect(poli.getByText('Diastolik harus lebih rendah dari sistolik.')).toBeVisible();
  await poli.getByLabel('TD diastolik (mmHg)').fill('80');
  await poli.getByRole('button', { name: 'Tandatangani RM 1.2', exact: true }).click();
  await expect(poli.getByText('RM 1.2 ditandatangani dan tersimpan.')).toBeVisible();
  await expect(poli.getByRole('main').getByText('J06.9')).toBeVisible();
  await reloadSignedIn(poli);
  await expect(poli.getByRole('main').getByText(/^Versi 1\. Mulai/)).toBeVisible();
  await expect(poli.getByRole('main')).toContainText('Dokter pemeriksa: dr. Ratna Sari');
  await expect(poli.getByRole('main')).toContainText('Ditandatangani: Ners Dewi (Perawat / dokter poli)');

  await clinic.at(wib('09:50'));
  await goTo(poli, '/poli');
  await poliQueue.act('A-001', 'Selesai');
  await expect(poliQueue.item('A-001')).toContainText('Selesai');

  // The visit's timeline on the tablet, with the BPJS task times derived from what was recorded.
  await poliQueue.item('A-001').getByRole('link', { name: 'Lihat riwayat kunjungan', exact: true }).click();
  const tasks = poli.getByRole('table', { name: /Diturunkan dari waktu pelayanan/ });
  await expect(tasks.getByRole('row')).toHaveText([
    /Task/,
    /3.*22\/11\/2026 09:00 WIB.*Pendaftaran selesai/,
    /4.*22\/11\/2026 09:30 WIB.*Mulai dilayani \(antrean\)/,
    /5.*22\/11\/2026 09:50 WIB.*Selesai dilayani \(antrean\)/,
  ]);
  const timeline = poli.getByRole('list', { name: 'Riwayat kunjungan' });
  await expect(timeline.getByRole('listitem')).toHaveText([
    /Pendaftaran kunjungan.*09:00.*Rina Petugas.*PD1/,
    /Dipanggil.*09:30.*Ners Dewi.*POL/,
    /Mulai dilayani di poli.*09:30/,
    /Selesai dilayani di poli.*09:50/,
  ]);
  // 3 imported from the QR code (not yet seen by the hub) + call, start, signature, end, and the
  // audit trail: two sign-ins after reloads, the RM 1.2 opened three times (once per page load),
  // the visit viewed once.
  await expect.poll(() => clinic.shell.pending()).toBe(clinicBefore + 7 + 6);

  for (const device of [desk, recordsRoom, clinic]) await device.context.close();
});
