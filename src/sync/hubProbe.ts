import { createStore, type StoreApi } from 'zustand/vanilla';
import { hubHealthSchema, type HubHealth } from '@/domain/hubHealth';
import { backoffDelayMs, type BackoffPolicy } from './backoff';
import { hubEndpoint } from './hubEndpoint';
import { browserRuntime, type SyncRuntime } from './runtime';

/** While the hub answers, check it this often. */
export const PROBE_INTERVAL_MS = 10_000;
/** Give up on one health request after this long: a LAN hub answers in milliseconds. */
export const PROBE_TIMEOUT_MS = 4_000;
/** After failures, back off from 1 s up to 15 s, so a returning hub is noticed within seconds. */
export const PROBE_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 15_000, jitter: 'equal' };

export const ProbeFailure = {
  Network: 'network',
  Timeout: 'timeout',
  HttpStatus: 'httpStatus',
  InvalidAnswer: 'invalidAnswer',
  NoHubConfigured: 'noHubConfigured',
} as const;
export type ProbeFailure = (typeof ProbeFailure)[keyof typeof ProbeFailure];

export type HubConnection =
  | { state: 'checking' }
  | {
      state: 'reachable';
      /** The hub URL that answered: the primary, or the backup when the primary did not. */
      hubUrl: string;
      viaBackup: boolean;
      lastContactAt: number;
      serverTime: string;
      hubVersion: string;
      /** The hub store's id: automatic incidents are named after it and the outage start. */
      hubId?: string;
      /** The SIMRS as the hub sees it [P12]. */
      simrs?: HubHealth['simrs'];
    }
  | {
      state: 'unreachable';
      reason: ProbeFailure;
      failures: number;
      nextProbeAt: number;
      lastContactAt?: number;
    };

export type HubProbeDeps = SyncRuntime & {
  /** Hub URLs in order of preference (primary first), read at every probe so config edits apply. */
  hubUrls: () => Promise<readonly string[]>;
};

export type HubProbe = {
  store: StoreApi<HubConnection>;
  start: () => void;
  stop: () => void;
  /** Probe at once (e.g. the browser says it is online again); coalesces with a running probe. */
  probeNow: () => void;
};

type Attempt =
  | {
      ok: true;
      hubUrl: string;
      viaBackup: boolean;
      serverTime: string;
      version: string;
      hubId?: string;
      simrs?: HubHealth['simrs'];
    }
  | { ok: false; reason: ProbeFailure };

async function probeUrl(deps: HubProbeDeps, hubUrl: string, viaBackup: boolean): Promise<Attempt> {
  let response: Response;
  try {
    response = await deps.fetch(hubEndpoint(hubUrl, '/api/v1/health', deps.appOrigin), {
      cache: 'no-store',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { ok: false, reason: timedOut ? ProbeFailure.Timeout : ProbeFailure.Network };
  }
  if (!response.ok) return { ok: false, reason: ProbeFailure.HttpStatus };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, reason: ProbeFailure.InvalidAnswer };
  }
  const health = hubHealthSchema.safeParse(body);
  if (!health.success) return { ok: false, reason: ProbeFailure.InvalidAnswer };
  return {
    ok: true,
    hubUrl,
    viaBackup,
    serverTime: health.data.serverTime,
    version: health.data.version,
    ...(health.data.hubId ? { hubId: health.data.hubId } : {}),
    ...(health.data.simrs ? { simrs: health.data.simrs } : {}),
  };
}

/**
 * Watches whether the hub answers, by really asking it (`navigator.onLine` only says a network
 * interface is up, not that our server is). React-free; the UI subscribes to `store`.
 */
export function createHubProbe(deps: HubProbeDeps): HubProbe {
  const store = createStore<HubConnection>(() => ({ state: 'checking' }));
  let timer: unknown;
  let running = false;
  let inFlight = false;
  let probeAgainAfterFlight = false;

  function schedule(delayMs: number): void {
    if (timer !== undefined) deps.clearTimeout(timer);
    timer = deps.setTimeout(() => {
      timer = undefined;
      void probe();
    }, delayMs);
  }

  async function probe(): Promise<void> {
    if (!running) return;
    if (inFlight) {
      probeAgainAfterFlight = true;
      return;
    }
    inFlight = true;
    let attempt: Attempt = { ok: false, reason: ProbeFailure.NoHubConfigured };
    try {
      const hubUrls = await deps.hubUrls();
      for (const [index, hubUrl] of hubUrls.entries()) {
        attempt = await probeUrl(deps, hubUrl, index > 0);
        if (attempt.ok) break;
      }
    } catch {
      // The stored configuration could not be read: report it as having no hub to ask.
      attempt = { ok: false, reason: ProbeFailure.NoHubConfigured };
    }
    inFlight = false;
    if (!running) return;

    const previous = store.getState();
    const lastContactAt = previous.state === 'checking' ? undefined : previous.lastContactAt;
    if (attempt.ok) {
      store.setState(
        {
          state: 'reachable',
          hubUrl: attempt.hubUrl,
          viaBackup: attempt.viaBackup,
          lastContactAt: deps.now(),
          serverTime: attempt.serverTime,
          hubVersion: attempt.version,
          ...(attempt.hubId ? { hubId: attempt.hubId } : {}),
          ...(attempt.simrs ? { simrs: attempt.simrs } : {}),
        },
        true,
      );
      schedule(PROBE_INTERVAL_MS);
    } else {
      const failures = previous.state === 'unreachable' ? previous.failures + 1 : 1;
      const delay = backoffDelayMs(failures, PROBE_BACKOFF, deps.random);
      store.setState(
        {
          state: 'unreachable',
          reason: attempt.reason,
          failures,
          nextProbeAt: deps.now() + delay,
          ...(lastContactAt !== undefined ? { lastContactAt } : {}),
        },
        true,
      );
      schedule(delay);
    }
    if (probeAgainAfterFlight) {
      probeAgainAfterFlight = false;
      schedule(0);
    }
  }

  return {
    store,
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    stop() {
      running = false;
      if (timer !== undefined) deps.clearTimeout(timer);
      timer = undefined;
    },
    probeNow() {
      if (!running) return;
      if (inFlight) probeAgainAfterFlight = true;
      else schedule(0);
    },
  };
}

/** The probe wired to the browser's own fetch, clock and timers. */
export function createBrowserHubProbe(hubUrls: () => Promise<readonly string[]>): HubProbe {
  return createHubProbe({ hubUrls, ...browserRuntime() });
}
