import type { SiagaDb } from './db';
import { withJournalLock } from './journalLock';

/** Days an acknowledged event's payload stays on the device when the configuration says nothing. */
export const DEFAULT_RETENTION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the payload of events the hub confirmed more than `retentionDays` ago: a lost or stolen
 * device then holds only recent work. The row stays (id, type, entity, sync state), so a pulled
 * copy is still recognised as known, and projections keep what they show. Never touches an event
 * the hub has not acknowledged (pending, refused or settled by a person), nor accounts, which
 * this device needs to let people sign in.
 */
export async function purgeAcknowledged(
  db: SiagaDb,
  retentionDays = DEFAULT_RETENTION_DAYS,
  now: Date = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  return withJournalLock(() =>
    db.transaction('rw', db.journal, async () => {
      // Acknowledged before acknowledgement times were kept: the retention starts now.
      await db.journal
        .where('syncState')
        .equals('acked')
        .filter((row) => row.ackedAt === undefined)
        .modify({ ackedAt: now.toISOString() });
      return db.journal
        .where('syncState')
        .equals('acked')
        .filter(
          (row) => row.event !== undefined && !row.type.startsWith('user.') && (row.ackedAt ?? '') < cutoff,
        )
        .modify((row) => {
          delete row.event;
          delete row.sealed;
          row.purgedAt = now.toISOString();
        });
    }),
  );
}
