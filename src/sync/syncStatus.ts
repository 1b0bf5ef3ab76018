import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HubFailure } from './hubClient';

export type SyncPhase =
  'starting' | 'otherTab' | 'idle' | 'syncing' | 'retrying' | 'offline' | 'notEnrolled' | 'authFailed';

export type SyncStatus = {
  phase: SyncPhase;
  /** Events in the request now in flight. */
  sending: number;
  lastSuccessAt?: number;
  lastFailure?: HubFailure | undefined;
  nextAttemptAt?: number;
  /** A large send in progress: `done` of `total` since `startedAt`. */
  bulk?: { total: number; done: number; startedAt: number } | undefined;
  /** Pulled events this device could not read (a newer app on another device); logged and skipped. */
  unreadablePulled: number;
  /** Pulled events not signed by the person they name [P32]: not applied; logged and counted. */
  unverifiedPulled: number;
};

export function createSyncStatusStore(): StoreApi<SyncStatus> {
  return createStore<SyncStatus>(() => ({
    phase: 'starting',
    sending: 0,
    unreadablePulled: 0,
    unverifiedPulled: 0,
  }));
}
