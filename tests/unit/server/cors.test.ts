import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { startTestHub, type TestHub } from './hubTestServer';

const PRIMARY = 'http://hub-a.rs.local:8080';
const BACKUP = 'https://hub-b.rs.local';

describe('CORS: only the app of the configured hubs may call across origins', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub.close();
  });
  beforeEach(() => {
    hub.writeConfig({ ...DEMO_CONFIG, hub: { primaryUrl: `${PRIMARY}/`, backupUrl: `${BACKUP}/siaga` } });
  });

  const get = (origin?: string) => fetch(`${hub.url}/api/v1/health`, { headers: origin ? { origin } : {} });
  const preflight = (origin: string) =>
    fetch(`${hub.url}/api/v1/events`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });

  it.each([PRIMARY, BACKUP])('lets the app loaded from %s read the answer', async (origin) => {
    const response = await get(origin);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('vary')).toBe('Origin');
    // The sync engine must see Retry-After on a 429 from the other hub [P15].
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });

  it('answers the preflight of a configured hub origin', async () => {
    const response = await preflight(BACKUP);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(BACKUP);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it.each(['https://evil.example', 'http://hub-a.rs.local:8081', 'null', 'https://hub-b.rs.local:444'])(
    'gives %s no access: no allow-origin, and a 403 preflight with a reason',
    async (origin) => {
      const response = await get(origin);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('vary')).toBe('Origin');
      const refused = await preflight(origin);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(refused.headers.get('access-control-allow-methods')).toBeNull();
      expect(await refused.json()).toEqual({
        error: { code: 'origin_not_allowed', message: expect.any(String) as unknown },
      });
    },
  );

  it('leaves same-origin requests alone', async () => {
    for (const response of [await get(), await get(hub.url)]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('vary')).toBeNull();
    }
  });

  it('follows config.json as IT edits it, and allows no other origin while it is invalid', async () => {
    expect((await get(BACKUP)).headers.get('access-control-allow-origin')).toBe(BACKUP);
    hub.writeConfig({ ...DEMO_CONFIG, hub: { primaryUrl: `${PRIMARY}/` } });
    expect((await get(BACKUP)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await get(PRIMARY)).headers.get('access-control-allow-origin')).toBe(PRIMARY);
    hub.writeConfig('{"hub": "broken"');
    expect((await get(PRIMARY)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(PRIMARY)).status).toBe(403);
  });

  it('keeps CORS headers on error answers so the app can read the reason', async () => {
    const response = await fetch(`${hub.url}/api/v1/events`, { headers: { origin: PRIMARY } });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(PRIMARY);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('token_missing');
  });
});
