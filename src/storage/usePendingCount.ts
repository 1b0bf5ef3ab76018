import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './database';

/** How many captured events the hub has not acknowledged yet (live). */
export function usePendingCount(): number | undefined {
  return useLiveQuery(() => getDb().journal.where('syncState').equals('pending').count(), []);
}
