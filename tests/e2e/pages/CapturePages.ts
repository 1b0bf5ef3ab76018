import type { Hospital } from '../fixtures/hubProcess';
import { expect, type Locator, type Page } from '@playwright/test';
import { goTo } from '../fixtures/navigation';
import { AccountPages } from './AccountPages';

/** A wall-clock time in the facility zone (WIB) on the test day. */
export function wib(time: string): Date {
  return new Date(`2026-11-22T${time}:00+07:00`);
}

/** Sets up the device for one person: IT's setup, their account, their sign-in. */
export class DeviceSetupPage {
  constructor(readonly page: Page) {}

  async setUp(
    deviceCode: string,
    name: string,
    role: string,
    options: { hospital?: Hospital } = {},
  ): Promise<void> {
    await new AccountPages(this.page).setUpFor(deviceCode, name, role, options);
  }
}

export type Identity = {
  mrn?: string;
  nik?: string;
  name: string;
  birthDate: string;
  sex: 'Laki-laki' | 'Perempuan';
};

/** Pendaftaran: search, register, receipt; all by visible labels. */
export class RegistrationPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await goTo(this.page, '/pendaftaran');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Pendaftaran' })).toBeVisible();
    // The desk still shows the last receipt: start the next registration, as the clerk does.
    const next = this.page.getByRole('button', { name: 'Pendaftaran berikutnya', exact: true });
    if (await next.isVisible()) await next.click();
  }

  async tab(name: 'Daftar pasien' | 'Antrean poli' | 'Kunjungan hari ini'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async startReturning(mrn: string): Promise<void> {
    await this.page.getByLabel('No. RM', { exact: true }).fill(mrn);
    await this.page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expect(this.page.getByText('Tidak ditemukan di perangkat ini')).toBeVisible();
    await this.page.getByRole('button', { name: 'Pasien lama (No. RM dari kartu)' }).click();
  }

  async startNew(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pasien baru' }).click();
  }

  async fillIdentity(identity: Identity): Promise<void> {
    if (identity.nik) await this.page.getByLabel('NIK', { exact: true }).fill(identity.nik);
    await this.page.getByLabel('Nama pasien').fill(identity.name);
    await this.page.getByLabel('Tanggal lahir').fill(identity.birthDate);
    await this.page.getByRole('radio', { name: identity.sex }).check();
  }

  async chooseVisit(poli: string, doctor: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Poli', exact: true }).selectOption({ label: poli });
    await this.page.getByRole('combobox', { name: 'Dokter', exact: true }).selectOption({ label: doctor });
  }

  async save(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Simpan pendaftaran' }).click();
    await expect(this.page.getByText('Pendaftaran tersimpan')).toBeVisible();
    return this.page.getByLabel('Nomor antrean');
  }
}

export class QueuePage {
  constructor(readonly page: Page) {}

  async choosePoli(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Poli', exact: true }).selectOption({ label: name });
  }

  item(ticket: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: ticket });
  }

  async act(ticket: string, action: string): Promise<void> {
    await this.page.getByRole('button', { name: `${action} ${ticket}`, exact: true }).click();
  }
}
