/**
 * A desk in week ten (issue 16): the app's own database grown with the hospital's pulled work, day
 * by day, and what a save, the journal lock and the storage look like at that size. Runs in a tab
 * beside the app's: the app's start-up, purge and live queries share the database and the journal
 * lock (a Web Lock, across tabs) with the saves measured here.
 */
import { appendEvents, getDb, purgeAcknowledged, registerVisit, type JournalRow } from '@/storage';
import { withJournalLock } from '@/storage/journalLock';
import { hospitalDay } from './hospitalDays';
import { newPatientRegistration } from './registrations';
import { signedInAppDb } from './appDb';

const DAY_MS = 24 * 60 * 60 * 1000;
const RETENTION_DAYS = 7;

/** Where the growing stands: days filled backwards from today, today's first. */
const grown = { dayIndex: 0, visitsToday: 0 };

const jakartaDate = (ms: number) => new Date(ms + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);

/**
 * Adds the hospital's days (at most `visitsPerDay` visits each; today first, then the days before)
 * until the journal holds `events` rows. Each day's events are acknowledged as pulled that day, and
 * the device has purged as it does every hour, up to an hour ago: the start-up purge then finds an
 * hour's worth, as on a device used daily.
 */
async function growTo(events: number, visitsPerDay: number): Promise<number> {
  await signedInAppDb();
  const db = getDb();
  let count = await db.journal.count();
  while (count < events) {
    const dayStart = Date.now() - grown.dayIndex * DAY_MS;
    const day = jakartaDate(dayStart);
    const visits = Math.min(
      visitsPerDay - grown.visitsToday,
      Math.max(1, Math.ceil((events - count) / 9)),
      200,
    );
    const made = await hospitalDay(day, visits, grown.dayIndex * 10_000 + grown.visitsToday);
    await appendEvents(db, made, { origin: 'remote' });
    const pulledAt = new Date(Math.min(Date.now(), Date.parse(`${day}T15:00:00+07:00`))).toISOString();
    await db.transaction('rw', db.journal, async () => {
      const rows = (await db.journal.bulkGet(made.map((event) => event.id))).filter(
        (row): row is JournalRow => row !== undefined,
      );
      await db.journal.bulkPut(rows.map((row) => ({ ...row, ackedAt: pulledAt, retainedSince: pulledAt })));
    });
    grown.visitsToday += visits;
    if (grown.visitsToday >= visitsPerDay) {
      grown.dayIndex += 1;
      grown.visitsToday = 0;
    }
    count += made.length;
  }
  await purgeAcknowledged(db, RETENTION_DAYS, new Date(Date.now() - 60 * 60 * 1000));
  return db.journal.count();
}

/** Bytes of a value as stored, roughly: its JSON, with byte arrays counted as their length. */
function bytesOf(value: unknown): number {
  if (value === undefined) return 0;
  let binary = 0;
  const json = JSON.stringify(value, (_key, field: unknown) => {
    if (!(field instanceof Uint8Array)) return field;
    binary += field.byteLength;
    return 0;
  });
  return json.length + binary;
}

/**
 * Where the bytes go: the origin's IndexedDB usage as the browser counts it, and the values of
 * each store (journal split into event bodies, sealed copies and the clear index fields). What
 * the values do not explain is indexes and the storage engine's own overhead.
 */
async function storageBreakdown(): Promise<Record<string, number>> {
  const db = getDb();
  const estimate = (await navigator.storage.estimate()) as StorageEstimate & {
    usageDetails?: { indexedDB?: number };
  };
  const sizes: Record<string, number> = {
    usage: estimate.usageDetails?.indexedDB ?? estimate.usage ?? 0,
    events: await db.journal.count(),
    'journal: event bodies': 0,
    'journal: sealed copies': 0,
    'journal: index fields': 0,
  };
  await db.journal.each((row) => {
    const { event, sealed, ...rest } = row;
    sizes['journal: event bodies']! += bytesOf(event);
    sizes['journal: sealed copies']! += bytesOf(sealed);
    sizes['journal: index fields']! += bytesOf(rest);
  });
  for (const table of db.tables) {
    if (table.name === 'journal') continue;
    let bytes = 0;
    await table.each((row) => {
      bytes += bytesOf(row);
    });
    sizes[table.name] = bytes;
  }
  return sizes;
}

let probe: { waits: number[]; running: boolean; done: Promise<void> } | undefined;

/** How long a save would wait for the journal lock: asked every 10 ms until stopped. */
function startLockProbe(): void {
  const state = { waits: [] as number[], running: true, done: Promise.resolve() };
  state.done = (async () => {
    while (state.running) {
      const asked = performance.now();
      await withJournalLock(() => {
        state.waits.push(performance.now() - asked);
        return Promise.resolve();
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  probe = state;
}

async function stopLockProbe(): Promise<number[]> {
  if (!probe) return [];
  probe.running = false;
  await probe.done;
  return probe.waits;
}

/** `count` registrations at this desk, one after another: submit → durable, each. */
async function timeSaves(count: number): Promise<number[]> {
  const db = getDb();
  const durations: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    const result = await registerVisit(db, newPatientRegistration(index));
    durations.push(performance.now() - started);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  }
  return durations;
}

/**
 * How long applying pulled events holds the journal lock: `slices` slices of `size` events of
 * today's work from other devices, each appended as the sync engine appends one, timed.
 */
async function timePulledSlices(slices: number, size: number): Promise<number[]> {
  const db = getDb();
  const made = await hospitalDay(jakartaDate(Date.now()), Math.ceil((slices * size) / 9), 90_000 + slices);
  const held: number[] = [];
  for (let slice = 0; slice < slices; slice += 1) {
    const events = made.slice(slice * size, (slice + 1) * size);
    const started = performance.now();
    await appendEvents(db, events, { origin: 'remote' });
    held.push(performance.now() - started);
  }
  return held;
}

export const deviceScaleApi = {
  timePulledSlices,
  growTo,
  storageBreakdown,
  startLockProbe: () => {
    startLockProbe();
    return Promise.resolve();
  },
  stopLockProbe,
  timeSaves,
};
