import type { DomainEvent } from '@/domain';
import { canonicalJson } from '../canonicalJson';
import type { HubDatabase } from '../db/openHubDatabase';
import { applyUserEvent } from '../accounts/userStore';

export type StoreOutcome = 'accepted' | 'duplicate' | 'conflict';

/**
 * Appends valid events in one transaction [P8, P9]: the unique id makes a resent event a no-op,
 * reported as `duplicate` when its content is the same and `conflict` when it is not [P7].
 */
export function storeEvents(
  db: HubDatabase,
  events: readonly DomainEvent[],
  submittedBy: string,
  receivedAt: Date,
): StoreOutcome[] {
  const insert = db.prepare(
    `INSERT INTO events (id, type, entity_id, device_id, submitted_by, occurred_at, received_at, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const stored = db.prepare<[string], { body: string }>('SELECT body FROM events WHERE id = ?');
  const received = receivedAt.toISOString();
  return db.transaction(() =>
    events.map((event): StoreOutcome => {
      const body = canonicalJson(event);
      const result = insert.run(
        event.id,
        event.type,
        event.entityId,
        event.deviceId,
        submittedBy,
        event.occurredAt,
        received,
        body,
      );
      if (result.changes === 1) {
        applyUserEvent(db, event, receivedAt); // accounts follow their events, in this transaction
        return 'accepted';
      }
      return stored.get(event.id)?.body === body ? 'duplicate' : 'conflict';
    }),
  )();
}

export type PullPage = { events: unknown[]; lastSeq: number; more: boolean };

/**
 * Events after a sequence number, in hub order, leaving out those the asking device submitted
 * [P10]. Both reads run in one transaction so no event slips between the page and the cursor.
 */
export function eventsAfter(db: HubDatabase, afterSeq: number, limit: number, forDevice: string): PullPage {
  return db.transaction(() => {
    const rows = db
      .prepare<[number, string, number], { seq: number; body: string }>(
        'SELECT seq, body FROM events WHERE seq > ? AND submitted_by <> ? ORDER BY seq LIMIT ?',
      )
      .all(afterSeq, forDevice, limit);
    const full = rows.length === limit;
    const maxSeq =
      db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM events').get()?.seq ?? 0;
    return {
      events: rows.map((row) => JSON.parse(row.body) as unknown),
      // A short page means everything up to the newest event has been seen (the rest is ours).
      lastSeq: full ? rows.at(-1)!.seq : Math.max(afterSeq, maxSeq),
      more: full,
    };
  })();
}

export function countEvents(db: HubDatabase): number {
  return db.prepare<[], { count: number }>('SELECT count(*) AS count FROM events').get()?.count ?? 0;
}
