import { afterEach } from 'vitest';
import { createSyncEngine, enrollDevice, type SyncEngine } from '@/sync';
import type { Role } from '@/domain';
import type { SiagaDb } from '@/storage';
import { useTestDb } from '../dbTestUtils';
import { setUpDevice } from '../storage/captureFixture';
import { startTestHub, TEST_ENROLLMENT_CODE, type TestHub } from '../server/hubTestServer';

/** A real hub (HTTP + SQLite) and devices on fake-indexeddb, each with a sync engine. */
export function useSyncWorld() {
  const makeDb = useTestDb();
  let hub: TestHub | undefined;
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
  });

  async function startHub(): Promise<TestHub> {
    hub = await startTestHub();
    return hub;
  }

  async function device(
    deviceCode: string,
    options: { fetch?: typeof fetch; role?: Role; enroll?: boolean } = {},
  ): Promise<{ db: SiagaDb; engine: SyncEngine; newEngine: (fetchFn?: typeof fetch) => SyncEngine }> {
    if (!hub) throw new Error('start the hub first');
    const db = makeDb();
    await setUpDevice(db, deviceCode, options.role ?? 'registration');
    if (options.enroll !== false) {
      const enrolled = await enrollDevice(db, TEST_ENROLLMENT_CODE, {
        hubUrl: hub.url,
        appOrigin: hub.url,
        fetch,
      });
      if (!enrolled.ok) throw new Error(`enrollment failed: ${enrolled.error}`);
    }
    const url = hub.url;
    const newEngine = (fetchFn: typeof fetch = options.fetch ?? fetch) =>
      createSyncEngine({
        db,
        hubUrl: () => url,
        appOrigin: url,
        fetch: fetchFn,
        now: () => Date.now(),
        random: Math.random,
        setTimeout: (callback, ms) => setTimeout(callback, ms),
        clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      });
    return { db, engine: newEngine(), newEngine };
  }

  return { startHub, device };
}

/** Rows of every projection table, sorted, for comparing two devices. */
export async function projectionSnapshot(db: SiagaDb) {
  const tables = ['patients', 'visits', 'tickets', 'slips', 'assessments', 'counters'] as const;
  const entries = await Promise.all(
    tables.map(async (table) => {
      const rows = (await db.table(table).toArray()) as { id?: string; key?: string }[];
      return [
        table,
        rows.sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key))),
      ] as const;
    }),
  );
  return Object.fromEntries(entries);
}
