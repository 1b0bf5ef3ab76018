import { useLiveQuery } from 'dexie-react-hooks';
import * as z from 'zod/mini';
import type { DomainEvent, PushResult } from '@/domain';
import { decodeJournalRows } from './appendEvents';
import { getCodec, type StorageCodec } from './codec';
import { getDb } from './database';
import type { JournalRow, SiagaDb, SyncError, SyncState } from './db';
import { readMeta, writeMeta } from './meta';

const CREDENTIALS_KEY = 'hubCredentials';
const CURSOR_KEY = 'pullCursor';
const CLOCK_KEY = 'clockOffset';

const credentialsSchema = z.object({
  token: z.string(),
  hubId: z.string(),
  deviceCode: z.string(),
  enrolledAt: z.string(),
});
export type HubCredentials = z.output<typeof credentialsSchema>;

/** The device token from enrollment [P1]. (Encrypted at rest once the security work lands.) */
export function saveHubCredentials(db: SiagaDb, credentials: HubCredentials): Promise<void> {
  return writeMeta(db, CREDENTIALS_KEY, credentials);
}

export function loadHubCredentials(db: SiagaDb): Promise<HubCredentials | undefined> {
  return readMeta(db, CREDENTIALS_KEY, credentialsSchema);
}

export function useHubCredentials(): HubCredentials | null | undefined {
  return useLiveQuery(async () => (await loadHubCredentials(getDb())) ?? null, []);
}

/** Where pulling resumes [P10, P11]; empty means from the beginning. */
export async function loadPullCursor(db: SiagaDb): Promise<string> {
  return (await readMeta(db, CURSOR_KEY, z.string())) ?? '';
}

export function savePullCursor(db: SiagaDb, cursor: string): Promise<void> {
  return writeMeta(db, CURSOR_KEY, cursor);
}

const clockSchema = z.object({ offsetMs: z.number(), measuredAt: z.string() });
export type ClockOffset = z.output<typeof clockSchema>;

/** The device clock's offset from the hub at the last contact [P13]. */
export function saveClockOffset(db: SiagaDb, offset: ClockOffset): Promise<void> {
  return writeMeta(db, CLOCK_KEY, offset);
}

export function loadClockOffset(db: SiagaDb): Promise<ClockOffset | undefined> {
  return readMeta(db, CLOCK_KEY, clockSchema);
}

export function useClockOffset(): ClockOffset | null | undefined {
  return useLiveQuery(async () => (await loadClockOffset(getDb())) ?? null, []);
}

/**
 * The next page of the outbox [P14]: pending events after `afterSeq`, in journal order. Reads a
 * page of keys once and continues from the last one, instead of re-querying the shrinking index
 * after every acknowledgement (STACK.md trap 13).
 */
export async function pendingPage(
  db: SiagaDb,
  afterSeq: number,
  limit: number,
  codec: StorageCodec = getCodec(),
): Promise<{ rows: JournalRow[]; events: DomainEvent[] }> {
  const rows = await db.journal
    .where('[syncState+localSeq]')
    .between(['pending', afterSeq + 1], ['pending', Infinity])
    .limit(limit)
    .toArray();
  return { rows, events: await decodeJournalRows(rows, codec) };
}

/**
 * Records the hub's answer for a batch in one transaction [P5, P16]: accepted and duplicate are
 * acknowledged; rejected and conflict go to review with the hub's reason. A row settled meanwhile
 * (corrected or voided) is left as it is.
 */
export async function applyPushResults(
  db: SiagaDb,
  results: readonly PushResult[],
  at: Date,
): Promise<{ acked: number; review: number }> {
  let acked = 0;
  let review = 0;
  await db.transaction('rw', db.journal, async () => {
    const rows = await db.journal.bulkGet(results.flatMap((result) => (result.id ? [result.id] : [])));
    const byId = new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
    const updates: JournalRow[] = [];
    for (const result of results) {
      const row = result.id ? byId.get(result.id) : undefined;
      if (!row || row.syncState !== 'pending') continue;
      if (result.status === 'accepted' || result.status === 'duplicate') {
        updates.push({ ...row, syncState: 'acked' });
        acked += 1;
      } else {
        const lastError: SyncError =
          result.status === 'conflict'
            ? {
                status: 'conflict',
                code: 'conflict',
                message: 'The hub holds different content under this id.',
                at: at.toISOString(),
              }
            : {
                status: 'rejected',
                code: result.code,
                message: result.message,
                ...(result.field ? { field: result.field } : {}),
                at: at.toISOString(),
              };
        updates.push({ ...row, syncState: 'review', lastError });
        review += 1;
      }
    }
    await db.journal.bulkPut(updates);
  });
  return { acked, review };
}

export type JournalCounts = {
  byState: Record<SyncState, number>;
  /** Event type → count, for the events still to send or to review. */
  openByType: Record<string, { pending: number; review: number }>;
};

/** Counts for the recovery console: per sync state and, for open work, per event type. */
export async function journalCounts(db: SiagaDb): Promise<JournalCounts> {
  const states: SyncState[] = ['pending', 'acked', 'review', 'resolved'];
  const [pending, acked, review, resolved] = await Promise.all(
    states.map((state) => db.journal.where('syncState').equals(state).count()),
  );
  const openByType: JournalCounts['openByType'] = {};
  await db.journal
    .where('syncState')
    .anyOf(['pending', 'review'])
    .each((row) => {
      const entry = (openByType[row.type] ??= { pending: 0, review: 0 });
      if (row.syncState === 'pending') entry.pending += 1;
      else entry.review += 1;
    });
  return { byState: { pending: pending!, acked: acked!, review: review!, resolved: resolved! }, openByType };
}

export function useJournalCounts(): JournalCounts | undefined {
  return useLiveQuery(() => journalCounts(getDb()), []);
}

export type ReviewItem = { event: DomainEvent; error: SyncError; localSeq: number };

/** Events the hub refused, oldest first, with its reasons [P16]. */
export async function reviewItems(db: SiagaDb, codec: StorageCodec = getCodec()): Promise<ReviewItem[]> {
  const rows = await db.journal
    .where('[syncState+localSeq]')
    .between(['review', 0], ['review', Infinity])
    .toArray();
  const events = await decodeJournalRows(rows, codec);
  const byId = new Map(events.map((event) => [event.id, event]));
  return rows.flatMap((row) => {
    const event = byId.get(row.id);
    return event && row.lastError ? [{ event, error: row.lastError, localSeq: row.localSeq }] : [];
  });
}

export function useReviewItems(): ReviewItem[] | undefined {
  return useLiveQuery(() => reviewItems(getDb()), []);
}
