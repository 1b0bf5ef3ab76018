import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { goTo } from '../fixtures/navigation';
import { SimrsStandIn } from '../fixtures/simrsStandIn';
import { AccountPages } from '../pages/AccountPages';
import { ShellPage } from '../pages/ShellPage';

/** A wall-clock date and time in WIB (the journeys run in Asia/Jakarta), `minutesAgo` before now. */
function wib(minutesAgo: number): { date: string; time: string } {
  const at = new Date(Date.now() - minutesAgo * 60_000 + 7 * 3_600_000).toISOString();
  return { date: at.slice(0, 10), time: at.slice(11, 16) };
}

/** Points the hub's SIMRS probe at the stand-in; incidents open as soon as the hub sees it down. */
function useStandIn(configPath: string, simrs: SimrsStandIn): void {
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(
    configPath,
    JSON.stringify({
      ...config,
      simrs: { healthUrl: simrs.healthUrl },
      incidents: { autoOpenAfterSeconds: 0 },
    }),
  );
}

async function fillTime(form: Locator, legend: string, value: { date: string; time: string }) {
  const group = form.getByRole('group', { name: legend });
  await group.getByLabel('Tanggal').fill(value.date);
  await group.getByLabel('Jam (WIB)').fill(value.time);
}

/** Headless Chromium has no print dialog: note what was asked for; the test prints to PDF. */
async function notePrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.print = () => {
      document.documentElement.dataset.printed = document.documentElement.dataset.printing ?? '';
    };
  });
}

test('the SIMRS goes down: the incident opens by itself, steps are ticked, the SIMRS returns and the month’s report shows and prints it', async ({
  page,
  hub,
}) => {
  test.setTimeout(120_000);
  const simrs = await SimrsStandIn.create();
  await simrs.start();
  // Before the hub starts: a hub that began by probing the demo's SIMRS (down) would report an
  // outage the moment devices sign in, and this journey opens incidents without delay.
  await hub.stop();
  useStandIn(hub.configPath, simrs);
  await hub.start();
  await notePrints(page);
  const shell = new ShellPage(page);
  await shell.open('/insiden');
  await new AccountPages(page).setUpDevice('IT1');
  await goTo(page, '/insiden');
  await expect(page.getByText('Tidak ada insiden terbuka.', { exact: false })).toBeVisible();

  // The SIMRS stops answering: the hub notices, the device opens the incident by itself.
  await simrs.stop();
  const banner = page.locator('.app-notices');
  await expect(banner.getByText(/^Insiden DT-\d{6}-001: mode manual sejak \d{2}:\d{2} WIB$/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    banner.getByText(/Batas SOP untuk alih ke server cadangan: \d{2}:\d{2} WIB \(sisa (59|60):\d{2}\)/),
  ).toBeVisible();
  const number = (await banner.getByText(/^Insiden DT-/).textContent())!.match(/DT-\d{6}-\d{3}/)![0];
  await banner.getByRole('link', { name: 'Lihat insiden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Insiden ${number}`) })).toBeVisible();
  // The hub's sighting opened it: no person is named as its reporter.
  await expect(page.getByText(/dibuka otomatis oleh hub: hub tidak dapat menghubungi SIMRS$/)).toBeVisible();
  await expect(page.getByText(/pertama oleh/)).toHaveCount(0);
  await expect(page.getByText('Dilaporkan dari 1 perangkat (IT1).', { exact: false })).toBeVisible();
  await expect(page.getByText(/Sisa waktu sebelum alih ke server cadangan: \d{2}:\d{2}/)).toBeVisible();

  // SOP steps under the unit they belong to: IT's first for IT, then a unit's, each ticked with
  // who and when.
  const sop = page.getByRole('region', { name: 'Daftar langkah SOP' });
  await expect(sop.getByRole('heading', { level: 3 })).toHaveText([
    'Langkah IT / SIMRS',
    'Langkah unit Pendaftaran',
  ]);
  const itSteps = sop.getByRole('group', { name: /^Langkah IT \/ SIMRS \d+ dari 3 selesai$/ });
  await expect(itSteps.getByRole('checkbox')).toHaveCount(3);
  // A step shows as ticked once its record is saved and signed: click, then wait for the tick.
  await itSteps.getByLabel('Periksa komputer lain (apakah mengalami masalah yang sama)').click();
  await expect(itSteps).toHaveAccessibleName(/ 1 dari 3 selesai$/);
  const unitSteps = sop.getByRole('group', { name: /^Langkah unit Pendaftaran \d+ dari 8 selesai$/ });
  await expect(
    unitSteps.getByLabel('Periksa komputer lain (apakah mengalami masalah yang sama)'),
  ).toHaveCount(0);
  await unitSteps.getByLabel('Hubungi teknisi SIMRS').click();
  await expect(unitSteps.getByLabel('Hubungi teknisi SIMRS')).toBeChecked();
  await expect(
    unitSteps.getByText(/Selesai: IT IT1 \(IT \/ admin\), \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} WIB/),
  ).toBeVisible();

  // The log entry, typed as IT would from the technician's call: called 14 minutes ago, answered
  // 12 minutes later.
  const requested = wib(14);
  const responded = wib(2);
  const log = page.getByRole('form', { name: 'Catatan laporan gangguan' });
  await log.getByLabel('Teknisi SIMRS').fill('Andi Teknisi');
  await log.getByLabel('Penyebab').selectOption({ label: 'Jaringan' });
  await fillTime(log, 'Waktu permintaan (teknisi dihubungi)', requested);
  await fillTime(log, 'Waktu respon (teknisi menanggapi)', responded);
  await log.getByLabel('Uraian pekerjaan').fill('Ganti kabel jaringan server');
  await log.getByRole('button', { name: 'Simpan catatan' }).click();
  await expect(page.getByText('Catatan tersimpan.')).toBeVisible();
  await expect(page.getByText('Durasi respon 0:12:00: tepat waktu (batas 15 menit).')).toBeVisible();

  // While the hub still sees the SIMRS down, closing is a secondary action with a warning.
  const close = page.getByRole('button', { name: 'SIMRS sudah pulih: tutup insiden' });
  await expect(close).toHaveClass(/button--secondary/);
  await expect(
    page.getByText(/^Hub masih belum dapat menghubungi SIMRS \(sejak \d{2}:\d{2} WIB\)\./),
  ).toBeVisible();

  // The SIMRS answers again: the hub says so, closing becomes the primary action, a person
  // confirms when the SIMRS worked again (the hub's sighting offered) and closes the incident.
  await simrs.start();
  await expect(page.getByText(/^Hub dapat menghubungi SIMRS lagi sejak \d{2}:\d{2} WIB\.$/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(close).toHaveClass(/button--primary/);
  await close.click();
  const dialog = page.getByRole('dialog', { name: 'SIMRS sudah pulih: tutup insiden' });
  const when = dialog.getByRole('group', { name: 'Kapan SIMRS kembali berfungsi?' });
  // Just now by default (the hub's sighting is offered when its minute follows the detection).
  await expect(
    when.getByRole('radio', { name: 'Baru saja: saya sudah memastikan SIMRS bisa dipakai lagi' }),
  ).toBeChecked();
  await expect(dialog.getByLabel('Dikonfirmasi oleh')).toHaveValue('IT IT1');
  await dialog.getByRole('button', { name: 'Tutup insiden' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`Insiden ${number} Ditutup`) }),
  ).toBeVisible();
  await expect(page.locator('.app-notices').getByText(/^Insiden DT-/)).toBeHidden();

  // The month's report in the hospital's layout: the incident's line and the totals.
  await page.getByRole('link', { name: '← Semua insiden' }).click();
  await page.getByRole('link', { name: 'Laporan bulanan' }).click();
  await page.getByLabel('Bulan', { exact: true }).fill(requested.date.slice(0, 7));
  const table = page.locator('table.downtime-report');
  const row = table.locator('tbody tr').filter({ hasText: number });
  await expect(row).toContainText('IT / SIMRS');
  await expect(row).toContainText(requested.time);
  await expect(row).toContainText(responded.time);
  await expect(row).toContainText('✓');
  await expect(row).toContainText('0:12:00');
  await expect(row).toContainText('Ganti kabel jaringan server');
  await expect(table.locator('tfoot')).toContainText('TOTAL PERBAIKAN1');
  await expect(table.locator('tfoot')).toContainText('PRESENTASE KETEPATAN100%');

  await page.getByRole('button', { name: 'Cetak (A4)' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-printed', 'a4');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#root')).toBeHidden();
  const paper = page.locator('.print-area[data-paper="a4"]');
  await expect(paper).toBeVisible();
  await expect(paper).toContainText('Laporan Gangguan Sistem (Downtime) dan Penanganannya Bulan');
  await expect(paper.locator('thead')).toContainText('Waktu Permintaan');
  await expect(paper).toContainText('0:12:00');
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf)!;
  expect([box[1], box[2]].map((points) => Math.round((Number(points) * 25.4) / 72))).toEqual([210, 297]);
  await simrs.stop();
});
