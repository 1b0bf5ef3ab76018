import { describe, expect, it } from 'vitest';
import { loadStoredRuntimeConfig } from '@/storage';
import { refreshRuntimeConfig, runtimeConfigStatusStore } from '@/sync';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { useTestDb } from '../dbTestUtils';

const NOW = new Date('2026-11-22T01:00:00Z');

function serving(body: string | Error, status = 200): typeof fetch {
  return async () => {
    if (body instanceof Error) throw body;
    return new Response(body, { status });
  };
}

describe('refreshRuntimeConfig', () => {
  const makeDb = useTestDb();

  it('stores a valid configuration and reports it current', async () => {
    const db = makeDb();
    const status = await refreshRuntimeConfig(db, {
      fetch: serving(JSON.stringify(DEMO_CONFIG)),
      now: () => NOW,
    });
    expect(status).toEqual({ state: 'current', checkedAt: NOW.getTime() });
    expect(await loadStoredRuntimeConfig(db)).toEqual({ config: DEMO_CONFIG, fetchedAt: NOW.toISOString() });
  });

  it('keeps the last valid configuration when the served one is invalid, and names the field', async () => {
    const db = makeDb();
    await refreshRuntimeConfig(db, { fetch: serving(JSON.stringify(DEMO_CONFIG)), now: () => NOW });
    const broken = { ...DEMO_CONFIG, facility: { ...DEMO_CONFIG.facility, timeZone: 'UTC' } };
    const later = new Date(NOW.getTime() + 60_000);
    const status = await refreshRuntimeConfig(db, {
      fetch: serving(JSON.stringify(broken)),
      now: () => later,
    });
    expect(status.state).toBe('invalid');
    expect(status.state === 'invalid' && status.issues.map((issue) => issue.field)).toEqual([
      'facility.timeZone',
    ]);
    expect(runtimeConfigStatusStore.getState()).toEqual(status);
    expect((await loadStoredRuntimeConfig(db))?.fetchedAt).toBe(NOW.toISOString());
  });

  it('keeps the last valid configuration when the hub is unreachable or fails', async () => {
    const db = makeDb();
    await refreshRuntimeConfig(db, { fetch: serving(JSON.stringify(DEMO_CONFIG)), now: () => NOW });
    expect(
      (await refreshRuntimeConfig(db, { fetch: serving(new TypeError('offline')), now: () => NOW })).state,
    ).toBe('unreachable');
    expect((await refreshRuntimeConfig(db, { fetch: serving('{}', 503), now: () => NOW })).state).toBe(
      'unreachable',
    );
    expect((await loadStoredRuntimeConfig(db))?.config).toEqual(DEMO_CONFIG);
  });

  it('has nothing to fall back on before the first valid configuration', async () => {
    const db = makeDb();
    const status = await refreshRuntimeConfig(db, { fetch: serving('not json'), now: () => NOW });
    expect(status).toMatchObject({ state: 'invalid', issues: [{ field: '', reason: 'notJson' }] });
    expect(await loadStoredRuntimeConfig(db)).toBeUndefined();
  });
});
