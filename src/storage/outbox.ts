import { useLiveQuery } from 'dexie-react-hooks';
import type { DomainEvent, PushResult, SealedEventItem } from '@/domain';
import { decodeJournalRows } from './appendEvents';
import { getCodec, isLocked, type StorageCodec } from './codec';
import { getDb } from './database';
import { isRetained, type JournalRow, type SiagaDb, type SyncError } from './db';

/** What goes to the hub for one pending row: the sealed box when there is one, else the event. */
export type OutboxItem = DomainEvent | SealedEventItem;

/**
 * The next page of the outbox [P14]: pending rows after `afterSeq`, in journal order, each as it
 * can be sent now. Sealed rows go as they are (also while locked [P20]); an unsealed row needs the
 * data key to be read, so while locked it waits. Reads a page of keys once and continues from
 * the last one, instead of re-querying the shrinking index after every acknowledgement (STACK.md
 * trap 13).
 */
export async function pendingPage(
  db: SiagaDb,
  afterSeq: number,
  limit: number,
  codec: StorageCodec = getCodec(),
): Promise<{ lastSeq: number | undefined; items: OutboxItem[] }> {
  const rows = await db.journal
    .where('[syncState+localSeq]')
    .between(['pending', afterSeq + 1], ['pending', Infinity])
    .limit(limit)
    .toArray();
  const locked = isLocked();
  const unsealed = locked ? [] : rows.filter((row) => !row.sealed);
  const decoded = new Map((await decodeJournalRows(unsealed, codec)).map((event) => [event.id, event]));
  // Account changes go only with the full token, i.e. while someone is signed in [P34].
  const sendable = locked ? rows.filter((row) => !row.type.startsWith('user.')) : rows;
  const items = sendable.flatMap((row): OutboxItem[] => {
    if (row.sealed) return [{ id: row.id, sealed: row.sealed }];
    const event = decoded.get(row.id);
    return event ? [event] : [];
  });
  return { lastSeq: rows.at(-1)?.localSeq, items };
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
        // The hub holds it now: the sealed copy has done its job.
        const { sealed: _sealed, ...acknowledged } = row;
        const ackedAt = at.toISOString();
        updates.push({
          ...acknowledged,
          syncState: 'acked',
          ackedAt,
          ...(isRetained(acknowledged) ? { retainedSince: ackedAt } : {}),
        });
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
