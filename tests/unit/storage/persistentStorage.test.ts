import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage, storageStatusStore } from '@/storage';
import { useTestDb } from '../dbTestUtils';

function fakeStorageManager(grant: boolean) {
  let persisted = false;
  return {
    persist: vi.fn(async () => {
      persisted = grant;
      return grant;
    }),
    persisted: vi.fn(async () => persisted),
    estimate: vi.fn(async () => ({ usage: 2_048, quota: 10 * 1024 ** 3 })),
  };
}

describe('requestPersistentStorage', () => {
  const makeDb = useTestDb();

  it('asks once at first run, then only reports', async () => {
    const db = makeDb();
    const storage = fakeStorageManager(true);
    const first = await requestPersistentStorage(db, storage, { onlyIfFirstRun: true });
    await requestPersistentStorage(db, storage, { onlyIfFirstRun: true });
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(first).toEqual({ persisted: true, usageBytes: 2_048, quotaBytes: 10 * 1024 ** 3 });
    expect(storageStatusStore.getState()).toEqual(first);
  });

  it('asks again when the user asks, and reports a refusal', async () => {
    const db = makeDb();
    const storage = fakeStorageManager(false);
    await requestPersistentStorage(db, storage, { onlyIfFirstRun: true });
    const again = await requestPersistentStorage(db, storage, { onlyIfFirstRun: false });
    expect(storage.persist).toHaveBeenCalledTimes(2);
    expect(again.persisted).toBe(false);
  });

  it('says so when the browser cannot persist storage', async () => {
    const db = makeDb();
    expect(await requestPersistentStorage(db, undefined, { onlyIfFirstRun: true })).toEqual({
      persisted: 'unsupported',
    });
  });
});
