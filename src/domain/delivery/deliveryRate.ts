/**
 * How far back the console's rate looks: long enough to smooth one slow answer, short enough to
 * follow a change of pace (a SIMRS slowing down, delivery paused).
 */
export const DELIVERY_RATE_WINDOW_MS = 60_000;

/**
 * The shortest span a rate is measured over: a burst delivered within a few milliseconds would
 * otherwise read as thousands per minute.
 */
export const DELIVERY_RATE_MIN_SPAN_MS = 1_000;

/** The deliveries of the last window: how many, and when the earliest of them was (ISO). */
export type RecentDeliveries = { count: number; earliestAt: string | null };

/**
 * Deliveries per minute over a sliding window: the number delivered in the last window, over the
 * time since the earliest of them. Eleven visits in two seconds read as hundreds per minute while
 * they flow (not "1 per minute", as a count over ten minutes did), and the rate falls away once
 * nothing more arrives. No delivery in the window: 0.
 */
export function deliveryRatePerMinute(recent: RecentDeliveries, now: Date): number {
  if (recent.count === 0 || recent.earliestAt === null) return 0;
  const span = Math.min(
    Math.max(now.getTime() - Date.parse(recent.earliestAt), DELIVERY_RATE_MIN_SPAN_MS),
    DELIVERY_RATE_WINDOW_MS,
  );
  return (recent.count * 60_000) / span;
}

/** At that rate, how long what is due still takes; `null` when work is due but nothing moves. */
export function secondsLeftAt(perMinute: number, due: number): number | null {
  if (due === 0) return 0;
  return perMinute > 0 ? Math.round((due / perMinute) * 60) : null;
}
