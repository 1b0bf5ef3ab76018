import type { DeviceSummary } from '@/domain';
import type { Result } from '@/lib/result';
import { hubTokens, type SiagaDb } from '@/storage';
import type { EnrollFailure, joinHub } from './enrollDevice';
import type { escrowDataKey, releaseDataKey } from './keyEscrow';
import { browserRuntime } from './runtime';
import type { SyncEngine } from './syncEngine';
import { createSyncStatusStore } from './syncStatus';

export type BrowserSync = {
  engine: SyncEngine;
  enroll: (code: string, hubUrl: string) => Promise<Result<{ deviceCode: string }, EnrollFailure>>;
  escrow: (hubUrl: string, rawKey: Uint8Array<ArrayBuffer>) => ReturnType<typeof escrowDataKey>;
  release: (hubUrl: string, username: string, passphrase: string) => ReturnType<typeof releaseDataKey>;
  /** A new device joins the hub: enrolls and leaves its new data key there [P1, P22]. */
  join: (
    hubUrl: string,
    code: string,
    rawKey: Uint8Array<ArrayBuffer>,
    signingKey: string,
  ) => ReturnType<typeof joinHub>;
  /** Whether the hub knows no account by this username [P29]; undefined when it cannot say. */
  usernameAvailable: (hubUrl: string, username: string) => Promise<boolean | undefined>;
  /** The hub's device counts [P25]; undefined when not enrolled, signed out or unanswered. */
  deviceSummary: (hubUrl: string) => Promise<DeviceSummary | undefined>;
};

/**
 * The sync engine and enrollment for the browser. Their code (and the protocol schemas) load on
 * first use, after the first screen is drawn: opening the app during an outage must not wait for
 * them. The status store exists at once so the status bar can subscribe before the engine loads.
 */
export function createBrowserSync(db: SiagaDb, hubUrl: () => string | undefined): BrowserSync {
  const store = createSyncStatusStore();
  let loading: Promise<SyncEngine> | undefined;
  const loaded = () =>
    (loading ??= import('./syncEngine').then((module) => module.createBrowserSyncEngine(db, hubUrl, store)));

  return {
    engine: {
      store,
      runOnce: async (options) => (await loaded()).runOnce(options),
      start: () => void loaded().then((engine) => engine.start()),
      stop: () => void loaded().then((engine) => engine.stop()),
      syncNow: () => void loaded().then((engine) => engine.syncNow()),
    },
    enroll: async (code, url) => (await import('./enrollDevice')).enrollDeviceInBrowser(db, code, url),
    escrow: async (url, rawKey) =>
      (await import('./keyEscrow')).escrowDataKey(db, { hubUrl: url, ...browserRuntime() }, rawKey),
    release: async (url, username, passphrase) =>
      (await import('./keyEscrow')).releaseDataKey(
        db,
        { hubUrl: url, ...browserRuntime() },
        username,
        passphrase,
      ),
    join: async (url, code, rawKey, signingKey) =>
      (await import('./enrollDevice')).joinHub(db, code, rawKey, signingKey, {
        hubUrl: url,
        ...browserRuntime(),
      }),
    usernameAvailable: async (url, username) => {
      const token = (await hubTokens(db))?.pull;
      if (!token) return undefined;
      const { usernameCheckWithHub } = await import('./hubClient');
      const answer = await usernameCheckWithHub({ hubUrl: url, ...browserRuntime() }, token, username);
      return answer.ok ? answer.value.body.available : undefined;
    },
    deviceSummary: async (url) => {
      const token = (await hubTokens(db))?.pull;
      if (!token) return undefined;
      const { deviceSummaryFromHub } = await import('./hubClient');
      const answer = await deviceSummaryFromHub({ hubUrl: url, ...browserRuntime() }, token);
      return answer.ok ? answer.value.body : undefined;
    },
  };
}
