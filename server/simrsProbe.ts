import type { FastifyBaseLogger } from 'fastify';

export type SimrsStatus = { status: 'up' | 'down' | 'unknown'; since: string; checkedAt: string | null };

/** While the SIMRS answers, check it this often; while it does not, back off from 5 s to 60 s. */
const UP_INTERVAL_MS = 15_000;
const DOWN_BASE_MS = 5_000;
const DOWN_CAP_MS = 60_000;
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Watches the SIMRS health URL from the hub's config [P12]. Devices read the status from the
 * hub's health answer: the hub's view is the one that counts for "the SIMRS is down".
 */
export function startSimrsProbe(deps: {
  healthUrl: () => string | undefined;
  log: FastifyBaseLogger;
  now?: () => Date;
  fetch?: typeof fetch;
  /** The longest pause between two checks (`--simrs-probe-seconds`); the defaults above without. */
  maxIntervalMs?: number;
}): { status: () => SimrsStatus; stop: () => void; probeNow: () => Promise<void> } {
  const now = deps.now ?? (() => new Date());
  const request = deps.fetch ?? fetch;
  let state: SimrsStatus = { status: 'unknown', since: now().toISOString(), checkedAt: null };
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function probe(): Promise<void> {
    const url = deps.healthUrl();
    let status: SimrsStatus['status'] = 'unknown'; // no valid config: say nothing rather than "down"
    if (url) {
      try {
        const response = await request(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
        status = response.ok ? 'up' : 'down';
      } catch {
        status = 'down'; // unreachable counts as down
      }
    }
    const up = status !== 'down';
    const at = now().toISOString();
    if (status !== state.status) {
      deps.log.info({ simrs: status }, 'SIMRS status changed');
      state = { status, since: at, checkedAt: at };
    } else {
      state = { ...state, checkedAt: at };
    }
    failures = up ? 0 : failures + 1;
  }

  function schedule(): void {
    if (stopped) return;
    const cap = deps.maxIntervalMs ?? Infinity;
    const delay = Math.min(
      cap,
      failures === 0 ? UP_INTERVAL_MS : Math.min(DOWN_CAP_MS, DOWN_BASE_MS * 2 ** (failures - 1)),
    );
    timer = setTimeout(() => void probe().then(schedule), delay);
    timer.unref();
  }

  void probe().then(schedule);
  return {
    status: () => state,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
    probeNow: probe,
  };
}
