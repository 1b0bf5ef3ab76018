/**
 * Ketepatan, the on-time rule of the downtime log, apart from the report's schemas so that the
 * start-up screens (the incident banner) can use it without loading them.
 */

/** Response within this many minutes is on time unless the hospital configures another SLA. */
export const DEFAULT_ON_TIME_THRESHOLD_MINUTES = 15;

/** True when the response came within the threshold; exactly at the threshold is on time. */
export function isOnTime(
  durationSeconds: number,
  thresholdMinutes = DEFAULT_ON_TIME_THRESHOLD_MINUTES,
): boolean {
  if (!Number.isFinite(thresholdMinutes) || thresholdMinutes < 0)
    throw new Error('invalid on-time threshold');
  return durationSeconds <= thresholdMinutes * 60;
}
