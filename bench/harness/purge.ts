/**
 * The purge against a journal of `rows` acknowledged events, old enough to go, with a save's view
 * of it: while it runs, a probe asks for the journal lock every 10 ms, as a capture would, and
 * records how long it waited. Baseline: the purge as it was before issue 16 (one lock hold, every
 * acknowledged row read through a filter cursor).
 */
import {
  purgeAcknowledged,
  saveDeviceIdentity,
  saveRuntimeConfig,
  SiagaDb,
  type JournalRow,
} from '@/storage';
import { withJournalLock } from '@/storage/journalLock';
import { DEMO_CONFIG } from '../../server/demoConfig';
import { journalIn } from '@/storage';

const DAY = 24 * 60 * 60 * 1000;

async function journalOf(rows: number): Promise<SiagaDb> {
  const db = new SiagaDb(`siaga-bench-purge-${rows}-${Date.now()}`);
  await saveRuntimeConfig(db, DEMO_CONFIG, new Date());
  await saveDeviceIdentity(db, 'PD7');
  const acked = new Date(Date.now() - 30 * DAY).toISOString();
  // About the size of an encrypted registration event.
  const body = { codec: 'aes-gcm' as const, k: 1, iv: 'i'.repeat(16), ct: 'c'.repeat(900) };
  for (let start = 0; start < rows; start += 5_000) {
    const batch: JournalRow[] = Array.from({ length: Math.min(5_000, rows - start) }, (_, offset) => {
      const index = start + offset;
      return {
        id: `purge-${index}`,
        localSeq: index + 1,
        type: 'visit.registered',
        entityId: `visit-${index}`,
        syncState: 'acked',
        origin: 'remote',
        event: body,
        ackedAt: acked,
        retainedSince: acked,
      };
    });
    await db.journal.bulkAdd(batch);
  }
  return db;
}

/** The purge before issue 16, kept here as the baseline. */
function purgeWholeJournal(db: SiagaDb, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - 7 * DAY).toISOString();
  return withJournalLock(() =>
    db.transaction('rw', db.journal, () =>
      journalIn(db, 'acked')
        .filter(
          (row) => row.event !== undefined && !row.type.startsWith('user.') && (row.ackedAt ?? '') < cutoff,
        )
        .modify((row) => {
          delete row.event;
          delete row.retainedSince;
          row.purgedAt = now.toISOString();
        }),
    ),
  );
}

export const purgeApi = {
  async purgeLockWaits(
    rows: number,
    how: 'batched' | 'whole',
  ): Promise<{ totalMs: number; waits: number[]; purged: number }> {
    const db = await journalOf(rows);
    const waits: number[] = [];
    let done = false;
    const probe = (async () => {
      while (!done) {
        const asked = performance.now();
        await withJournalLock(() => {
          waits.push(performance.now() - asked);
          return Promise.resolve();
        });
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const started = performance.now();
    const purged = how === 'batched' ? await purgeAcknowledged(db) : await purgeWholeJournal(db, new Date());
    const totalMs = performance.now() - started;
    done = true;
    await probe;
    await db.delete();
    return { totalMs, waits, purged };
  },
};
