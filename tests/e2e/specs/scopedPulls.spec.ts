import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openDevice, STAFF, type Device } from '../fixtures/devices';
import type { HubProcess } from '../fixtures/hubProcess';
import { readProjections } from '../fixtures/indexedDb';
import { goTo } from '../fixtures/navigation';
import { expect, test } from '../fixtures/test';
import { smallChoiceTargets, smallTouchTargets } from '../fixtures/a11y';
import { AccountPages, ADMIN_PASSPHRASE } from '../pages/AccountPages';
import { QueuePage, RegistrationPage } from '../pages/CapturePages';
import { Rm12Page } from '../pages/Rm12Page';

test.describe.configure({ timeout: 240_000 });

const TABLET = { width: 768, height: 1024 };

/**
 * The devices run on real time, like the hub: what a desk or a tablet pulls depends on the hub's
 * today and the visits' service dates [P46]. A slip's number carries today's facility date.
 */
function slipNo(sequence: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  return `BON-PD1-${today.slice(2).replaceAll('-', '')}-${String(sequence).padStart(3, '0')}`;
}

/** IT, signed in on the hub's admin API, issues a one-time code for a device of this profile [P23, P45]. */
async function issueCode(hub: HubProcess, profile: unknown): Promise<string> {
  const session = await fetch(`${hub.url}/api/v1/admin/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: hub.hospital.admin, passphrase: ADMIN_PASSPHRASE }),
  });
  expect(session.status).toBe(201);
  const { token } = (await session.json()) as { token: string };
  const issued = await fetch(`${hub.url}/api/v1/admin/enrollment-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ profile }),
  });
  expect(issued.status).toBe(201);
  return ((await issued.json()) as { code: string }).code;
}

/** IT on the hub's device administration in Pengaturan → Hub, signed in to the hub with their passphrase. */
async function openDeviceAdmin(page: Page): Promise<void> {
  // From another section: the admin session lives with the screen, so each visit signs in anew.
  await goTo(page, '/pengaturan/akun');
  await goTo(page, '/pengaturan/hub');
  const signIn = page.getByRole('form', { name: 'Masuk ke hub sebagai admin' });
  await signIn.getByLabel('Kata sandi Anda').fill(ADMIN_PASSPHRASE);
  await signIn.getByRole('button', { name: 'Masuk ke hub', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Perangkat terdaftar' })).toBeVisible();
}

/** A returning patient (MRN from the card): the desk also raises the record-request slip. */
async function registerReturning(
  page: Page,
  patient: { mrn: string; name: string },
  poli: string,
  doctor: string,
): Promise<string> {
  const registration = new RegistrationPage(page);
  await registration.open();
  await registration.startReturning(patient.mrn);
  await registration.fillIdentity({ name: patient.name, birthDate: '1975-05-06', sex: 'Perempuan' });
  await registration.chooseVisit(poli, doctor);
  return (await (await registration.save()).textContent()) ?? '';
}

async function settled(device: Device): Promise<void> {
  await expect(device.shell.status('Belum tersinkron: 0')).toBeVisible({ timeout: 30_000 });
}

/** What the hub stored of one visit, read from its database file (the hub's own record of the outage). */
function storedTypesOf(hub: HubProcess, visitId: string): string[] {
  const db = new Database(join(hub.dataDir, 'siaga-hub.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[string, string, string], { type: string }>(
        `SELECT type FROM events
         WHERE entity_id = ? OR json_extract(body, '$.payload.visitId') = ?
            OR entity_id IN (SELECT entity_id FROM events WHERE json_extract(body, '$.payload.visitId') = ?)
         ORDER BY seq`,
      )
      .all(visitId, visitId, visitId)
      .map((row) => row.type)
      .filter((type) => type !== 'audit.recorded');
  } finally {
    db.close();
  }
}

test('a clinic tablet scoped to Poli Umum still completes the outage workflow across the desk and the records room, and never holds Poli Anak’s work', async ({
  browser,
  hub,
}) => {
  // IT's PC is the hospital's first device (full: it brings the admin); IT then issues one code per
  // device, each with what that device is for.
  const itPc = await openDevice(browser, hub, STAFF.recovery, 'real', { enrolled: true });
  const desk = await openDevice(browser, hub, STAFF.desk, 'real', {
    enrolled: true,
    enrollmentCode: await issueCode(hub, { kind: 'desk' }),
  });
  const recordsRoom = await openDevice(browser, hub, STAFF.recordsRoom, 'real', {
    enrolled: true,
    enrollmentCode: await issueCode(hub, { kind: 'records' }),
  });

  // The clinic tablet's code comes from the app: IT signs in on its PC, chooses "Poli" and Poli Umum.
  const it = new AccountPages(itPc.page);
  await it.signOut();
  await it.signIn(hub.hospital.admin!, ADMIN_PASSPHRASE);
  await openDeviceAdmin(itPc.page);
  const codeForm = itPc.page.getByRole('form', { name: 'Kode pendaftaran sekali pakai' });
  await codeForm.getByLabel('Peruntukan perangkat').selectOption({ label: 'Poli' });
  await expect(codeForm.getByRole('button', { name: 'Buat kode pendaftaran' })).toBeDisabled();
  await codeForm.getByLabel('Poli Umum', { exact: true }).check();
  expect(await smallTouchTargets(itPc.page)).toEqual([]);
  expect(await smallChoiceTargets(itPc.page)).toEqual([]);
  await codeForm.getByRole('button', { name: 'Buat kode pendaftaran' }).click();
  const issued = codeForm.getByRole('status');
  await expect(issued).toContainText('untuk satu perangkat: Poli: Poli Umum.');
  const clinicCode = /Kode ([A-Z2-9]{4}-[A-Z2-9]{4})/.exec((await issued.textContent()) ?? '')?.[1];
  expect(clinicCode).toBeDefined();
  const tablet = await openDevice(browser, hub, STAFF.clinic, 'real', {
    enrolled: true,
    enrollmentCode: clinicCode!,
    viewport: TABLET,
  });

  // The desk registers two returning patients, one for each poli; each raises a slip.
  expect(
    await registerReturning(desk.page, { mrn: '012345', name: 'Ani Lestari' }, 'Poli Umum', 'dr. Ratna Sari'),
  ).toBe('A-001');
  expect(
    await registerReturning(
      desk.page,
      { mrn: '054321', name: 'Budi Hartono' },
      'Poli Anak',
      'dr. Maya Lestari, Sp.A',
    ),
  ).toBe('B-001');
  await settled(desk);

  // The records room sees both polis' slips, finds Poli Umum's folder and sends it.
  const records = recordsRoom.page;
  await goTo(records, '/rekam-medis');
  const umumSlip = records.getByRole('listitem').filter({ hasText: slipNo(1) });
  await expect(umumSlip).toContainText('Diminta', { timeout: 20_000 });
  await expect(records.getByRole('listitem').filter({ hasText: slipNo(2) })).toContainText('Diminta');
  await records.getByRole('button', { name: `Ditemukan ${slipNo(1)}`, exact: true }).click();
  await records.getByRole('button', { name: 'Simpan', exact: true }).click();
  await records.getByRole('button', { name: `Kirim ke poli ${slipNo(1)}`, exact: true }).click();
  await records.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(umumSlip).toContainText('Dikirim ke poli');
  await settled(recordsRoom);

  // The Poli Umum tablet: the patient is waiting, the folder on its way; call, serve, sign the RM 1.2.
  const poli = tablet.page;
  await goTo(poli, '/poli');
  const queue = new QueuePage(poli);
  await queue.choosePoli('Poli Umum');
  await expect(queue.item('A-001')).toContainText('Menunggu', { timeout: 20_000 });
  await queue.act('A-001', 'Panggil');
  await queue.act('A-001', 'Mulai layani');
  await poli.getByRole('link', { name: 'Isi RM 1.2 A-001', exact: true }).click();
  await poli.getByLabel('Keluhan utama').fill('Demam tiga hari, batuk');
  await poli.getByLabel('TD sistolik (mmHg)').fill('120');
  await poli.getByLabel('TD diastolik (mmHg)').fill('80');
  await poli.getByLabel('Suhu (°C)').fill('38,2');
  await poli.getByLabel('Nadi (/mnt)').fill('88');
  await poli.getByLabel('Pernapasan (/mnt)').fill('20');
  await poli.getByLabel('Kode ICD-10 diagnosis 1').fill('J06.9');
  await poli.getByLabel('Nama diagnosis 1').fill('Infeksi saluran napas atas akut');
  await new Rm12Page(poli).answerFindings();
  await poli.getByLabel('Saya menyatakan asesmen ini benar dan menandatanganinya').check();
  await poli.getByRole('button', { name: 'Tandatangani RM 1.2', exact: true }).click();
  await expect(poli.getByText('RM 1.2 ditandatangani dan tersimpan.')).toBeVisible();
  await goTo(poli, '/poli');
  await queue.choosePoli('Poli Umum');
  await queue.act('A-001', 'Selesai');
  await expect(queue.item('A-001')).toContainText('Selesai');
  await settled(tablet);

  // Poli Anak's patient is not on this tablet: not in any queue, no visit, no slip.
  await queue.choosePoli('Poli Anak');
  await expect(queue.item('B-001')).toHaveCount(0);
  await expect(poli.getByRole('main')).not.toContainText('BUDI HARTONO');
  const onTablet = await readProjections(poli);
  expect(onTablet.visits).toHaveLength(1);
  expect(onTablet.slips).toHaveLength(1);
  expect(onTablet.assessments).toHaveLength(1);

  // The desk follows the ticket to the end but holds no RM 1.2; the records room neither.
  await goTo(desk.page, '/pendaftaran');
  const deskQueue = new QueuePage(desk.page);
  await new RegistrationPage(desk.page).tab('Antrean poli');
  await deskQueue.choosePoli('Poli Umum');
  await expect(deskQueue.item('A-001')).toContainText('Selesai', { timeout: 20_000 });
  await settled(desk);
  for (const device of [desk, recordsRoom]) {
    const held = await readProjections(device.page);
    expect(held.visits).toHaveLength(2);
    expect(held.slips).toHaveLength(2);
    expect(held.assessments).toEqual([]);
  }

  // IT's list shows what each device is for.
  await openDeviceAdmin(itPc.page);
  await expect(
    itPc.page
      .getByRole('form', { name: 'Peruntukan perangkat POL' })
      .getByText('Peruntukan sekarang: Poli: Poli Umum'),
  ).toBeVisible();
  await expect(
    itPc.page
      .getByRole('form', { name: 'Peruntukan perangkat PD1' })
      .getByText('Peruntukan sekarang: Meja pendaftaran'),
  ).toBeVisible();

  // IT's full PC holds the whole outage, and the hub has the visit complete.
  await settled(itPc);
  await expect
    .poll(async () => (await readProjections(itPc.page)).assessments?.length, { timeout: 20_000 })
    .toBe(1);
  const visitId = (onTablet.visits![0] as { id: string }).id;
  expect(storedTypesOf(hub, visitId)).toEqual([
    'visit.registered',
    'slip.requested',
    'slip.found',
    'slip.sent',
    'queue.called',
    'queue.service_started',
    'assessment.signed',
    'queue.service_ended',
  ]);

  for (const device of [itPc, desk, recordsRoom, tablet]) await device.context.close();
});
