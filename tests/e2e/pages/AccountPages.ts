import { expect, type Page } from '@playwright/test';
import type { Hospital } from '../fixtures/hubProcess';
import { goTo, rememberSignIn } from '../fixtures/navigation';

/** Passphrases of the accounts these journeys create (test devices only). */
export const ADMIN_PASSPHRASE = 'kunci perangkat uji coba';
export const STAFF_PASSPHRASE = 'kopi pagi di poli umum';

/** `Rina Petugas` → `rina.petugas`: the username a journey gives each person. */
export function usernameOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

/** First run, sign-in, accounts: what IT and staff do before any clinical work. */
export class AccountPages {
  constructor(readonly page: Page) {}

  /** IT sets up the device with a local admin account `it-<code>` (a first device, or no hub). */
  async setUpDevice(deviceCode: string): Promise<void> {
    const page = this.page;
    await expect(page.getByRole('heading', { level: 1, name: 'Siapkan perangkat ini' })).toBeVisible();
    const local = page.getByRole('region', { name: 'Perangkat pertama, atau tanpa hub' });
    await local.getByRole('button', { name: 'Buat akun admin lokal' }).click();
    await local.getByLabel('Kode perangkat').fill(deviceCode);
    await local.getByLabel('Nama petugas IT').fill(`IT ${deviceCode}`);
    await local.getByLabel('Nama pengguna').fill(`it-${deviceCode.toLowerCase()}`);
    await local.getByLabel('Kata sandi', { exact: true }).fill(ADMIN_PASSPHRASE);
    await local.getByLabel('Ulangi kata sandi').fill(ADMIN_PASSPHRASE);
    await local.getByRole('button', { name: 'Siapkan perangkat' }).click();
    await expect(page.getByRole('navigation', { name: 'Ruang kerja' })).toBeVisible({ timeout: 15_000 });
    rememberSignIn(page, `it-${deviceCode.toLowerCase()}`, ADMIN_PASSPHRASE);
  }

  /**
   * A further device joins the hospital's hub with IT's code, then a person signs in with the
   * account they already have.
   */
  async joinHub(deviceCode: string, enrollmentCode: string): Promise<void> {
    const page = this.page;
    await expect(page.getByRole('heading', { level: 1, name: 'Siapkan perangkat ini' })).toBeVisible();
    const join = page.getByRole('form', { name: 'Hubungkan ke hub rumah sakit' });
    await join.getByLabel('Kode perangkat').fill(deviceCode);
    await join.getByLabel('Kode pendaftaran hub').fill(enrollmentCode);
    await join.getByRole('button', { name: 'Hubungkan ke hub' }).click();
    await expect(page.getByText(`Perangkat ${deviceCode} terhubung ke hub rumah sakit.`)).toBeVisible({
      timeout: 15_000,
    });
  }

  /** An admin (signed in) creates an account on this device. */
  async createAccount(name: string, roleLabel: string, passphrase = STAFF_PASSPHRASE): Promise<void> {
    const page = this.page;
    await goTo(page, '/pengaturan/pengguna');
    const form = page.getByRole('form', { name: 'Buat akun' });
    await form.getByLabel('Nama lengkap').fill(name);
    await form.getByLabel('Nama pengguna').fill(usernameOf(name));
    await form.getByLabel('Peran', { exact: true }).selectOption({ label: roleLabel });
    await form.getByLabel('Kata sandi awal').fill(passphrase);
    await form.getByLabel('Ulangi kata sandi').fill(passphrase);
    await form.getByRole('button', { name: 'Buat akun' }).click();
    await expect(page.getByText(`Akun ${name} dibuat.`)).toBeVisible({ timeout: 15_000 });
  }

  /** IT enrolls the device with the code on the hub's console. */
  async enroll(code: string): Promise<void> {
    const page = this.page;
    await goTo(page, '/pengaturan/hub');
    await page.getByLabel('Kode pendaftaran').fill(code);
    await page.getByRole('button', { name: 'Daftarkan perangkat' }).click();
    await expect(page.getByText('Perangkat terdaftar. Sinkronisasi dimulai.')).toBeVisible();
  }

  async signOut(): Promise<void> {
    const page = this.page;
    await goTo(page, '/pengaturan');
    await page.getByRole('button', { name: 'Keluar', exact: true }).click();
    // With records not yet at the hub, the app asks first; the question may take a moment.
    const anyway = page.getByRole('button', { name: 'Tetap keluar' });
    const signIn = page.getByRole('heading', { level: 1, name: 'Masuk' });
    await expect(anyway.or(signIn)).toBeVisible();
    if (await anyway.isVisible()) await anyway.click();
    await expect(signIn).toBeVisible();
  }

  async signIn(username: string, passphrase = STAFF_PASSPHRASE): Promise<void> {
    const page = this.page;
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect(page.getByRole('navigation', { name: 'Ruang kerja' })).toBeVisible({ timeout: 15_000 });
    rememberSignIn(page, username, passphrase);
  }

  /**
   * The everyday start of a journey: IT sets up the device and an account for the person who
   * works on it, who then signs in. With a hub, the hospital's first device brings IT's admin
   * (enrolled with the first-admin code); later devices join the hub, where that admin signs in.
   */
  async setUpFor(
    deviceCode: string,
    name: string,
    roleLabel: string,
    options: { hospital?: Hospital } = {},
  ): Promise<void> {
    const hospital = options.hospital;
    if (!hospital) {
      await this.setUpDevice(deviceCode);
    } else if (!hospital.admin) {
      await this.setUpDevice(deviceCode);
      await this.enroll(hospital.firstAdminCode);
      hospital.admin = `it-${deviceCode.toLowerCase()}`;
    } else {
      await this.joinHub(deviceCode, hospital.enrollmentCode);
      await this.signIn(hospital.admin, ADMIN_PASSPHRASE);
    }
    await this.createAccount(name, roleLabel);
    await this.signOut();
    await this.signIn(usernameOf(name));
  }

  /** Another person takes over the device: IT adds their account, they sign in. */
  async handOver(deviceCode: string, name: string, roleLabel: string): Promise<void> {
    await this.signOut();
    await this.signIn(`it-${deviceCode.toLowerCase()}`, ADMIN_PASSPHRASE);
    await this.createAccount(name, roleLabel);
    await this.signOut();
    await this.signIn(usernameOf(name));
  }
}
