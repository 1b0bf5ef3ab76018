import { describe, expect, it } from 'vitest';
import { loadStoredRuntimeConfig, saveRuntimeConfig, writeMeta } from '@/storage';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { useTestDb } from '../dbTestUtils';

const fetchedAt = new Date('2026-11-22T00:00:00Z');

describe('the stored runtime configuration', () => {
  const makeDb = useTestDb();

  it('is validated once per stored value: the same value reads back without another check', async () => {
    const db = makeDb();
    await saveRuntimeConfig(db, DEMO_CONFIG, fetchedAt);
    const first = await loadStoredRuntimeConfig(db);
    expect(first?.config.facility.code).toBe(DEMO_CONFIG.facility.code);
    expect(await loadStoredRuntimeConfig(db)).toBe(first);
  });

  it('reads a changed value anew, even stored at the same time, and a damaged one as absent', async () => {
    const db = makeDb();
    await saveRuntimeConfig(db, DEMO_CONFIG, fetchedAt);
    await loadStoredRuntimeConfig(db);
    const renamed = { ...DEMO_CONFIG, facility: { ...DEMO_CONFIG.facility, name: 'RS Lain' } };
    await saveRuntimeConfig(db, renamed, fetchedAt);
    expect((await loadStoredRuntimeConfig(db))?.config.facility.name).toBe('RS Lain');

    await writeMeta(db, 'runtimeConfig', { config: { polis: 'rusak' }, fetchedAt: 'x' }, fetchedAt);
    expect(await loadStoredRuntimeConfig(db)).toBeUndefined();
  });
});
