import { expect, test } from '../fixtures/test';
import { DeviceSetupPage, QueuePage, RegistrationPage } from '../pages/CapturePages';

test('the waiting-room screen shows and announces each call in Bahasa Indonesia, with no patient names', async ({
  page,
  context,
}) => {
  await page.goto('/pengaturan');
  await new DeviceSetupPage(page).setUp('PD1', 'Rina Petugas', 'Petugas pendaftaran');
  const registration = new RegistrationPage(page);
  await registration.open();
  await registration.startReturning('012345');
  await registration.fillIdentity({ name: 'Budi Santoso', birthDate: '1945-08-17', sex: 'Laki-laki' });
  await registration.save();

  const display = await context.newPage();
  // Record what the speech engine is asked to say (headless Chromium has no voices).
  await display.addInitScript(() => {
    const spoken: string[] = [];
    (window as unknown as { spoken: string[] }).spoken = spoken;
    class Utterance {
      voice: unknown = null;
      lang = '';
      rate = 1;
      constructor(readonly text: string) {}
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
    Object.defineProperty(window, 'speechSynthesis', {
      value: {
        getVoices: () => [{ lang: 'id-ID', name: 'Bahasa Indonesia' }],
        speak: (utterance: Utterance) => spoken.push(utterance.text),
      },
    });
  });
  await display.goto('/antrean/UMU');
  await expect(display.getByRole('heading', { name: 'Poli Umum' })).toBeVisible();
  await expect(display.getByText('1 pasien menunggu')).toBeVisible();
  await display.getByRole('button', { name: 'Nyalakan suara' }).click();

  await registration.tab('Antrean poli');
  await new QueuePage(page).choosePoli('Poli Umum');
  await page.getByRole('button', { name: 'Panggil berikutnya: A-001' }).click();

  await expect(display.locator('.queue-display__number')).toHaveText('A-001');
  await expect(display.getByText('Silakan menuju Poli Umum')).toBeVisible();
  await expect
    .poll(() => display.evaluate(() => (window as unknown as { spoken: string[] }).spoken))
    .toEqual(['Nomor antrean A, satu. Silakan menuju Poli Umum.']); // what the ticket says: A-001
  await expect(display.locator('body')).not.toContainText('BUDI');

  await new QueuePage(page).act('A-001', 'Panggil ulang');
  await expect
    .poll(() => display.evaluate(() => (window as unknown as { spoken: string[] }).spoken.length))
    .toBe(2);
});

test('a waiting-room screen opened on a device never set up says who sets it up, and where', async ({
  page,
}) => {
  await page.goto('/antrean/UMU');
  await expect(page.getByRole('heading', { level: 1, name: 'Layar ruang tunggu belum siap' })).toBeVisible();
  await expect(page.getByText(/^Perangkat ini belum disiapkan untuk Siaga/)).toBeVisible();
  const steps = page.getByRole('listitem');
  await expect(steps).toHaveCount(3);
  await expect(steps.first()).toContainText('Petugas IT');
  await expect(steps.first()).toContainText('Siapkan perangkat ini');
  await expect(steps.nth(1)).toContainText('Buka layar ruang tunggu');
  await page.getByRole('link', { name: 'Buka Siaga untuk menyiapkan perangkat ini' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Siapkan perangkat ini' })).toBeVisible();
});
