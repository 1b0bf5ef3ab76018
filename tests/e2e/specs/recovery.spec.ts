import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import {
  horizontalOverflow,
  smallChoiceTargets,
  smallTouchTargets,
  unlabelledControls,
} from '../fixtures/a11y';
import { openDevice, STAFF, type Device } from '../fixtures/devices';
import { freePort } from '../fixtures/hubProcess';
import { goTo } from '../fixtures/navigation';
import { expect, test } from '../fixtures/test';
import { ADMIN_PASSPHRASE, AccountPages } from '../pages/AccountPages';
import { QueuePage, RegistrationPage } from '../pages/CapturePages';
import { Rm12Page } from '../pages/Rm12Page';

test.describe.configure({ timeout: 240_000 });

const SIMULATOR_TOKEN = 'rehearsal-simulator-token-0123456789';

/** The demo's way of rehearsing: the hub runs the SIMRS simulator, here on its own port, down. */
async function rehearseWithSimulator(hub: { configPath: string; deliveryPath: string }): Promise<number> {
  const port = await freePort();
  writeFileSync(
    hub.deliveryPath,
    JSON.stringify({
      simulator: { port, token: SIMULATOR_TOKEN, down: true },
      targets: [
        {
          name: 'simrs',
          adapter: 'simrs-rest',
          label: 'SIMRS (simulator)',
          baseUrl: `http://127.0.0.1:${port}`,
          token: SIMULATOR_TOKEN,
        },
      ],
    }),
  );
  const config = JSON.parse(readFileSync(hub.configPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(
    hub.configPath,
    JSON.stringify({
      ...config,
      simrs: { healthUrl: `http://127.0.0.1:${port}/health` },
      incidents: { autoOpenAfterSeconds: 0 },
    }),
  );
  return port;
}

async function register(page: Page, name: string, mrn?: string): Promise<string> {
  const registration = new RegistrationPage(page);
  await registration.open();
  if (mrn) await registration.startReturning(mrn);
  else await registration.startNew();
  await registration.fillIdentity({ name, birthDate: '1985-03-04', sex: 'Perempuan' });
  await registration.chooseVisit('Poli Umum', 'dr. Ratna Sari');
  return (await (await registration.save()).textContent()) ?? '';
}

/** The recovery screens on the hospital's tablets and laptops: nothing overflows, all is labelled. */
async function fitsTabletAndLaptop(page: Page, name: string): Promise<void> {
  for (const viewport of [
    { width: 768, height: 1024 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(viewport);
    const where = `${name} at ${viewport.width}×${viewport.height}`;
    expect(await horizontalOverflow(page), `horizontal overflow on ${where}`).toBeLessThanOrEqual(0);
    expect(await smallTouchTargets(page), `small touch targets on ${where}`).toEqual([]);
    expect(await smallChoiceTargets(page), `small choice targets on ${where}`).toEqual([]);
    expect(await unlabelledControls(page), `unlabelled controls on ${where}`).toEqual([]);
  }
}

async function settled(device: Device): Promise<void> {
  await expect(device.shell.status('Belum tersinkron: 0')).toBeVisible({ timeout: 30_000 });
}

test('a whole outage rehearsed: the SIMRS goes down, two devices capture, it returns, the temporary patient is mapped and everything is delivered once with its times', async ({
  browser,
  hub,
}) => {
  const simulatorPort = await rehearseWithSimulator(hub);
  await hub.stop();
  await hub.start();
  expect((await fetch(`http://127.0.0.1:${simulatorPort}/health`).catch(() => undefined))?.ok).toBeFalsy();

  const enrolled = { enrolled: true };
  const desk = await openDevice(browser, hub, STAFF.desk, 'real', enrolled);
  const clinic = await openDevice(browser, hub, STAFF.clinic, 'real', enrolled);

  // The SIMRS is down: the incident opens by itself on the desk.
  await expect(
    desk.page.locator('.app-notices').getByText(/^Insiden DT-\d{6}-001: mode manual sejak/),
  ).toBeVisible({
    timeout: 30_000,
  });

  // Downtime at the desk: a returning patient (with a slip) and a new one (a temporary number).
  expect(await register(desk.page, 'Ani Lestari', '012345')).toBe('A-001');
  expect(await register(desk.page, 'Budi Santoso')).toBe('A-002');
  await settled(desk);

  // The clinic calls, serves and assesses them (RM 1.2 for the first).
  await goTo(clinic.page, '/poli');
  const queue = new QueuePage(clinic.page);
  await queue.choosePoli('Poli Umum');
  await expect(queue.item('A-002')).toContainText('Menunggu', { timeout: 20_000 });
  for (const ticket of ['A-001', 'A-002']) {
    await queue.act(ticket, 'Panggil');
    await queue.act(ticket, 'Mulai layani');
  }
  const poli = clinic.page;
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
  for (const ticket of ['A-001', 'A-002']) await queue.act(ticket, 'Selesai');
  await settled(clinic);

  // IT brings the SIMRS back (the simulator's switch, as an admin on the hub).
  const session = (await (
    await fetch(`${hub.url}/api/v1/admin/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'it-pd1', passphrase: ADMIN_PASSPHRASE }),
    })
  ).json()) as { token: string };
  const up = await fetch(`${hub.url}/api/v1/admin/simrs-simulator`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ down: false }),
  });
  expect(up.status).toBe(200);
  await expect(desk.page.getByText(/SIMRS terjangkau lagi/).first()).toBeVisible({ timeout: 30_000 });

  // The recovery officer takes the desk device: the temporary patient waits for an MRN.
  await new AccountPages(desk.page).handOver('PD1', STAFF.recovery.name, STAFF.recovery.role);
  await goTo(desk.page, '/pemulihan');
  const console = desk.page.getByRole('region', { name: 'SIMRS (simulator)' });
  await expect(console.getByText('Dijeda')).toBeVisible({ timeout: 20_000 });
  await expect(console.getByRole('row', { name: /Menunggu No\. RM 1/ })).toBeVisible({ timeout: 20_000 });
  const temporary = desk.page.getByRole('region', { name: 'Pasien sementara menunggu No. RM' });
  const budi = temporary.getByRole('listitem').filter({ hasText: 'Budi Santoso' });
  await expect(budi).toBeVisible();
  await budi.getByRole('button', { name: 'Tetapkan No. RM' }).click();
  await expect(budi.getByRole('heading', { name: 'Calon duplikat' })).toBeVisible();
  // Ani has his birth date and sex, but not a similar name: nobody to confuse him with.
  await expect(budi.getByText(/^Tidak ada calon duplikat/)).toBeVisible();
  await fitsTabletAndLaptop(desk.page, 'the recovery console');
  await budi.getByRole('button', { name: 'Pasien baru: daftarkan di SIMRS' }).click();
  const saved = temporary.getByText(/^BUDI SANTOSO ditetapkan ke No\. RM \d{6}\.$/);
  await expect(saved).toBeVisible();
  const mappedMrn = (await saved.textContent())!.match(/\d{6}/)![0];
  await settled(desk);

  // Delivery starts: both visits reach the SIMRS.
  await console.getByRole('button', { name: 'Mulai pengiriman' }).click();
  const started = console.getByText('Pengiriman dimulai. Hub mulai mengirim dalam beberapa detik.');
  await expect(started).toBeVisible();
  await expect(console.getByText('Berjalan')).toBeVisible({ timeout: 15_000 });
  await expect(console.getByText('2 dari 2 kunjungan terkirim')).toBeVisible({ timeout: 30_000 });
  // Done: the words of the moment leave, and the rate is the last minute's pace (two visits in
  // a few seconds), not two visits spread over ten minutes.
  await expect(started).toBeHidden();
  const rate = await console.getByText(/kunjungan\/menit/).textContent();
  expect(
    Number(/^([\d.,]+) kunjungan\/menit/.exec(rate ?? '')?.[1]?.replace(',', '.')),
  ).toBeGreaterThanOrEqual(2);

  // The simulator holds each visit once, in arrival order, with the captured times.
  const simrs = new Database(join(hub.dataDir, 'simrs-simulator.sqlite'), { readonly: true });
  const filed = simrs
    .prepare<[], { visit_number: string; mrn: string; document: string; writes: number }>(
      'SELECT visit_number, mrn, document, writes FROM visits ORDER BY visit_number',
    )
    .all();
  simrs.close();
  expect(filed.map((visit) => visit.mrn)).toEqual(['012345', mappedMrn]);
  const documents = filed.map(
    (visit) =>
      JSON.parse(visit.document) as {
        visit: { queueNumber: string; status: string; arrivedAt: { utc: string; local: string } };
        timeline: { type: string }[];
        slips: unknown[];
        assessment?: { content: { diagnoses: { code: string }[] } };
      },
  );
  expect(documents.map((document) => document.visit.queueNumber)).toEqual(['A-001', 'A-002']);
  expect(documents.map((document) => document.visit.status)).toEqual(['done', 'done']);
  expect(documents[0]!.slips).toHaveLength(1);
  expect(documents[0]!.assessment?.content.diagnoses[0]?.code).toBe('J06.9');
  expect(documents[1]!.timeline.map((entry) => entry.type)).toEqual([
    'visit.registered',
    'queue.called',
    'queue.service_started',
    'queue.service_ended',
  ]);
  expect(documents[0]!.visit.arrivedAt.local).toMatch(/\+07:00$/);
  expect(Date.parse(documents[0]!.visit.arrivedAt.utc)).toBe(Date.parse(documents[0]!.visit.arrivedAt.local));

  // The reconciliation report shows everything delivered; the recovery officer signs it off.
  await goTo(desk.page, '/pemulihan');
  await desk.page.getByRole('link', { name: /^Rekonsiliasi pengiriman DT-\d{6}-001$/ }).click();
  await expect(
    desk.page.getByRole('heading', { level: 1, name: /^Rekonsiliasi pengiriman — DT-/ }),
  ).toBeVisible();
  const byType = desk.page.getByRole('table', { name: 'Per jenis data' }).first();
  await expect(byType.getByRole('row', { name: 'Kunjungan 2 2 0 0 0' })).toBeVisible({ timeout: 15_000 });
  await expect(byType.getByRole('row', { name: 'Bon rekam medis 1 1 0 0 0' })).toBeVisible();
  await expect(byType.getByRole('row', { name: 'RM 1.2 1 1 0 0 0' })).toBeVisible();
  await expect(desk.page.getByText('Semua kunjungan insiden ini sudah ada di SIMRS.').first()).toBeVisible();
  await desk.page.getByRole('button', { name: 'Tandatangani rekonsiliasi' }).click();
  await expect(desk.page.getByText('Rekonsiliasi ditandatangani.')).toBeVisible();
  await fitsTabletAndLaptop(desk.page, 'the reconciliation report');
  await expect(
    desk.page.getByRole('listitem').filter({
      hasText: /^Ditandatangani Putri Pemulihan, .*: 2 dari 2 kunjungan terkirim, 0 belum, 0 dibatalkan\.$/,
    }),
  ).toBeVisible();
  await desk.page.getByRole('button', { name: 'Cetak laporan' }).click();
  await expect(desk.page.locator('html')).toHaveAttribute('data-printed', 'a4');

  // Without integration, the same data is typed by hand from the back-entry worklist.
  await goTo(desk.page, '/pemulihan');
  await desk.page.getByRole('link', { name: /^Daftar entri ulang DT-\d{6}-001$/ }).click();
  await expect(desk.page.getByRole('heading', { level: 1, name: /^Daftar entri ulang — DT-/ })).toBeVisible();
  // Ani: visit, folder, start, vitals, diagnosis, end; Budi: patient, visit, start, end.
  await expect(desk.page.getByText('0 dari 10 baris sudah dientri')).toBeVisible({ timeout: 15_000 });
  const firstRow = desk.page.getByRole('row').nth(1);
  await expect(firstRow).toContainText('Daftarkan kunjungan');
  await expect(firstRow).toContainText('A-001');
  // The tick shows once it is saved (an event), so click and wait for it rather than `check()`.
  const tick = desk.page.getByRole('checkbox', { name: 'Baris 1 sudah dientri ke SIMRS' });
  await tick.click();
  await expect(tick).toBeChecked();
  await expect(desk.page.getByText('1 dari 10 baris sudah dientri')).toBeVisible();
  await expect(firstRow).toContainText(/Putri Pemulihan, \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} WIB/);
  await fitsTabletAndLaptop(desk.page, 'the back-entry worklist');

  await desk.context.close();
  await clinic.context.close();
});
