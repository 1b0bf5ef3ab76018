export type BackoffPolicy = {
  baseMs: number;
  capMs: number;
  /**
   * `full`: uniformly random in [0, ceiling] — spreads many devices apart best (the sync replay).
   * `equal`: in [ceiling/2, ceiling] — never retries almost at once (the probe).
   */
  jitter: 'full' | 'equal';
};

/**
 * The wait before retry number `attempt` (1 = first retry): an exponentially growing ceiling,
 * capped, with jitter so that devices recovering together do not retry in lockstep.
 * `random` is injected so tests are deterministic.
 */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.max(0, attempt - 1);
  // Compare in exponent space so a long outage cannot overflow to Infinity.
  const ceiling =
    exponent >= Math.log2(policy.capMs / policy.baseMs) ? policy.capMs : policy.baseMs * 2 ** exponent;
  const floor = policy.jitter === 'equal' ? ceiling / 2 : 0;
  return Math.round(floor + random() * (ceiling - floor));
}
