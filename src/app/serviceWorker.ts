import { createStore } from 'zustand/vanilla';
import { errorName, logger } from '@/lib/logger';

/** Look for a new release this often while the app stays open (also whenever the hub returns). */
export const SW_UPDATE_CHECK_INTERVAL_MS = 30 * 60_000;

export type UpdateCheckOutcome = 'updateFound' | 'upToDate' | 'failed';

export type ServiceWorkerState = {
  supported: boolean;
  /** The app shell is precached: the app opens with no server at all. */
  offlineReady: boolean;
  /** A new release is installed and waiting for the user's go-ahead. */
  updateWaiting: boolean;
  /** The user chose "later" for the waiting release (it stays available in the status bar). */
  updateDeferred: boolean;
};

export const serviceWorkerStore = createStore<ServiceWorkerState>(() => ({
  supported: typeof navigator !== 'undefined' && 'serviceWorker' in navigator,
  offlineReady: false,
  updateWaiting: false,
  updateDeferred: false,
}));

export type ServiceWorkerControls = {
  /** Activates the waiting release; the page reloads once it takes control. */
  applyUpdate: () => Promise<void>;
  deferUpdate: () => void;
  checkForUpdate: () => Promise<UpdateCheckOutcome>;
};

/**
 * Registers the precaching service worker in prompt mode: a new release never reloads the page
 * by itself (that would throw away half-filled forms); the user applies it when ready. The
 * registration (and its workbox-window chunk) waits for `after`, the first screen: the worker
 * already controlling this page serves it meanwhile.
 */
export function registerServiceWorker(after: Promise<void> = Promise.resolve()): ServiceWorkerControls {
  let registration: ServiceWorkerRegistration | undefined;
  if (!serviceWorkerStore.getState().supported) {
    return {
      applyUpdate: () => Promise.resolve(),
      deferUpdate: () => {},
      checkForUpdate: () => Promise.resolve('failed'),
    };
  }

  // No release can be waiting before the registration: until then there is nothing to apply.
  let applyWaitingRelease: (reload?: boolean) => Promise<void> = () => Promise.resolve();
  void after.then(async () => {
    const { registerSW } = await import('virtual:pwa-register');
    applyWaitingRelease = registerSW({
      immediate: true,
      onOfflineReady: () => serviceWorkerStore.setState({ offlineReady: true }),
      onNeedRefresh: () => serviceWorkerStore.setState({ updateWaiting: true, updateDeferred: false }),
      onRegisteredSW: (_url, registered) => {
        registration = registered;
      },
      onRegisterError: (error: unknown) => logger.error('sw.register_failed', { error: errorName(error) }),
    });
  });

  // An active worker has finished precaching, so a reload works offline from here on,
  // including on later visits where `onOfflineReady` does not fire again.
  void navigator.serviceWorker.ready.then(() => serviceWorkerStore.setState({ offlineReady: true }));

  async function checkForUpdate(): Promise<UpdateCheckOutcome> {
    const current = registration ?? (await navigator.serviceWorker.getRegistration());
    if (!current) return 'failed';
    try {
      await current.update();
    } catch (error) {
      logger.info('sw.update_check_failed', { error: errorName(error) });
      return 'failed';
    }
    return current.installing || current.waiting ? 'updateFound' : 'upToDate';
  }

  setInterval(() => void checkForUpdate(), SW_UPDATE_CHECK_INTERVAL_MS);

  return {
    applyUpdate: () => applyWaitingRelease(true),
    deferUpdate: () => serviceWorkerStore.setState({ updateDeferred: true }),
    checkForUpdate,
  };
}
