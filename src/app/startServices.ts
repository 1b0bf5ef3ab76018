import { guardUnsavedWorkOnUnload, unsavedWorkStore } from '@/ui/unsavedWork';
import {
  lazyAccountActions,
  createSession,
  DEFAULT_IDLE_LOCK_MINUTES,
  startAutoLock,
  type AccountActions,
  type Session,
} from '@/session';
import {
  getDb,
  loadHubCredentials,
  loadKeyring,
  loadStoredRuntimeConfig,
  refreshStorageStatus,
  requestPersistentStorage,
  updateKeyring,
} from '@/storage';
import {
  createBrowserHubProbe,
  createBrowserSync,
  refreshRuntimeConfig,
  type EnrollFailure,
  type HubProbe,
  type SyncEngine,
} from '@/sync';
import type { DeviceSummary } from '@/domain';
import { errorName, logger } from '@/lib/logger';
import type { Result } from '@/lib/result';
import { firstScreenShown } from './firstScreen';
import { registerServiceWorker, type ServiceWorkerControls } from './serviceWorker';

/** How often acknowledged payloads past the retention are looked for. */
const PURGE_INTERVAL_MS = 60 * 60_000;
/**
 * The first look for them waits this long after the first screen: a person signing in right after
 * start-up must not wait behind the purge for the journal lock (issue 16).
 */
const FIRST_PURGE_DELAY_MS = 60_000;
/** How often the storage figures in the status bar are refreshed. */
const STORAGE_STATUS_INTERVAL_MS = 60_000;

export type AppServices = {
  session: Session;
  accounts: AccountActions;
  hubProbe: HubProbe;
  sync: SyncEngine;
  /** Enrolls this device with the hub it reaches now (or the configured primary). */
  enroll: (code: string) => Promise<Result<{ deviceCode: string }, EnrollFailure>>;
  serviceWorker: ServiceWorkerControls;
  refreshConfig: () => Promise<void>;
  requestPersistence: () => Promise<void>;
  /** How many devices the hub has enrolled and has heard from lately [P25]; undefined offline. */
  deviceSummary: () => Promise<DeviceSummary | undefined>;
  /** The hub this device reaches now, if any. */
  reachableHub: () => string | undefined;
};

/** Starts what runs beside the UI: the hub probe, config refresh, storage checks, the service worker. */
export function startServices(): AppServices {
  const db = getDb();
  const storage = 'storage' in navigator ? navigator.storage : undefined;

  const hubProbe = createBrowserHubProbe(async () => {
    const stored = await loadStoredRuntimeConfig(db);
    if (!stored) return ['/']; // before any config: the hub that served this app
    const { primaryUrl, backupUrl } = stored.config.hub;
    return backupUrl ? [primaryUrl, backupUrl] : [primaryUrl];
  });
  const serviceWorker = registerServiceWorker(firstScreenShown);
  const reachableHub = () => {
    const connection = hubProbe.store.getState();
    return connection.state === 'reachable' ? connection.hubUrl : undefined;
  };
  const {
    engine: sync,
    enroll,
    escrow,
    release,
    join,
    usernameAvailable,
    deviceSummary,
  } = createBrowserSync(db, reachableHub);
  const hubForAccounts = async () =>
    reachableHub() ?? (await loadStoredRuntimeConfig(db))?.config.hub.primaryUrl ?? '/';

  /** Leaves the data key with the hub once per hub store, so colleagues can sign in here [P22]. */
  const escrowOnce = async (rawKey: Uint8Array<ArrayBuffer>) => {
    const [keyring, credentials] = await Promise.all([loadKeyring(db), loadHubCredentials(db)]);
    const hubUrl = reachableHub();
    if (!keyring || !credentials || !hubUrl || keyring.escrowedWith === credentials.hubId) return;
    const escrowed = await escrow(hubUrl, rawKey);
    if (escrowed.ok)
      await updateKeyring(db, (current) => ({ ...current, escrowedWith: escrowed.value.hubId }));
  };

  const session = createSession({
    db,
    release: async (username, passphrase) => release(await hubForAccounts(), username, passphrase),
    join: async (code, rawKey, signingKey) => join(await hubForAccounts(), code, rawKey, signingKey),
    afterUnlock: escrowOnce,
  });
  // Where a session lands matters only once someone signs in, which takes a screen and a
  // passphrase: its code (routes, rights) loads beside the start instead of within it.
  void import('./landing').then(
    ({ followSessionLanding }) => followSessionLanding(session),
    (error: unknown) => logger.error('app.landing_load_failed', { error: errorName(error) }),
  );
  void session.start();
  let idleLockMs = DEFAULT_IDLE_LOCK_MINUTES * 60_000;
  startAutoLock(session, { idleMs: () => idleLockMs });
  const rememberIdleLock = async () => {
    const minutes = (await loadStoredRuntimeConfig(db))?.config.security?.idleLockMinutes;
    idleLockMs = (minutes ?? DEFAULT_IDLE_LOCK_MINUTES) * 60_000;
  };
  // Read once the first screen is up: only an unlocked session can go idle.
  void firstScreenShown.then(rememberIdleLock);
  // Signing in is when pulled events can be read and stored: catch up at once.
  session.store.subscribe((state, previous) => {
    if (state.status === 'unlocked' && previous.status !== 'unlocked') sync.syncNow();
    // Just joined the hub: the status bar learns it from the sync engine's next round.
    if (state.status === 'signedOut' && state.joined && previous.status === 'setUp') sync.syncNow();
    if (state.status !== 'unlocked') unsavedWorkStore.setState({ dirtyForms: new Set() });
  });
  const refreshConfig = async (): Promise<void> => {
    await refreshRuntimeConfig(db);
    await rememberIdleLock();
  };

  // When the hub comes back, catch up at once: new config, new release. (At start-up both are
  // fetched anyway: the config below, the release by the service worker's registration.)
  let previousState = hubProbe.store.getState().state;
  hubProbe.store.subscribe((connection) => {
    if (connection.state === 'reachable' && previousState !== 'reachable') sync.syncNow();
    if (connection.state === 'reachable' && previousState === 'unreachable') {
      void refreshConfig();
      void serviceWorker.checkForUpdate();
    }
    previousState = connection.state;
  });
  // Nothing below is needed to draw the first screen (set-up, sign-in, lock): it starts once that
  // screen is shown, so on a slow tablet it does not compete with it for the main thread. Offline
  // the probe and the sync engine would only find the hub gone; online they start a moment later.
  void firstScreenShown.then(() => {
    // Sign-in's own code (key derivation, account checks): ready before anyone has typed.
    void session.prepare().catch(() => undefined); // retried by the action itself
    // The downtime incident opens by itself once the hub has seen the SIMRS down long enough.
    void import('@/sync/outageWatch').then(({ startOutageWatch }) =>
      startOutageWatch({
        probe: hubProbe.store,
        signedIn: () => session.store.getState().status === 'unlocked',
        onSessionChange: (listener) => session.store.subscribe(listener),
        config: async () => (await loadStoredRuntimeConfig(db))?.config,
        recordSighting: async (outage) => (await import('./incidentWrites')).recordOutageSighting(db, outage),
      }),
    );
    hubProbe.start();
    sync.start();
    void refreshConfig();
    void requestPersistentStorage(db, storage, { onlyIfFirstRun: true });
    setInterval(() => void refreshStorageStatus(storage), STORAGE_STATUS_INTERVAL_MS);
    // Old confirmed work leaves the device (the hub keeps it); unsynced work never does.
    const purgeOld = async () => {
      const [{ purgeAcknowledged }, stored] = await Promise.all([
        import('@/storage/purge'),
        loadStoredRuntimeConfig(db),
      ]);
      await purgeAcknowledged(db, stored?.config.security?.retentionDays);
    };
    setTimeout(() => {
      void purgeOld();
      setInterval(() => void purgeOld(), PURGE_INTERVAL_MS);
    }, FIRST_PURGE_DELAY_MS);
  });

  window.addEventListener('online', () => hubProbe.probeNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') hubProbe.probeNow();
  });
  guardUnsavedWorkOnUnload(window);

  return {
    session,
    accounts: lazyAccountActions(db, session, {
      usernameAvailable: async (username) => {
        const hubUrl = reachableHub();
        return hubUrl ? usernameAvailable(hubUrl, username) : undefined;
      },
    }),
    hubProbe,
    serviceWorker,
    sync,
    enroll: async (code) => {
      const stored = await loadStoredRuntimeConfig(db);
      const result = await enroll(code, reachableHub() ?? stored?.config.hub.primaryUrl ?? '/');
      if (result.ok) {
        sync.syncNow();
        await session.withDataKey(escrowOnce).catch(() => undefined);
      }
      return result;
    },
    refreshConfig,
    requestPersistence: async () => {
      await requestPersistentStorage(db, storage, { onlyIfFirstRun: false });
    },
    deviceSummary: async () => {
      const hubUrl = reachableHub();
      return hubUrl ? deviceSummary(hubUrl) : undefined;
    },
    reachableHub,
  };
}
