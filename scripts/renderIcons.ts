/**
 * Renders the committed PNG icons from the SVG sources with Debian's Chromium.
 * Run after changing an SVG: `npx tsx scripts/renderIcons.ts`.
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/fixtures/chromium.ts';

const TARGETS = [
  { source: 'icon.svg', output: 'icon-192.png', size: 192 },
  { source: 'icon.svg', output: 'icon-512.png', size: 512 },
  { source: 'icon-maskable.svg', output: 'icon-maskable-512.png', size: 512 },
];

const browser = await chromium.launch(chromiumLaunchOptions());
for (const { source, output, size } of TARGETS) {
  const svg = readFileSync(new URL(`../public/icons/${source}`, import.meta.url), 'utf8');
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: `public/icons/${output}`, omitBackground: true });
  await page.close();
}
await browser.close();
