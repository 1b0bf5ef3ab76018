import { guardUnsavedWorkOnUnload } from '@/ui/unsavedWork';
import { getDb, loadStoredRuntimeConfig, refreshStorageStatus, requestPersistentStorage } from '@/storage';
import {
  createBrowserHubProbe,
  createBrowserSync,
  refreshRuntimeConfig,
  type EnrollFailure,
  type HubProbe,
  type SyncEngine,
} from '@/sync';
import type { Result } from '@/lib/result';
import { registerServiceWorker, type ServiceWorkerControls } from './serviceWorker';

/** How often the storage figures in the status bar are refreshed. */
const STORAGE_STATUS_INTERVAL_MS = 60_000;

export type AppServices = {
  hubProbe: HubProbe;
  sync: SyncEngine;
  /** Enrolls this device with the hub it reaches now (or the configured primary). */
  enroll: (code: string) => Promise<Result<{ deviceCode: string }, EnrollFailure>>;
  serviceWorker: ServiceWorkerControls;
  refreshConfig: () => Promise<void>;
  requestPersistence: () => Promise<void>;
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
  const serviceWorker = registerServiceWorker();
  const reachableHub = () => {
    const connection = hubProbe.store.getState();
    return connection.state === 'reachable' ? connection.hubUrl : undefined;
  };
  const { engine: sync, enroll } = createBrowserSync(db, reachableHub);
  const refreshConfig = async (): Promise<void> => {
    await refreshRuntimeConfig(db);
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
  hubProbe.start();
  sync.start();
  void refreshConfig();

  window.addEventListener('online', () => hubProbe.probeNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') hubProbe.probeNow();
  });
  guardUnsavedWorkOnUnload(window);

  void requestPersistentStorage(db, storage, { onlyIfFirstRun: true });
  setInterval(() => void refreshStorageStatus(storage), STORAGE_STATUS_INTERVAL_MS);

  return {
    hubProbe,
    serviceWorker,
    sync,
    enroll: async (code) => {
      const stored = await loadStoredRuntimeConfig(db);
      const result = await enroll(code, reachableHub() ?? stored?.config.hub.primaryUrl ?? '/');
      if (result.ok) sync.syncNow();
      return result;
    },
    refreshConfig,
    requestPersistence: async () => {
      await requestPersistentStorage(db, storage, { onlyIfFirstRun: false });
    },
  };
}
