import { describe, expect, it } from 'vitest';
import {
  applyPushResults,
  PURGE_BATCH,
  getVisit,
  purgeAcknowledged,
  readJournal,
  rebuildProjections,
  registerVisit,
  type SiagaDb,
} from '@/storage';
import { withJournalLock } from '@/storage/journalLock';
import { useTestDb } from '../dbTestUtils';
import { manualClock, NEW_PATIENT, registration, RETURNING, setUpDevice } from './captureFixture';
import { journalIn } from '@/storage';

const DAY = 24 * 60 * 60 * 1000;
const ackedAt = new Date('2026-11-10T08:00:00Z');

async function dump(db: SiagaDb) {
  return {
    patients: await db.patients.toArray(),
    visits: await db.visits.toArray(),
    tickets: await db.tickets.toArray(),
    slips: await db.slips.toArray(),
    users: await db.users.toArray(),
  };
}

describe('purging acknowledged payloads after the retention', () => {
  const makeDb = useTestDb();

  async function deviceWithHistory() {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    const old = await registerVisit(db, registration(RETURNING), clock);
    const recent = await registerVisit(db, registration(NEW_PATIENT), clock);
    if (!old.ok || !recent.ok) throw new Error('registration failed');
    // The hub confirmed everything but the second registration.
    const recentIds = new Set(
      await db.journal.where('entityId').anyOf(recent.value.visitId, recent.value.patientId).primaryKeys(),
    );
    const confirmed = (await db.journal.toArray()).filter((row) => !recentIds.has(row.id));
    await applyPushResults(
      db,
      confirmed.map((row) => ({ id: row.id, status: 'accepted' as const })),
      ackedAt,
    );
    return { db, old: old.value, recent: recent.value, confirmed: confirmed.length };
  }

  it('keeps everything within the retention', async () => {
    const { db } = await deviceWithHistory();
    expect(await purgeAcknowledged(db, 7, new Date(ackedAt.getTime() + 6 * DAY))).toBe(0);
    expect((await db.journal.toArray()).every((row) => row.event !== undefined)).toBe(true);
  });

  it('removes only acknowledged payloads (not accounts), keeps rows and what the screens show', async () => {
    const { db, old, recent } = await deviceWithHistory();
    const before = await dump(db);
    const purged = await purgeAcknowledged(db, 7, new Date(ackedAt.getTime() + 8 * DAY));
    expect(purged).toBeGreaterThan(0);

    const rows = await db.journal.toArray();
    for (const row of rows) {
      const expectPurged = row.syncState === 'acked' && !row.type.startsWith('user.');
      expect({ id: row.type, purged: row.event === undefined }).toEqual({
        id: row.type,
        purged: expectPurged,
      });
      if (expectPurged) expect(row.sealed).toBeUndefined();
    }
    expect(rows.filter((row) => row.syncState === 'pending').length).toBeGreaterThan(0);
    expect(await dump(db)).toEqual(before);
    expect(await getVisit(db, old.visitId)).toBeDefined();

    // Purged events are no longer readable; a rebuild keeps what it cannot derive again.
    const readable = (await readJournal(db)).map((event) => event.entityId);
    expect(readable).not.toContain(old.visitId);
    expect(readable).toContain(recent.visitId);
    await rebuildProjections(db);
    expect(await dump(db)).toEqual(before);
  });

  // Fifty batches in fake-indexeddb: seconds on a busy machine, never a matter of timing.
  it(
    'purges 10,000 payloads in batches from its index, letting a save in between',
    { timeout: 60_000 },
    async () => {
      const db = makeDb();
      await setUpDevice(db);
      const old = new Date(ackedAt.getTime() - DAY).toISOString();
      await db.journal.bulkAdd(
        Array.from({ length: 10_000 }, (_, index) => ({
          id: `old-${String(index).padStart(5, '0')}`,
          localSeq: 1_000_000 + index,
          type: 'visit.registered',
          entityId: `visit-${index}`,
          syncState: 'acked' as const,
          origin: 'remote' as const,
          event: { codec: 'plain' as const, value: {} },
          ackedAt: old,
          retainedSince: old,
        })),
      );
      const purging = purgeAcknowledged(db, 7, new Date(ackedAt.getTime() + 8 * DAY));
      // A save queued just after the purge started runs after its first batch, not after all of it.
      const purgedWhenSaveRan = withJournalLock(() =>
        db.journal
          .where('retainedSince')
          .below(old + 'Z')
          .count(),
      );
      const registered = registerVisit(db, registration(RETURNING), manualClock());

      expect(await purging).toBe(10_000);
      expect(await purgedWhenSaveRan).toBe(10_000 - PURGE_BATCH);
      expect((await registered).ok).toBe(true);
      expect(
        await db.journal
          .where('retainedSince')
          .below(old + 'Z')
          .count(),
      ).toBe(0);
      // The new registration is pending, so nothing of it is due for the purge.
      expect(await journalIn(db, 'pending').count()).toBeGreaterThan(0);
    },
  );
});
