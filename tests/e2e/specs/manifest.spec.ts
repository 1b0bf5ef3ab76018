import { expect, test } from '../fixtures/test';

type ManifestIcon = { src: string; sizes: string; type: string; purpose?: string };

test('the web app manifest makes Siaga installable and every icon it lists loads', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const response = await request.get(href!);
  expect(response.headers()['cache-control']).toBe('no-cache');
  const manifest = (await response.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
  expect(manifest).toMatchObject({
    name: 'Siaga',
    short_name: 'Siaga',
    lang: 'id',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
  });

  const sizes = manifest.icons.map((icon) => `${icon.sizes}:${icon.purpose ?? 'any'}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
  for (const icon of manifest.icons) {
    const loaded = await page.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      return `${image.naturalWidth}x${image.naturalHeight}`;
    }, icon.src);
    expect(loaded, icon.src).toBe(icon.sizes);
  }
});

test('the service worker precaches the shell and nothing from another origin', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      urls.push(...(await cache.keys()).map((request) => request.url));
    }
    return urls;
  });
  const origin = new URL(page.url()).origin;
  expect(cached.length).toBeGreaterThan(5);
  expect(cached.every((url) => url.startsWith(origin))).toBe(true);
  const paths = cached.map((url) => new URL(url).pathname);
  expect(paths).toEqual(
    expect.arrayContaining(['/index.html', '/manifest.webmanifest', '/icons/icon-192.png']),
  );
  expect(paths.some((path) => /^\/assets\/index-.*\.js$/.test(path))).toBe(true);
  // Runtime data never goes into the precache.
  expect(paths.some((path) => path.startsWith('/api/') || path === '/config.json')).toBe(false);
});
