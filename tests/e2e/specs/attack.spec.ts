import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { sealedEventAad, signingBytes, type DomainEvent } from '../../../src/domain';
import { utf8 } from '../../../src/lib/crypto/encoding';
import { importPublicKey, sealTo } from '../../../src/lib/crypto/sealedBox';
import {
  exportSigningPublicKey,
  generateSigningKeyPair,
  signBytes,
  signingKeyId,
} from '../../../src/lib/crypto/signing';
import { uuidv7 } from '../../../src/lib/ids';
import { RM12_SAMPLE } from '../../unit/domain/rm12Sample';
import { openDevice, STAFF } from '../fixtures/devices';
import { E2E_ENROLLMENT_CODE, type HubProcess } from '../fixtures/hubProcess';
import { goTo } from '../fixtures/navigation';
import { expect, test } from '../fixtures/test';
import { AccountPages, usernameOf } from '../pages/AccountPages';
import { RegistrationPage } from '../pages/CapturePages';
import { ShellPage } from '../pages/ShellPage';

/**
 * Issue 15's attack in the real browser (decision 0010, [P32–P35]): the hospital's two real
 * devices, a rogue device set up with the ordinary enrollment code, and forgeries sent with a
 * desk's push-only token, readable from its storage by design. Every forgery is refused with its
 * reason and nothing of it is stored; the hospital's own work goes on, including a person's first
 * sign-in on another device after changing their passphrase.
 */

type StoredEvent = DomainEvent;

function hubEvents(hub: HubProcess): StoredEvent[] {
  const db = new Database(join(hub.dataDir, 'siaga-hub.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT body FROM events ORDER BY seq').all() as { body: string }[]).map(
      (row) => JSON.parse(row.body) as StoredEvent,
    );
  } finally {
    db.close();
  }
}

/** What anyone holding the locked desk can read: its push-only token and the hub's public key. */
async function readableCredentials(page: Page): Promise<{ pushToken: string; hubPublicKey: string }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('siaga');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const row = await new Promise<{ value: { pushToken: string; hubPublicKey: string } }>(
      (resolve, reject) => {
        const request = db.transaction('meta').objectStore('meta').get('hubCredentials');
        request.onsuccess = () =>
          resolve(request.result as { value: { pushToken: string; hubPublicKey: string } });
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      },
    );
    db.close();
    return { pushToken: row.value.pushToken, hubPublicKey: row.value.hubPublicKey };
  });
}

/** A key the attacker made: a signature, but by nobody the hub knows. */
async function attackerSigner() {
  const pair = await generateSigningKeyPair(false);
  const keyId = await signingKeyId(await exportSigningPublicKey(pair.publicKey));
  return async (event: DomainEvent): Promise<DomainEvent> => {
    const { signature: _real, deviceSignature: _device, ...unsigned } = event;
    const value = await signBytes(pair.privateKey, signingBytes(unsigned));
    return { ...unsigned, signature: { keyId, value } };
  };
}

test('forgeries from the hospital’s own devices and a rogue one are refused with their reason and never stored; the real work goes on', async ({
  browser,
  hub,
}) => {
  // Three devices, six forgeries and a passphrase change: longer than one journey's minute on two cores.
  test.setTimeout(150_000);
  // The hospital: the desk brings IT's first admin and Rina; the clinic tablet joins, with Ners Dewi.
  const desk = await openDevice(browser, hub, STAFF.desk, 'real', { enrolled: true });
  const clinic = await openDevice(browser, hub, STAFF.clinic, 'real', { enrolled: true });
  const registration = new RegistrationPage(desk.page);
  await registration.open();
  await registration.startNew();
  await registration.fillIdentity({ name: 'Sutrisno Wibowo', birthDate: '1961-04-17', sex: 'Laki-laki' });
  await registration.chooseVisit('Poli Umum', 'dr. Ratna Sari');
  await expect(await registration.save()).toBeVisible();
  await expect(desk.shell.status('Belum tersinkron: 0')).toBeVisible({ timeout: 30_000 });
  await expect(clinic.shell.status('Belum tersinkron: 0')).toBeVisible({ timeout: 30_000 });

  // 1. A rogue device: enrolled with the ordinary code, its own local admin makes a "doctor".
  // On a tablet held upright, as IT might set one up.
  const rogue = await browser.newContext({
    baseURL: hub.url,
    serviceWorkers: 'allow',
    locale: 'id-ID',
    viewport: { width: 768, height: 1024 },
  });
  const roguePage = await rogue.newPage();
  await new ShellPage(roguePage).openControlled('/pengaturan');
  const rogueAccounts = new AccountPages(roguePage);
  await rogueAccounts.setUpDevice('PX1');
  await rogueAccounts.enroll(E2E_ENROLLMENT_CODE);
  await rogueAccounts.createAccount('dr. Palsu Sekali', 'Perawat / dokter poli');
  const rogueShell = new ShellPage(roguePage);
  await expect(rogueShell.status('Perlu ditinjau: 2')).toBeVisible({ timeout: 30_000 });
  // IT of the rogue device reads why, in words: the hub knows no such admin.
  await rogueShell.statusBar.getByRole('link', { name: 'Perlu ditinjau: 2' }).click();
  await expect(roguePage.getByRole('main')).toContainText(
    'Ditolak hub: akun hanya dapat dibuat atau diubah oleh akun IT yang dikenal hub',
  );
  await roguePage.screenshot({ path: 'test-results/attack-rogue.png', fullPage: true });
  const afterRogue = hubEvents(hub);
  expect(afterRogue.filter((event) => event.deviceCode === 'PX1')).toEqual([]);

  // 2. Forgeries with the desk's push-only token, built from what every device pulls.
  const { pushToken, hubPublicKey } = await readableCredentials(desk.page);
  const stored = hubEvents(hub);
  const registered = stored.find((event) => event.type === 'visit.registered')!;
  const rina = registered.actor;
  const dewi = stored.find((event) => event.type === 'user.created' && event.payload.role === 'clinician')!;
  const admin = stored.find((event) => event.type === 'user.created' && event.payload.role === 'admin')!;
  const signAsAttacker = await attackerSigner();
  const copy = (event: DomainEvent, changes: Partial<DomainEvent>): DomainEvent =>
    ({ ...event, id: uuidv7(), ...changes }) as DomainEvent;
  const forgeries: [string, DomainEvent, string][] = [
    [
      'an RM 1.2 in the clinician’s name, with Rina’s real signature',
      copy(registered, {
        type: 'assessment.signed',
        entityId: uuidv7(),
        actor: { userId: dewi.entityId, name: 'Ners Dewi', role: 'clinician' },
        payload: {
          visitId: registered.entityId,
          template: 'rm12@1',
          version: 1,
          content: RM12_SAMPLE,
          startedAt: registered.occurredAt,
          completedAt: registered.occurredAt,
          clinician: { doctorCode: 'D001', name: 'dr. Ratna Sari' },
          attestation: true,
        },
      }),
      'rejected:bad_signature',
    ],
    [
      'a real event replayed with changed content',
      copy(registered, { occurredAt: '2026-11-01T08:00:00.000+07:00' }),
      'rejected:bad_signature',
    ],
    [
      'a person the hub never knew',
      await signAsAttacker(
        copy(registered, { actor: { userId: uuidv7(), name: 'Orang Asing', role: 'registration' } }),
      ),
      'rejected:unknown_signer',
    ],
    [
      'Rina in another role, signed by a key of the attacker',
      await signAsAttacker(copy(registered, { actor: { ...rina, role: 'recovery' } })),
      'rejected:unknown_signer',
    ],
    [
      'a takeover: a new passphrase and key for IT’s admin',
      await signAsAttacker(
        copy(registered, {
          type: 'user.changed',
          entityId: admin.entityId,
          actor: { userId: admin.entityId, name: 'IT PD1', role: 'admin' },
          payload: { role: 'admin' },
        }),
      ),
      'rejected:unknown_signer',
    ],
    [
      'self-promotion: Rina makes herself an admin with her real signature',
      copy(registered, {
        type: 'user.changed',
        entityId: rina.userId,
        payload: { role: 'admin' },
      }),
      'rejected:bad_signature',
    ],
  ];
  const hubKey = await importPublicKey(hubPublicKey);
  const items = await Promise.all(
    forgeries.map(async ([, event]) => ({
      id: event.id,
      sealed: await sealTo(hubKey, utf8(JSON.stringify(event)), sealedEventAad(event.id)),
    })),
  );
  const answer = await desk.page.request.post(`${hub.url}/api/v1/events`, {
    headers: { authorization: `Bearer ${pushToken}` },
    data: { events: items },
  });
  expect(answer.status()).toBe(200);
  const results = ((await answer.json()) as { results: { status: string; code?: string }[] }).results;
  expect(
    results.map((result, index) => [forgeries[index]![0], `${result.status}:${result.code ?? ''}`]),
  ).toEqual(forgeries.map(([name, , expected]) => [name, expected]));
  expect(hubEvents(hub).length).toBe(stored.length);

  // 3. The real work goes on: Rina changes her passphrase on the desk, then signs in on the
  // tablet for the first time with the new one and registers a patient there; it is accepted.
  await goTo(desk.page, '/pengaturan');
  const change = desk.page.getByRole('form', { name: 'Ganti kata sandi' });
  const renewed = 'hujan deras di halaman parkir';
  await change.getByLabel('Kata sandi baru').fill(renewed);
  await change.getByLabel('Ulangi kata sandi').fill(renewed);
  await change.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(desk.page.getByText('Kata sandi diganti.')).toBeVisible();
  await expect(desk.shell.status('Belum tersinkron: 0')).toBeVisible({ timeout: 30_000 });
  await clinic.shell.signalOnline();
  const clinicAccounts = new AccountPages(clinic.page);
  await clinicAccounts.signOut();
  await clinicAccounts.signIn(usernameOf(STAFF.desk.name), renewed);
  const atClinic = new RegistrationPage(clinic.page);
  await atClinic.open();
  await atClinic.startNew();
  await atClinic.fillIdentity({ name: 'Larasati Wicaksono', birthDate: '1990-08-09', sex: 'Perempuan' });
  await atClinic.chooseVisit('Poli Umum', 'dr. Ratna Sari');
  await expect(await atClinic.save()).toBeVisible();
  await expect(clinic.shell.status('Belum tersinkron: 0')).toBeVisible({ timeout: 30_000 });
  const fromClinic = hubEvents(hub).filter(
    (event) => event.deviceCode === STAFF.clinic.code && event.type === 'visit.registered',
  );
  expect(fromClinic.map((event) => event.actor.userId)).toEqual([rina.userId]);
  await rogue.close();
});
