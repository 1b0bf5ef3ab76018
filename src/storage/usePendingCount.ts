import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './database';
import { journalIn } from './db';

/** How many captured events the hub has not acknowledged yet (live). */
export function usePendingCount(): number | undefined {
  return useLiveQuery(() => journalIn(getDb(), 'pending').count(), []);
}

/**
 * How many events the hub refused and wait for a person (live): counted on the index alone, so the
 * status bar does not count the whole journal after every write as the recovery console's
 * per-state counts do.
 */
export function useReviewCount(): number | undefined {
  return useLiveQuery(() => journalIn(getDb(), 'review').count(), []);
}
