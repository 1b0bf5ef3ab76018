import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Browser, BrowserContext } from '@playwright/test';
import { E2E_ENROLLMENT_CODE, HubProcess } from '../fixtures/hubProcess';
import { LanBrowser } from '../fixtures/lanBrowser';
import { reloadSignedIn, rememberSignIn } from '../fixtures/navigation';
import { AccountPages, STAFF_PASSPHRASE, usernameOf } from '../pages/AccountPages';
import { RegistrationPage } from '../pages/CapturePages';
import { ShellPage } from '../pages/ShellPage';

const HUB_NAME = 'siaga-hub.rs-contoh.test';
const PROXY_NAME = 'siaga-plain.rs-contoh.test';

async function deviceContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    serviceWorkers: 'allow',
    acceptDownloads: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1366, height: 900 },
  });
}

test('a hub on the LAN: the install page over plain HTTP, then HTTPS under its own CA trusted as on a real device; a first and a second device; offline afterwards', async () => {
  test.setTimeout(180_000);
  const hub = await HubProcess.create();
  hub.extraArgs = ['--tls-names', HUB_NAME];
  await hub.start();
  const lan = new LanBrowser([HUB_NAME]);
  try {
    const httpsUrl = `https://${HUB_NAME}:${hub.port}`;
    let browser = await lan.launch();

    // A new tablet opens the hub's address as IT typed it: plain HTTP gives only the install page.
    const visitor = await browser.newPage();
    await visitor.goto(`http://${HUB_NAME}:${hub.port}/pendaftaran`);
    await expect(
      visitor.getByRole('heading', { level: 1, name: 'Pasang sertifikat hub Siaga di perangkat ini' }),
    ).toBeVisible();
    await expect(visitor.getByRole('link', { name: 'Buka Siaga' })).toHaveAttribute(
      'href',
      `${httpsUrl}/pendaftaran`,
    );
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.getByRole('link', { name: /Unduh sertifikat/ }).click(),
    ]);
    const caFile = await download.path();
    expect(readFileSync(caFile, 'utf8')).toBe(readFileSync(hub.caCertificatePath, 'utf8'));
    // Not trusted yet: the browser refuses the HTTPS address (never clicked through).
    await expect(visitor.goto(httpsUrl)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);

    // IT trusts the downloaded CA on the device, and the browser is opened again.
    lan.trustCertificateAuthority(caFile, 'Siaga hub CA');
    browser = await lan.launch();

    // The hospital's first device: a local admin, enrolled with the hub, an account for the clerk.
    const first = await deviceContext(browser, httpsUrl);
    const firstPage = await first.newPage();
    await new ShellPage(firstPage).openControlled('/pengaturan');
    expect(await firstPage.evaluate(() => window.isSecureContext)).toBe(true);
    await new AccountPages(firstPage).setUpFor('PD1', 'Rina Petugas', 'Petugas pendaftaran', {
      hospital: hub.hospital,
    });
    await expect(new ShellPage(firstPage).status(/Belum tersinkron: 0/)).toBeVisible({ timeout: 20_000 });

    // The second device joins the hub and Rina signs in with the account she already has.
    const second = await deviceContext(browser, httpsUrl);
    const page = await second.newPage();
    const shell = new ShellPage(page);
    await shell.openControlled('/');
    const accounts = new AccountPages(page);
    await accounts.joinHub('PD2', E2E_ENROLLMENT_CODE);
    await accounts.signIn(usernameOf('Rina Petugas'), STAFF_PASSPHRASE);
    rememberSignIn(page, usernameOf('Rina Petugas'), STAFF_PASSPHRASE);
    await expect(shell.status('Hub terhubung')).toBeVisible();

    // Typing the plain address now lands on HTTPS by itself (HSTS): no install page any more.
    await page.goto(`http://${HUB_NAME}:${hub.port}/pendaftaran`);
    await expect(page).toHaveURL(`${httpsUrl}/pendaftaran`);
    await accounts.signIn(usernameOf('Rina Petugas'), STAFF_PASSPHRASE);

    // The hub goes away: the second device opens from its own cache, signs in and registers.
    await hub.stop();
    await reloadSignedIn(page);
    await expect(shell.status('Hub tidak terjangkau')).toBeVisible();
    const desk = new RegistrationPage(page);
    await desk.open();
    await desk.startNew();
    await desk.fillIdentity({ name: 'Sutrisno Wibowo', birthDate: '1961-04-17', sex: 'Laki-laki' });
    await desk.chooseVisit('Poli Umum', 'dr. Ratna Sari');
    await expect(await desk.save()).toBeVisible();
    expect(await shell.pending()).toBeGreaterThan(0);

    // Back on the LAN: everything reaches the hub under the same certificate.
    await hub.start();
    await shell.signalOnline();
    await expect(shell.status(/Belum tersinkron: 0/)).toBeVisible({ timeout: 30_000 });
    await browser.close();
  } finally {
    await lan.dispose();
    await hub.dispose();
  }
});

test('an address the browser does not count as secure gets an explanation at first paint, never a set-up that hangs', async () => {
  // A hub run behind a proxy (--plain-http) opened directly by its LAN name over plain HTTP; the
  // name is one IT gave the hub, or the hub would refuse it as a foreign host [P42].
  const hub = await HubProcess.create();
  hub.extraArgs = ['--plain-http', '--tls-names', PROXY_NAME];
  await hub.start();
  const lan = new LanBrowser([PROXY_NAME]);
  try {
    const browser = await lan.launch();
    const page = await browser.newPage();
    const address = `http://${PROXY_NAME}:${hub.port}`;
    await page.goto(`${address}/pengaturan`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Siaga harus dibuka lewat alamat aman (https)' }),
    ).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(address);
    await expect(
      page.getByRole('link', { name: `Buka https://${PROXY_NAME}:${hub.port}/pengaturan` }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Siapkan perangkat ini' })).toHaveCount(0);
    // Also in English, chosen on this very screen.
    await page.getByLabel('Bahasa').selectOption('en');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Siaga must be opened by a secure (https) address' }),
    ).toBeVisible();
  } finally {
    await lan.dispose();
    await hub.dispose();
  }
});
