import { expect, test } from '../fixtures/test';
import {
  horizontalOverflow,
  smallChoiceTargets,
  smallTouchTargets,
  unlabelledControls,
} from '../fixtures/a11y';
import { AccountPages, usernameOf } from '../pages/AccountPages';
import { DeviceSetupPage, RegistrationPage } from '../pages/CapturePages';
import { ShellPage } from '../pages/ShellPage';
import { goTo } from '../fixtures/navigation';

const VIEWPORTS = [
  { name: 'tablet portrait', width: 768, height: 1024 },
  { name: 'laptop', width: 1366, height: 768 },
];

for (const viewport of VIEWPORTS) {
  test(`every screen fits and is touch-friendly on a ${viewport.name} (${viewport.width}×${viewport.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const shell = new ShellPage(page);
    const accounts = new AccountPages(page);
    const registration = new RegistrationPage(page);
    const check = async (name: string) => {
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await horizontalOverflow(page), `horizontal overflow on ${name}`).toBeLessThanOrEqual(0);
      expect(await smallTouchTargets(page), `small touch targets on ${name}`).toEqual([]);
      expect(await smallChoiceTargets(page), `small checkbox/radio targets on ${name}`).toEqual([]);
      expect(await unlabelledControls(page), `unlabelled controls on ${name}`).toEqual([]);
    };
    const visit = async (screens: [string, () => Promise<void>][]) => {
      for (const [name, open] of screens) {
        await open();
        await check(name);
      }
    };
    /** The home page and every settings section this person sees, by address. */
    const homeAndSettings = (sections: readonly string[]): [string, () => Promise<void>][] => [
      ['home', async () => void (await goTo(page, '/'))],
      ...sections.map((section): [string, () => Promise<void>] => [
        `settings: ${section}`,
        async () => void (await goTo(page, `/pengaturan/${section}`)),
      ]),
    ];
    /** The same screens again in English, then back to Bahasa Indonesia. */
    const inEnglish = async (sections: readonly string[]) => {
      await goTo(page, '/pengaturan/akun');
      await page.getByLabel('Bahasa', { exact: true }).selectOption('en');
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      await visit(homeAndSettings(sections).map(([name, open]) => [`${name} (English)`, open]));
      await goTo(page, '/pengaturan/akun');
      await page.getByLabel('Language', { exact: true }).selectOption('id');
      await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();
    };
    const IT_SECTIONS = ['akun', 'pengguna', 'hub', 'perangkat', 'cadangan'];
    const STAFF_SECTIONS = ['akun', 'hub', 'perangkat', 'cadangan'];

    await shell.open('/pengaturan');
    await check('device setup');
    await accounts.setUpDevice('PD1');
    await visit([
      ['settings (IT)', async () => void (await goTo(page, '/pengaturan'))],
      ...homeAndSettings(IT_SECTIONS),
      ['audit', async () => void (await goTo(page, '/audit'))],
      ['incidents', async () => void (await goTo(page, '/insiden'))],
      [
        'drill',
        async () => {
          await page.getByRole('button', { name: 'Mulai latihan' }).click();
          await page
            .getByRole('dialog', { name: 'Mulai latihan downtime' })
            .getByRole('button', { name: 'Mulai latihan' })
            .click();
          await expect(page.getByRole('heading', { level: 1, name: /^Latihan / })).toBeVisible();
        },
      ],
      [
        'drill ended',
        async () => {
          await page.getByRole('button', { name: 'Akhiri latihan' }).click();
          await page
            .getByRole('dialog', { name: 'Akhiri latihan' })
            .getByRole('button', { name: 'Akhiri latihan' })
            .click();
          await expect(page.getByRole('heading', { level: 1, name: /Ditutup$/ })).toBeVisible();
        },
      ],
      ['incident report', async () => void (await goTo(page, '/insiden/laporan'))],
      ['past log import', async () => void (await goTo(page, '/insiden/impor'))],
    ]);
    await inEnglish(IT_SECTIONS);
    await accounts.createAccount('Rina Petugas', 'Petugas pendaftaran');
    await accounts.signOut();
    await check('sign in');
    await accounts.signIn(usernameOf('Rina Petugas'));

    await registration.open();
    await registration.startReturning('012345');
    await registration.fillIdentity({ name: 'Budi Santoso', birthDate: '1945-08-17', sex: 'Laki-laki' });
    await page.getByRole('radio', { name: 'BPJS' }).check();
    await page.getByLabel('No. kartu BPJS').fill('0001234567890');
    await page.getByRole('checkbox', { name: 'Isi jam pelayanan sebenarnya' }).first().check();
    await visit([
      ['registration form', async () => {}],
      ['receipt', async () => void (await registration.save())],
      ['queue', () => registration.tab('Antrean poli')],
      ['today', () => registration.tab('Kunjungan hari ini')],
      ['records', async () => void (await goTo(page, '/rekam-medis'))],
      ['import', async () => void (await goTo(page, '/rekam-medis/impor'))],
      ['settings', async () => void (await goTo(page, '/pengaturan'))],
      ...homeAndSettings(STAFF_SECTIONS),
    ]);
    await inEnglish(STAFF_SECTIONS);

    await accounts.handOver('PD1', 'dr. Ratna Sari', 'Perawat / dokter poli');
    await visit([
      ['clinic', async () => void (await goTo(page, '/poli'))],
      [
        'RM 1.2',
        async () => {
          await page
            .getByRole('link', { name: /^Isi RM 1.2/ })
            .first()
            .click();
          await page.getByRole('radio', { name: 'Ada', exact: true }).check();
        },
      ],
      ['visit', async () => void (await page.getByRole('link', { name: 'Lihat riwayat kunjungan' }).click())],
      [
        'lock screen',
        async () => {
          await goTo(page, '/pengaturan');
          await page.getByRole('button', { name: 'Kunci layar sekarang' }).click();
        },
      ],
    ]);
  });
}

test('works by keyboard: skip link, then every workspace link of the role in order', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.open('/');
  await new DeviceSetupPage(page).setUp('PD1', 'Rina Petugas', 'Petugas pendaftaran');
  await goTo(page, '/');
  // Start from the top of the document, as after opening the page.
  await page.locator('body').evaluate((body) => {
    body.tabIndex = -1;
    body.focus();
    body.removeAttribute('tabindex');
  });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Lompat ke isi' })).toBeFocused();
  await page.keyboard.press('Tab'); // the Siaga home link
  for (const name of ['Pendaftaran', 'Rekam Medis', 'Pemulihan', 'Insiden', 'Pengaturan']) {
    await page.keyboard.press('Tab');
    await expect(shell.navigation.getByRole('link', { name })).toBeFocused();
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();
  await expect(shell.navigation.getByRole('link', { name: 'Pengaturan' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // Each settings section is a link of its own, reached and opened by keyboard.
  const sections = page.getByRole('navigation', { name: 'Bagian pengaturan' });
  // Past the status bar's links, the first section link, then the next.
  const first = sections.getByRole('link', { name: 'Akun saya & bahasa' });
  for (
    let presses = 0;
    presses < 10 && !(await first.evaluate((link) => link === document.activeElement));
    presses++
  )
    await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(sections.getByRole('link', { name: 'Hub & konfigurasi' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/pengaturan\/hub$/);
  await expect(sections.getByRole('link', { name: 'Hub & konfigurasi' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('heading', { level: 2, name: 'Hub' })).toBeVisible();
});

test('registers a patient by keyboard alone', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.open('/pengaturan');
  await new DeviceSetupPage(page).setUp('PD1', 'Rina Petugas', 'Petugas pendaftaran');
  await goTo(page, '/pendaftaran');
  await page.getByRole('button', { name: 'Pasien baru' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('NIK', { exact: true }).focus();
  await page.keyboard.type('3273025501900001');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Siti Aminah');
  await page.keyboard.press('Tab');
  await page.keyboard.type('15011990');
  await page.getByLabel('Perkiraan umur (tahun)').focus();
  await page.keyboard.press('Tab'); // into the sex radio group, where the NIK already chose
  await expect(page.getByRole('radio', { name: 'Perempuan' })).toBeFocused();
  await expect(page.getByRole('radio', { name: 'Perempuan' })).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'Laki-laki' })).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Perempuan' })).toBeChecked();
  await page.getByRole('button', { name: 'Simpan pendaftaran' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Nomor antrean')).toHaveText('A-001');
});
