import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubHealthSchema } from '@/domain/hubHealth';
import { startTestHub, type TestHub } from './hubTestServer';

describe('hub HTTP surface', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('answers health with status, server time and version, never cached', async () => {
    const before = Date.now();
    const response = await fetch(`${hub.url}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const health = hubHealthSchema.parse(await response.json());
    expect(health.version).toBe('test-version');
    expect(Date.parse(health.serverTime)).toBeGreaterThanOrEqual(before - 1_000);
  });

  it.each([
    ['/', 'no-cache'],
    ['/index.html', 'no-cache'],
    ['/sw.js', 'no-cache'],
    ['/manifest.webmanifest', 'no-cache'],
    ['/config.json', 'no-cache'],
    ['/assets/index-Ab12Cd34.js', 'public, max-age=31536000, immutable'],
  ])('serves %s with cache-control %s', async (path, cacheControl) => {
    const response = await fetch(`${hub.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(cacheControl);
  });

  it('serves the app page for deep links so a workspace URL opens on first load', async () => {
    const response = await fetch(`${hub.url}/pendaftaran`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<title>Siaga</title>');
  });

  it('answers unknown API paths and missing files with a JSON 404, not the app page', async () => {
    for (const path of ['/api/v1/nothing', '/assets/missing-Zz99Yy88.js']) {
      const response = await fetch(`${hub.url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No such resource.' } });
    }
  });

  it('[P43] never serves a source map, even one copied into the app folder', async () => {
    writeFileSync(join(hub.dir, 'app', 'assets', 'index-Ab12Cd34.js.map'), '{"version":3,"sources":[]}');
    writeFileSync(join(hub.dir, 'app', 'sw.js.map'), '{"version":3,"sources":[]}');
    for (const path of [
      '/assets/index-Ab12Cd34.js.map',
      '/assets/index-Ab12Cd34.js.MAP',
      '/assets/index-Ab12Cd34.js.map?v=1',
      '/sw.js.map',
    ]) {
      const response = await fetch(`${hub.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No such resource.' } });
    }
    // Encoded, the path reads as a page of the app: the app page, never the map.
    for (const path of ['/assets/index-Ab12Cd34.js%2Emap', '/assets/index-Ab12Cd34.js%252Emap']) {
      const response = await fetch(`${hub.url}${path}`);
      expect(await response.text(), path).not.toContain('"version":3');
    }
    // The script itself is still served, without a pointer to a map.
    expect((await fetch(`${hub.url}/assets/index-Ab12Cd34.js`)).status).toBe(200);
  });

  it('[P43] builds the app without source maps', async () => {
    const { default: viteConfig } = await import('../../../vite.config');
    expect(viteConfig.build?.sourcemap).toBe(false);
  });

  it('serves config.json as written, re-read on every request', async () => {
    writeFileSync(hub.configPath, '{"edited": true}');
    const response = await fetch(`${hub.url}/config.json`);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ edited: true });
  });
});
