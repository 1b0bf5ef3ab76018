import { Reason, Warning, type FieldProblem } from '../reasons';
import type { TimelineEntry } from '../projections/types';

/** A wait longer than this between two steps of one visit is worth a second look. */
export const LARGE_GAP_MS = 3 * 60 * 60_000;

/** The time of the latest step recorded for an entity (its timeline is kept in time order). */
export function latestTime(timeline: readonly TimelineEntry[]): string | undefined {
  return timeline.at(-1)?.occurredAt;
}

/** An action may not be dated before the step it follows. */
export function checkAfter(
  occurredAt: string,
  previous: string | undefined,
  field: string,
): FieldProblem | undefined {
  if (previous && Date.parse(occurredAt) < Date.parse(previous)) {
    return { field, reason: Reason.TimeOrder, params: { previous } };
  }
  return undefined;
}

/** Flags (never blocks) a long gap since the previous step. */
export function gapWarning(occurredAt: string, previous: string | undefined): Warning | undefined {
  if (previous && Date.parse(occurredAt) - Date.parse(previous) > LARGE_GAP_MS) return Warning.LargeTimeGap;
  return undefined;
}
