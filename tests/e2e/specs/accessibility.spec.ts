import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { ShellPage } from '../pages/ShellPage';

const VIEWPORTS = [
  { name: 'tablet portrait', width: 768, height: 1024 },
  { name: 'laptop', width: 1366, height: 768 },
];
const SCREENS = ['/', '/pendaftaran', '/pengaturan'];

/** Interactive elements smaller than 44×44 px, described for the failure message. */
function smallTouchTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, select, input, textarea, [role="button"]')]
      .filter((element) => element.offsetParent !== null && !element.classList.contains('skip-link'))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(
        ({ element, box }) =>
          `${element.tagName} "${element.textContent?.trim() ?? ''}" ${box.width}×${box.height}`,
      ),
  );
}

/** Form controls without a visible label (a <label for>, an enclosing label, or aria-labelledby). */
function unlabelledControls(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input, select, textarea')]
      .filter((control) => {
        const labels: HTMLElement[] = [...(control.labels ?? [])];
        const labelledBy = control.getAttribute('aria-labelledby');
        if (labelledBy)
          labels.push(...labelledBy.split(' ').flatMap((id) => document.getElementById(id) ?? []));
        return !labels.some((label) => label.offsetParent !== null && label.textContent?.trim());
      })
      .map((control) => control.outerHTML.slice(0, 80)),
  );
}

for (const viewport of VIEWPORTS) {
  test(`fits and is touch-friendly on a ${viewport.name} (${viewport.width}×${viewport.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const shell = new ShellPage(page);
    for (const path of SCREENS) {
      await shell.open(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
      expect(await smallTouchTargets(page), `small touch targets on ${path}`).toEqual([]);
      expect(await unlabelledControls(page), `unlabelled controls on ${path}`).toEqual([]);
    }
  });
}

test('works by keyboard: skip link, then every workspace link in order', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.open('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Lompat ke isi' })).toBeFocused();
  await page.keyboard.press('Tab'); // the Siaga home link
  for (const name of ['Pendaftaran', 'Rekam Medis', 'Poli', 'Pemulihan', 'Insiden', 'Pengaturan']) {
    await page.keyboard.press('Tab');
    await expect(shell.navigation.getByRole('link', { name })).toBeFocused();
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();
  await expect(shell.navigation.getByRole('link', { name: 'Pengaturan' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});
