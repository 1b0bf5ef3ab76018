import { createStore } from 'zustand/vanilla';
import { errorName, logger } from '@/lib/logger';
import type { SiagaDb } from './db';
import { readMeta, writeMeta } from './meta';
import * as z from 'zod/mini';

export type StorageStatus = {
  /** `unsupported` when the browser has no StorageManager (then eviction cannot be prevented). */
  persisted: boolean | 'unsupported' | 'unknown';
  usageBytes?: number;
  quotaBytes?: number;
};

export const storageStatusStore = createStore<StorageStatus>(() => ({ persisted: 'unknown' }));

const PERSIST_REQUESTED_KEY = 'persistRequestedAt';

type StorageManagerLike = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

/** Reads whether the browser promises to keep our data, and how much room we use. */
export async function refreshStorageStatus(storage: StorageManagerLike | undefined): Promise<StorageStatus> {
  let status: StorageStatus;
  if (!storage) {
    status = { persisted: 'unsupported' };
  } else {
    const [persisted, estimate] = await Promise.all([storage.persisted(), storage.estimate()]);
    status = {
      persisted,
      ...(estimate.usage !== undefined ? { usageBytes: estimate.usage } : {}),
      ...(estimate.quota !== undefined ? { quotaBytes: estimate.quota } : {}),
    };
  }
  storageStatusStore.setState(status, true);
  return status;
}

/**
 * Asks the browser not to evict our data under storage pressure. Asked automatically once, at
 * first run; settings can ask again. Returns the resulting status.
 */
export async function requestPersistentStorage(
  db: SiagaDb,
  storage: StorageManagerLike | undefined,
  options: { onlyIfFirstRun: boolean },
): Promise<StorageStatus> {
  if (storage) {
    const requestedBefore = await readMeta(db, PERSIST_REQUESTED_KEY, z.string());
    if (!options.onlyIfFirstRun || !requestedBefore) {
      try {
        const granted = await storage.persist();
        logger.info('storage.persist', { granted });
      } catch (error) {
        logger.warn('storage.persist_failed', { error: errorName(error) });
      }
      await writeMeta(db, PERSIST_REQUESTED_KEY, new Date().toISOString());
    }
  }
  return refreshStorageStatus(storage);
}
