import { withoutSecrets, type DomainEvent } from '@/domain';
import { canonicalJson } from '@/lib/canonicalJson';
import type { HubDatabase } from '../db/openHubDatabase';
import { applyUserEvent } from '../accounts/userStore';
import { applyDeliveryEvent } from '../delivery/deliveryQueue';
import { entityKindRecorder } from './entityKinds';
import { pullScopeRecorder } from './pullScopes';

export type StoreOutcome = 'accepted' | 'duplicate' | 'conflict';

/**
 * Appends valid events in one transaction [P8, P9]: the unique id makes a resent event a no-op,
 * reported as `duplicate` when its content is the same and `conflict` when it is not [P7].
 * Clearing a drill deletes its practice events in the same transaction, and practice events of a
 * cleared drill that arrive later are answered `accepted` and not stored [P26].
 */
export function storeEvents(
  db: HubDatabase,
  events: readonly DomainEvent[],
  submittedBy: string,
  receivedAt: Date,
): StoreOutcome[] {
  const insert = db.prepare(
    `INSERT INTO events (id, type, entity_id, device_id, submitted_by, occurred_at, received_at, body, drill_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const stored = db.prepare<[string], { body: string }>('SELECT body FROM events WHERE id = ?');
  const cleared = db.prepare<[string], { found: number }>(
    `SELECT 1 AS found FROM events WHERE entity_id = ? AND type = 'incident.drill_cleared' LIMIT 1`,
  );
  const clearDrill = db.prepare('DELETE FROM events WHERE drill_id = ?');
  const recordKind = entityKindRecorder(db);
  const recordScope = pullScopeRecorder(db);
  const received = receivedAt.toISOString();
  return db.transaction(() =>
    events.map((event): StoreOutcome => {
      if (event.drillId && cleared.get(event.drillId)) return 'accepted';
      // The account's secrets go to the account table, never into the journal others pull [P34].
      const body = canonicalJson(withoutSecrets(event));
      const result = insert.run(
        event.id,
        event.type,
        event.entityId,
        event.deviceId,
        submittedBy,
        event.occurredAt,
        received,
        body,
        event.drillId ?? null,
      );
      if (result.changes === 1) {
        recordKind(event); // the first event of an entity fixes its kind [P31]
        recordScope(event); // and its visit's poli and date decide who pulls it [P46]
        applyUserEvent(db, event, receivedAt); // accounts follow their events, in this transaction
        applyDeliveryEvent(db, event, receivedAt); // so do delivery targets' states and refusals
        if (event.type === 'incident.drill_cleared') clearDrill.run(event.entityId);
        return 'accepted';
      }
      const earlier = stored.get(event.id)?.body;
      return earlier !== undefined && sameContent(earlier, event) ? 'duplicate' : 'conflict';
    }),
  )();
}

/**
 * "Same content" [P7] is the signed content: a signature is proof, not content (ECDSA signs the same
 * bytes differently each time), and the stored account event has no secrets to compare.
 */
function sameContent(storedBody: string, event: DomainEvent): boolean {
  const { signature: _a, deviceSignature: _b, ...stored } = JSON.parse(storedBody) as DomainEvent;
  const { signature: _c, deviceSignature: _d, ...incoming } = withoutSecrets(event);
  return canonicalJson(stored) === canonicalJson(incoming);
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

/** One entry of the audit trail as IT reads it [P23]: the audit event, flat, with when the hub got it. */
export type AuditEntry = {
  id: string;
  occurredAt: string;
  recordedAt: string;
  receivedAt: string;
  deviceId: string;
  deviceCode: string;
  actor: { userId: string; name: string; role: string };
  action: string;
} & Record<string, unknown>;

export type AuditPage = { entries: AuditEntry[]; lastSeq: number | null; more: boolean };

/**
 * `audit.recorded` events newest first (by hub sequence, so pages never shift as older entries
 * arrive from devices that were offline), before `beforeSeq` when given, optionally of one
 * action and one device code.
 */
export function auditEntriesBefore(
  db: HubDatabase,
  query: { beforeSeq?: number; limit: number; action?: string; deviceCode?: string },
): AuditPage {
  const rows = db
    .prepare<
      { beforeSeq: number | null; limit: number; action: string | null; deviceCode: string | null },
      { seq: number; received_at: string; body: string }
    >(
      `SELECT seq, received_at, body FROM events
       WHERE type = 'audit.recorded'
         AND (:beforeSeq IS NULL OR seq < :beforeSeq)
         AND (:action IS NULL OR json_extract(body, '$.payload.action') = :action)
         AND (:deviceCode IS NULL OR json_extract(body, '$.deviceCode') = :deviceCode)
       ORDER BY seq DESC LIMIT :limit`,
    )
    .all({
      beforeSeq: query.beforeSeq ?? null,
      // One more than asked tells whether another page follows.
      limit: query.limit + 1,
      action: query.action ?? null,
      deviceCode: query.deviceCode ?? null,
    });
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map((row) => {
      const event = JSON.parse(row.body) as {
        id: string;
        occurredAt: string;
        recordedAt: string;
        deviceId: string;
        deviceCode: string;
        actor: AuditEntry['actor'];
        payload: { action: string } & Record<string, unknown>;
      };
      // The payload's fields (action, visitId, patientId, document, count) beside the envelope's.
      return {
        ...event.payload,
        id: event.id,
        occurredAt: event.occurredAt,
        recordedAt: event.recordedAt,
        receivedAt: row.received_at,
        deviceId: event.deviceId,
        deviceCode: event.deviceCode,
        actor: event.actor,
      };
    }),
    lastSeq: page.at(-1)?.seq ?? null,
    more: rows.length > query.limit,
  };
}
