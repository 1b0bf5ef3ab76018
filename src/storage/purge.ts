import type { SiagaDb } from './db';
import { withJournalLock } from './journalLock';

/** Days an acknowledged event's payload stays on the device when the configuration says nothing. */
export const DEFAULT_RETENTION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows purged per hold of the journal lock: a save waits behind one batch at most. */
export const PURGE_BATCH = 200;

/**
 * Removes the payload of events the hub confirmed more than `retentionDays` ago: a lost or stolen
 * device then holds only recent work. The row stays (id, type, entity, sync state), so a pulled
 * copy is still recognised as known, and projections keep what they show. Never touches an event
 * the hub has not acknowledged (pending, refused or settled by a person), nor accounts, which
 * this device needs to let people sign in.
 *
 * Reads only the `retainedSince` index (the payloads still held, oldest first), in batches, each
 * under its own hold of the journal lock, so captures go on between them whatever the journal's
 * size (issue 16).
 */
export async function purgeAcknowledged(
  db: SiagaDb,
  retentionDays = DEFAULT_RETENTION_DAYS,
  now: Date = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  let purged = 0;
  for (;;) {
    const batch = await withJournalLock(() =>
      db.transaction('rw', db.journal, async () => {
        const rows = await db.journal.where('retainedSince').below(cutoff).limit(PURGE_BATCH).toArray();
        await db.journal.bulkPut(
          rows.map(({ event: _event, sealed: _sealed, retainedSince: _retained, ...row }) => ({
            ...row,
            purgedAt: now.toISOString(),
          })),
        );
        return rows.length;
      }),
    );
    purged += batch;
    if (batch < PURGE_BATCH) return purged;
  }
}
