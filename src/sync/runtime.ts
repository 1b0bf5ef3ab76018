/**
 * What the sync layer takes from its surroundings — network, clock, randomness, timers — so the
 * tests can drive it with fakes and the browser wiring is written once.
 */
export type SyncRuntime = {
  /** The app's own origin, for resolving relative hub URLs ("/" is the hub that served the app). */
  appOrigin: string;
  fetch: typeof fetch;
  now: () => number;
  random: () => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

export function browserRuntime(): SyncRuntime {
  return {
    appOrigin: window.location.origin,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: Math.random,
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
  };
}
