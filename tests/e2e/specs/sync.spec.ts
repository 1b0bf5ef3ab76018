import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { openDevice, STAFF, type Device } from '../fixtures/devices';
import { readProjections } from '../fixtures/indexedDb';
import { expect, test } from '../fixtures/test';
import { QueuePage, RegistrationPage, wib } from '../pages/CapturePages';
import { goTo } from '../fixtures/navigation';

test.describe.configure({ timeout: 180_000 });

/** Registers a visit; with an MRN from the patient's card the desk also raises a record-request slip. */
async function register(
  page: Page,
  name: string,
  poli: string,
  doctor: string,
  mrn?: string,
): Promise<string> {
  const registration = new RegistrationPage(page);
  await registration.open();
  if (mrn) await registration.startReturning(mrn);
  else await registration.startNew();
  await registration.fillIdentity({ name, birthDate: '1985-03-04', sex: 'Perempuan' });
  await registration.chooseVisit(poli, doctor);
  return (await (await registration.save()).textContent()) ?? '';
}

async function settled(device: Device): Promise<void> {
  // Nothing waiting on this device and the last pull done: its view has converged.
  await expect(device.shell.status('Belum tersinkron: 0')).toBeVisible({ timeout: 30_000 });
}

test('enrolled devices share registrations and slips, keep working with the hub stopped, converge, and settle a refused event', async ({
  browser,
  hub,
}) => {
  // IT sets each device up and enrolls it with the code on the hub's console.
  const enrolled = { enrolled: true };
  const desk = await openDevice(browser, hub, STAFF.desk, wib('08:00'), enrolled);
  const tablet = await openDevice(browser, hub, STAFF.clinic, wib('08:00'), enrolled);
  const recordsRoom = await openDevice(browser, hub, STAFF.recordsRoom, wib('08:00'), enrolled);

  // Hub up: a registration at the desk appears in the clinic tablet's queue within seconds.
  await desk.at(wib('08:10'));
  const first = await register(desk.page, 'Ani Lestari', 'Poli Umum', 'dr. Ratna Sari', '012345');
  expect(first).toBe('A-001');
  await goTo(tablet.page, '/poli');
  const tabletQueue = new QueuePage(tablet.page);
  await tabletQueue.choosePoli('Poli Umum');
  await expect(tabletQueue.item('A-001')).toContainText('Menunggu', { timeout: 15_000 });
  await expect(tablet.shell.status(/^Tersinkron/)).toBeVisible();
  // …and the record-request slip it raised appears on the records room's list.
  await goTo(recordsRoom.page, '/rekam-medis');
  await expect(
    recordsRoom.page.getByRole('listitem').filter({ hasText: 'BON-PD1-261122-001' }),
  ).toContainText('Diminta', { timeout: 15_000 });
  await recordsRoom.context.close();

  // The hub goes down; both keep capturing.
  await hub.stop();
  await desk.shell.signalOnline();
  await tablet.shell.signalOnline();
  await expect(desk.shell.status('Hub tidak terjangkau')).toBeVisible();
  await desk.at(wib('08:20'));
  expect(await register(desk.page, 'Budi Hartono', 'Poli Anak', 'dr. Maya Lestari, Sp.A')).toBe('B-001');
  await desk.at(wib('08:25'));
  expect(await register(desk.page, 'Citra Dewi', 'Poli Mata', 'dr. Yusuf Hidayat, Sp.M')).toBe('F-001');
  await tablet.at(wib('08:30'));
  await tabletQueue.act('A-001', 'Panggil');
  await tablet.at(wib('08:32'));
  await tabletQueue.act('A-001', 'Mulai layani');
  await expect(tabletQueue.item('A-001')).toContainText('Dilayani');
  await expect(desk.shell.status('Belum tersinkron: 4')).toBeVisible();
  await expect(tablet.shell.status('Belum tersinkron: 2')).toBeVisible();

  // While the hub was down, IT removed Poli Mata from the hub's configuration.
  const config = JSON.parse(readFileSync(hub.configPath, 'utf8')) as { polis: { code: string }[] };
  writeFileSync(
    hub.configPath,
    JSON.stringify({ ...config, polis: config.polis.filter((poli) => poli.code !== 'MAT') }),
  );
  await hub.start();
  await desk.shell.signalOnline();
  await tablet.shell.signalOnline();

  // The refused registration waits for review with its reason; everything else goes through.
  await expect(desk.shell.status('Perlu ditinjau: 1')).toBeVisible({ timeout: 30_000 });
  await settled(desk);
  await settled(tablet);
  await goTo(desk.page, '/pemulihan');
  const card = desk.page.getByRole('listitem').filter({ hasText: 'Pendaftaran kunjungan' });
  await expect(card).toContainText('poli tidak ada dalam konfigurasi hub (kolom Poli)');
  await expect(card).toContainText('CITRA DEWI · No. sementara TMP-PD1-261122-');
  await expect(card).toContainText('F-001');
  await card.getByRole('button', { name: 'Perbaiki dan kirim ulang' }).click();
  await expect(card.getByLabel('Poli', { exact: true })).toHaveValue('MAT');
  await card.getByLabel('Poli', { exact: true }).selectOption({ label: 'Poli Umum' });
  await card.getByLabel('Dokter', { exact: true }).selectOption({ label: 'dr. Ratna Sari' });
  await card.getByRole('button', { name: 'Kirim perbaikan' }).click();
  await expect(desk.page.getByText('Tidak ada catatan yang ditolak hub.')).toBeVisible({ timeout: 15_000 });
  await expect(
    desk.page.getByRole('table', { name: 'Catatan di perangkat ini menurut status' }),
  ).toContainText(/Sudah diperbaiki\/dibatalkan\s*1/);
  await settled(desk);

  // Both devices end with the same projections: nothing lost, nothing twice.
  await goTo(tablet.page, '/poli');
  await tabletQueue.choosePoli('Poli Umum');
  await expect(tabletQueue.item('F-001')).toBeVisible({ timeout: 15_000 });
  await settled(tablet);
  await expect
    .poll(async () => JSON.stringify(await readProjections(tablet.page)), { timeout: 15_000 })
    .toBe(JSON.stringify(await readProjections(desk.page)));
  const projections = await readProjections(desk.page);
  expect(projections.visits).toHaveLength(3);
  expect(projections.patients).toHaveLength(3);
  expect(projections.patients?.every((row) => (row as { body: string }).body === 'aes-gcm')).toBe(true);
  // …and the same contents: both list the same visits with the same patients.
  const visitList = async (page: Page) => {
    await new RegistrationPage(page).open();
    await new RegistrationPage(page).tab('Kunjungan hari ini');
    await expect(page.getByText('Menampilkan 3 dari 3 kunjungan.')).toBeVisible();
    return page.getByRole('main').getByRole('list').last().innerText();
  };
  const deskVisits = await visitList(desk.page);
  expect(deskVisits).toMatch(/ANI LESTARI[\s\S]*BUDI HARTONO|BUDI HARTONO[\s\S]*ANI LESTARI/);
  expect(await visitList(tablet.page)).toBe(deskVisits);
  expect(hub.output).toContain('device enrolled');

  await desk.context.close();
  await tablet.context.close();
});
