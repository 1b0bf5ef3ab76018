import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { openDevice, STAFF } from '../fixtures/devices';
import { goTo } from '../fixtures/navigation';
import { expect, test } from '../fixtures/test';
import { STAFF_PASSPHRASE, usernameOf } from '../pages/AccountPages';
import { QueuePage, RegistrationPage, wib, type Identity } from '../pages/CapturePages';

test.describe.configure({ timeout: 180_000 });

const KNOWN: Identity = {
  mrn: '098765',
  nik: '3171011708450003',
  name: 'Wibisono Kartasasmita',
  birthDate: '1945-08-17',
  sex: 'Laki-laki',
};
const CAPTURED_OFFLINE: Identity = {
  nik: '3273025501900001',
  name: 'Larasati Wicaksono',
  birthDate: '1990-01-15',
  sex: 'Perempuan',
};
/** What must never be readable at rest: every name part, NIK and MRN, in any letter case. */
const SECRETS = [
  'wibisono',
  'kartasasmita',
  '098765',
  '3171011708450003',
  'larasati',
  'wicaksono',
  '3273025501900001',
];

/**
 * Everything the browser keeps for the app's origin, as an attacker with the disk would read it:
 * every row of every IndexedDB database, every Cache Storage entry (URL and body), local and
 * session storage. Binary values are read byte by byte.
 */
function rawDump(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const text = (value: unknown): string =>
      JSON.stringify(value, (_key, item: unknown) =>
        item instanceof ArrayBuffer || ArrayBuffer.isView(item)
          ? String.fromCharCode(...new Uint8Array(item instanceof ArrayBuffer ? item : item.buffer))
          : item,
      );
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        });
        parts.push(`${name}/${store}: ${text(rows)}`);
      }
      db.close();
    }
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) {
        parts.push(request.url, (await (await cache.match(request))?.text()) ?? '');
      }
    }
    parts.push(text({ ...localStorage }), text({ ...sessionStorage }));
    return parts.join('\n').toLowerCase();
  });
}

/** What the page shows or holds in its form controls. */
function screenDump(page: Page): Promise<string> {
  return page.evaluate(() =>
    [
      document.documentElement.outerHTML,
      ...Array.from(document.querySelectorAll('input, textarea, select'), (control) =>
        'value' in control ? String(control.value) : '',
      ),
    ]
      .join('\n')
      .toLowerCase(),
  );
}

function expectNoSecrets(dump: string): void {
  for (const secret of SECRETS) expect(dump, `"${secret}" found`).not.toContain(secret);
}

test('patient data is unreadable at rest and after locking; sync goes on while locked; tampering is named', async ({
  browser,
  hub,
}) => {
  const desk = await openDevice(browser, hub, STAFF.desk, wib('09:00'), { enrolled: true });
  const registration = new RegistrationPage(desk.page);
  await registration.open();
  await registration.startReturning(KNOWN.mrn!);
  await registration.fillIdentity(KNOWN);
  await registration.chooseVisit('Poli Umum', 'dr. Ratna Sari');
  await expect(await registration.save()).toHaveText('A-001');
  await expect(desk.shell.status('Belum tersinkron: 0')).toBeVisible({ timeout: 30_000 });

  // The hub goes down; a new patient is captured and waits on the device.
  await hub.stop();
  await desk.shell.signalOnline();
  await registration.open();
  await registration.startNew();
  await registration.fillIdentity(CAPTURED_OFFLINE);
  await registration.chooseVisit('Poli Umum', 'dr. Ratna Sari');
  await expect(await registration.save()).toHaveText('A-002');
  expect(await desk.shell.pending()).toBeGreaterThan(0);
  await expect(desk.page.getByRole('main')).toContainText('LARASATI WICAKSONO');

  const atRest = await rawDump(desk.page);
  expect(atRest).toContain('aes-gcm'); // the dump did read the records…
  expectNoSecrets(atRest); // …and none is readable

  // Locking clears the screen and every form; nothing of the patient stays in the page.
  await goTo(desk.page, '/pengaturan');
  await desk.page.getByRole('button', { name: 'Kunci layar sekarang' }).click();
  await expect(desk.page.getByRole('heading', { level: 1, name: 'Layar terkunci' })).toBeVisible();
  expectNoSecrets(await screenDump(desk.page));
  await goTo(desk.page, '/pendaftaran');
  await expect(desk.page.getByRole('heading', { level: 1, name: 'Layar terkunci' })).toBeVisible();
  expectNoSecrets(await screenDump(desk.page));

  // The hub returns while the screen is locked: the sealed copies go out without the key.
  await hub.start();
  await desk.shell.signalOnline();
  await expect(desk.shell.status('Belum tersinkron: 0')).toBeVisible({ timeout: 30_000 });
  await expect(desk.page.getByRole('heading', { level: 1, name: 'Layar terkunci' })).toBeVisible();

  // A wrong passphrase opens nothing; the right one does.
  await desk.page.getByRole('button', { name: 'Ganti pengguna' }).click();
  await desk.page.getByLabel('Nama pengguna').fill(usernameOf(STAFF.desk.name));
  await desk.page.getByLabel('Kata sandi', { exact: true }).fill('kata sandi yang keliru');
  await desk.page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(desk.page.getByText('Nama pengguna atau kata sandi salah.')).toBeVisible({ timeout: 15_000 });
  await desk.page.getByLabel('Kata sandi', { exact: true }).fill(STAFF_PASSPHRASE);
  await desk.page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(desk.shell.navigation).toBeVisible({ timeout: 15_000 });

  // Someone edits one byte of a stored patient record: the app says so instead of showing garbage.
  await desk.page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('siaga');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const store = db.transaction('patients', 'readwrite').objectStore('patients');
    // Record format 2: IV ‖ ciphertext as bytes; byte 20 is in the ciphertext.
    const rows = await new Promise<{ body: { bytes: Uint8Array } }[]>((resolve) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result as { body: { bytes: Uint8Array } }[]);
    });
    for (const row of rows) {
      row.body.bytes[20] = row.body.bytes[20]! ^ 0x01;
      store.put(row);
    }
    db.close();
  });
  await registration.open();
  await registration.tab('Kunjungan hari ini');
  await expect(
    desk.page
      .getByRole('alert')
      .filter({ hasText: 'Data ini tidak dapat dibuka: pemeriksaan integritas gagal' }),
  ).toBeVisible();
  // The rest of the app keeps working.
  await desk.shell.goTo('Pengaturan');
  await desk.context.close();
});

test('a role sees only what it may do', async ({ browser, hub }) => {
  const recordsRoom = await openDevice(browser, hub, STAFF.recordsRoom, wib('09:00'));
  const page = recordsRoom.page;
  // Records officers view registrations and queues but do not register or call.
  const registration = new RegistrationPage(page);
  await registration.open();
  await expect(page.getByRole('tab', { name: 'Kunjungan hari ini' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await registration.tab('Daftar pasien');
  await expect(
    page.getByText('Peran Anda dapat melihat pendaftaran, tetapi tidak mendaftarkan pasien.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pasien baru' })).toHaveCount(0);
  await registration.tab('Antrean poli');
  await new QueuePage(page).choosePoli('Poli Umum');
  await expect(
    page.getByRole('button', { name: /^Panggil berikutnya|^Tidak ada yang menunggu/ }),
  ).toHaveCount(0);
  // IT's screens are not theirs.
  await expect(recordsRoom.shell.navigation.getByRole('link', { name: 'Audit' })).toHaveCount(0);
  await goTo(page, '/audit');
  await expect(page.getByText('Peran Anda tidak berhak membuka ruang kerja ini.')).toBeVisible();
  await recordsRoom.context.close();
});

test('a backup exported on a failing tablet restores exactly its unsynced records on a fresh device', async ({
  browser,
  hub,
}) => {
  const tablet = await openDevice(browser, hub, STAFF.desk, wib('09:00'));
  const registration = new RegistrationPage(tablet.page);
  await registration.open();
  await registration.startNew();
  await registration.fillIdentity(CAPTURED_OFFLINE);
  await registration.chooseVisit('Poli Umum', 'dr. Ratna Sari');
  await expect(await registration.save()).toHaveText('A-001');
  const unsynced = await tablet.shell.pending();

  await goTo(tablet.page, '/pengaturan/cadangan');
  const exportForm = tablet.page.getByRole('form', { name: 'Buat cadangan' });
  await exportForm.getByLabel('Kata sandi cadangan').fill('cadangan tablet pendaftaran');
  await exportForm.getByLabel('Ulangi kata sandi').fill('cadangan tablet pendaftaran');
  const downloading = tablet.page.waitForEvent('download');
  await exportForm.getByRole('button', { name: 'Unduh cadangan' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^siaga-cadangan-PD1-\d{8}-\d{4}\.siaga$/);
  await expect(tablet.page.getByText(`Cadangan berisi ${unsynced} catatan dibuat.`)).toBeVisible();
  const file = await download.path();
  expectNoSecrets(readFileSync(file, 'utf8').toLowerCase());

  const spare = await openDevice(
    browser,
    hub,
    { code: 'PD2', name: 'Dian Cadangan', role: 'Petugas pendaftaran' },
    wib('09:30'),
  );
  await goTo(spare.page, '/pengaturan/cadangan');
  const importForm = spare.page.getByRole('form', { name: 'Masukkan cadangan dari perangkat lain' });
  await importForm.getByLabel('Berkas cadangan (.siaga)').setInputFiles(file);
  await importForm.getByLabel('Kata sandi cadangan').fill('bukan kata sandinya');
  await importForm.getByRole('button', { name: 'Masukkan cadangan' }).click();
  await expect(spare.page.getByText('Kata sandi cadangan salah, atau berkasnya telah diubah.')).toBeVisible();
  await importForm.getByLabel('Kata sandi cadangan').fill('cadangan tablet pendaftaran');
  const before = await spare.shell.pending();
  await importForm.getByRole('button', { name: 'Masukkan cadangan' }).click();
  await expect(
    spare.page.getByText(`${unsynced} catatan ditambahkan; 0 sudah ada di perangkat ini.`),
  ).toBeVisible();
  await expect(spare.page.getByRole('list', { name: 'Catatan yang ditambahkan' })).toContainText(
    'Pendaftaran kunjungan: 1',
  );
  // The records now wait on the spare device (+ its own audit entry of the import)…
  await expect.poll(() => spare.shell.pending()).toBe(before + unsynced + 1);
  // …and a second import adds nothing.
  await importForm.getByLabel('Kata sandi cadangan').fill('cadangan tablet pendaftaran');
  await importForm.getByRole('button', { name: 'Masukkan cadangan' }).click();
  await expect(
    spare.page.getByText(`0 catatan ditambahkan; ${unsynced} sudah ada di perangkat ini.`),
  ).toBeVisible();

  const spareDesk = new RegistrationPage(spare.page);
  await spareDesk.open();
  await spareDesk.tab('Kunjungan hari ini');
  await expect(spare.page.getByRole('main')).toContainText('LARASATI WICAKSONO');
  await tablet.context.close();
  await spare.context.close();
});
