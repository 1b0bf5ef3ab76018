import { createHash } from 'node:crypto';
import type { DomainEvent, EntityKind } from '@/domain';
import { DELIVERY_RATE_WINDOW_MS, type RecentDeliveries } from '@/domain/delivery/deliveryRate';
import type { PlannedVisit } from '@/domain/delivery/planVisitDeliveries';
import type { VisitDeliveryState } from '@/domain/delivery/reconciliation';
import { canonicalJson } from '@/lib/canonicalJson';
import type { HubDatabase } from '../db/openHubDatabase';

export const ITEM_STATUSES = ['pending', 'delivered', 'retrying', 'needs_review', 'waiting'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export type QueueItem = {
  target: string;
  itemId: string;
  kind: 'visit';
  subjectId: string;
  patientId: string;
  sortAt: string;
  contentHash: string;
  document: unknown;
  status: ItemStatus;
  attempts: number;
  nextAttemptAt: string | null;
  deliveredHash: string | null;
};

/** What an adapter made of one attempt. */
export type DeliveryOutcome =
  | { kind: 'delivered'; remote: Record<string, unknown> }
  /** Worth trying again later (the target is down, busy, or its answer was lost). */
  | { kind: 'retry'; code: string; message: string; retryAfterMs?: number }
  /** The target refused the content: a person must look at it. */
  | { kind: 'rejected'; code: string; message: string };

export type DeliveryFailure = Exclude<DeliveryOutcome, { kind: 'delivered' }>;

export type Backoff = { baseMs: number; maxMs: number; random: () => number };

/** Exponential with jitter: 1×, 2×, 4×… the base, never above the cap, each 50–100 % of it. */
export function retryDelayMs(attempts: number, backoff: Backoff): number {
  const full = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(full * (0.5 + backoff.random() * 0.5));
}

export const contentHashOf = (document: unknown) =>
  createHash('sha256').update(canonicalJson(document)).digest('hex');

/** What planning ignores: practice data and what is not about patients. */
const PLANNED_ROWS = `drill_id IS NULL AND type NOT LIKE 'user.%' AND type NOT LIKE 'incident.%'
  AND type NOT LIKE 'downtime_log.%' AND type NOT LIKE 'delivery.%' AND type <> 'audit.recorded'`;

/**
 * The events planning reads, in store order, and the kind the hub keeps for each of their
 * entities [P31]: planning reads no incident or account events, so an id an incident holds would
 * otherwise look like a visit to it when an older hub stored a visit's event under it.
 */
export function planningInput(db: HubDatabase): {
  events: DomainEvent[];
  entityKinds: Map<string, EntityKind>;
} {
  const rows = db
    .prepare<[], { entity_id: string; body: string; kind: EntityKind | null }>(
      `SELECT entity_id, body, kind FROM events LEFT JOIN entity_kinds USING (entity_id)
       WHERE ${PLANNED_ROWS} ORDER BY seq`,
    )
    .all();
  const entityKinds = new Map<string, EntityKind>();
  for (const row of rows) if (row.kind) entityKinds.set(row.entity_id, row.kind);
  return { events: rows.map((row) => JSON.parse(row.body) as DomainEvent), entityKinds };
}

/** The events planning reads. */
export function planningEvents(db: HubDatabase): DomainEvent[] {
  return planningInput(db).events;
}

export function latestEventSeq(db: HubDatabase): number {
  return db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM events').get()?.seq ?? 0;
}

/** Whether any event stored after `seq` changes a plan (a start, an audit entry or a sign-in does not). */
export function plannedEventsSince(db: HubDatabase, seq: number): boolean {
  return Boolean(
    db
      .prepare<[number], { found: number }>(
        `SELECT 1 AS found FROM events WHERE seq > ? AND ${PLANNED_ROWS} LIMIT 1`,
      )
      .get(seq),
  );
}

export type ReplanCounts = { added: number; changed: number; unchanged: number };

/**
 * Brings a target's queue in line with the plan: new visits are queued, a visit whose document
 * changed (a later call, an amended assessment, a mapped MRN) is due again under a new
 * idempotency key, an unchanged one is left alone. Held visits wait for a person.
 */
export function replanQueue(
  db: HubDatabase,
  target: string,
  planned: readonly PlannedVisit[],
  now: Date,
): ReplanCounts {
  const existing = db.prepare<[string, string], { content_hash: string; status: ItemStatus }>(
    'SELECT content_hash, status FROM delivery_items WHERE target = ? AND item_id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO delivery_items (target, item_id, kind, subject_id, patient_id, sort_at, content_hash,
       document, status, updated_at)
     VALUES (?, ?, 'visit', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE delivery_items SET sort_at = ?, content_hash = ?, document = ?, status = ?, attempts = 0,
       next_attempt_at = NULL, last_error_code = NULL, last_error_message = NULL, updated_at = ?
     WHERE target = ? AND item_id = ?`,
  );
  const at = now.toISOString();
  const counts: ReplanCounts = { added: 0, changed: 0, unchanged: 0 };
  db.transaction(() => {
    for (const item of planned) {
      const document = canonicalJson(item.document);
      const hash = createHash('sha256').update(document).digest('hex');
      const status: ItemStatus = item.hold ? 'waiting' : 'pending';
      const row = existing.get(target, item.itemId);
      if (!row) {
        insert.run(
          target,
          item.itemId,
          item.visitId,
          item.patientId,
          item.sortAt,
          hash,
          document,
          status,
          at,
        );
        counts.added += 1;
      } else if (row.content_hash !== hash) {
        update.run(item.sortAt, hash, document, status, at, target, item.itemId);
        counts.changed += 1;
      } else {
        counts.unchanged += 1;
      }
    }
  })();
  return counts;
}

type ItemRow = {
  item_id: string;
  subject_id: string;
  patient_id: string;
  sort_at: string;
  content_hash: string;
  document: string;
  status: ItemStatus;
  attempts: number;
  next_attempt_at: string | null;
  delivered_hash: string | null;
};

/**
 * The item at the head of the target's queue: the earliest arrival not yet delivered. A failing
 * item holds everything behind it (so the SIMRS still numbers visits in arrival order); items
 * waiting for a person or refused by the target do not.
 */
export function headOfQueue(db: HubDatabase, target: string): QueueItem | undefined {
  const row = db
    .prepare<[string], ItemRow>(
      `SELECT item_id, subject_id, patient_id, sort_at, content_hash, document, status, attempts,
         next_attempt_at, delivered_hash
       FROM delivery_items INDEXED BY delivery_items_due
       WHERE target = ? AND status IN ('pending', 'retrying')
       ORDER BY sort_at, item_id LIMIT 1`,
    )
    .get(target);
  if (!row) return undefined;
  return {
    target,
    itemId: row.item_id,
    kind: 'visit',
    subjectId: row.subject_id,
    patientId: row.patient_id,
    sortAt: row.sort_at,
    contentHash: row.content_hash,
    document: JSON.parse(row.document) as unknown,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    deliveredHash: row.delivered_hash,
  };
}

/**
 * Records one attempt. When the visit changed while it was in flight, the target's answer is
 * kept but the item stays due: the newer document goes next.
 */
export function recordOutcome(
  db: HubDatabase,
  item: QueueItem,
  outcome: DeliveryOutcome,
  now: Date,
  backoff: Backoff,
): void {
  const at = now.toISOString();
  const key = [item.target, item.itemId] as const;
  db.transaction(() => {
    const current = db
      .prepare<[string, string], { content_hash: string }>(
        'SELECT content_hash FROM delivery_items WHERE target = ? AND item_id = ?',
      )
      .get(...key);
    const unchanged = current?.content_hash === item.contentHash;
    if (outcome.kind === 'delivered') {
      db.prepare(
        `UPDATE delivery_items SET remote = ?, delivered_hash = ?, delivered_at = ?, updated_at = ?,
           status = CASE WHEN ? THEN 'delivered' ELSE status END,
           attempts = CASE WHEN ? THEN attempts + 1 ELSE attempts END,
           last_error_code = NULL, last_error_message = NULL, next_attempt_at = NULL
         WHERE target = ? AND item_id = ?`,
      ).run(
        JSON.stringify(outcome.remote),
        item.contentHash,
        at,
        at,
        Number(unchanged),
        Number(unchanged),
        ...key,
      );
      return;
    }
    if (!unchanged) return; // the newer document is due anyway
    const attempts = item.attempts + 1;
    const next =
      outcome.kind === 'retry'
        ? new Date(now.getTime() + Math.max(outcome.retryAfterMs ?? 0, retryDelayMs(attempts, backoff)))
        : null;
    db.prepare(
      `UPDATE delivery_items SET status = ?, attempts = ?, next_attempt_at = ?, last_error_code = ?,
         last_error_message = ?, updated_at = ? WHERE target = ? AND item_id = ?`,
    ).run(
      outcome.kind === 'retry' ? 'retrying' : 'needs_review',
      attempts,
      next?.toISOString() ?? null,
      outcome.code,
      outcome.message.slice(0, 500),
      at,
      ...key,
    );
  })();
}

/**
 * Puts a target's items refused before `before` (all, or those with one reason) back in the
 * queue; one refused after the request stays refused (a late-synced request does not undo a
 * newer refusal).
 */
export function retryRejected(
  db: HubDatabase,
  input: { target: string; code?: string; before: string },
  now: Date,
): number {
  return db
    .prepare(
      `UPDATE delivery_items SET status = 'pending', attempts = 0, next_attempt_at = NULL, updated_at = @now
       WHERE target = @target AND status = 'needs_review' AND (@code IS NULL OR last_error_code = @code)
         AND updated_at <= @before`,
    )
    .run({ now: now.toISOString(), target: input.target, code: input.code ?? null, before: input.before })
    .changes;
}

export type TargetState = 'paused' | 'running';

/** Paused until a person with the recovery role starts it (decision 0006). */
export function targetState(db: HubDatabase, target: string): TargetState {
  return (
    db
      .prepare<[string], { state: TargetState }>('SELECT state FROM delivery_targets WHERE name = ?')
      .get(target)?.state ?? 'paused'
  );
}

/**
 * Applies `delivery.started` / `delivery.paused` / `delivery.retried` as they are stored (in the
 * storing transaction): the latest start or pause by real time wins, so a late-synced older event
 * does not undo a newer decision; a retry touches only what was refused before it.
 */
export function applyDeliveryEvent(db: HubDatabase, event: DomainEvent, now: Date): void {
  if (event.type === 'delivery.retried') {
    const { target, code } = event.payload;
    retryRejected(
      db,
      { target, ...(code ? { code } : {}), before: new Date(event.occurredAt).toISOString() },
      now,
    );
    return;
  }
  if (event.type !== 'delivery.started' && event.type !== 'delivery.paused') return;
  const state: TargetState = event.type === 'delivery.started' ? 'running' : 'paused';
  const changedAt = new Date(event.occurredAt).toISOString();
  db.prepare(
    `INSERT INTO delivery_targets (name, state, event_id, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET state = excluded.state, event_id = excluded.event_id,
       changed_at = excluded.changed_at, changed_by = excluded.changed_by
     WHERE excluded.changed_at > delivery_targets.changed_at
        OR (excluded.changed_at = delivery_targets.changed_at AND excluded.event_id > delivery_targets.event_id)`,
  ).run(event.payload.target, state, event.id, changedAt, event.actor.name);
}

export type QueueSummary = {
  counts: Record<ItemStatus, number>;
  /** Refusals and retries by reason, the most frequent first. */
  failures: { status: 'retrying' | 'needs_review'; code: string; message: string; count: number }[];
  lastDeliveredAt: string | null;
  /** How many were delivered within `recentMs` before now, and the earliest of them (the rate). */
  recent: RecentDeliveries;
};

export function queueSummary(
  db: HubDatabase,
  target: string,
  now: Date,
  recentMs = DELIVERY_RATE_WINDOW_MS,
): QueueSummary {
  const counts = Object.fromEntries(ITEM_STATUSES.map((status) => [status, 0])) as Record<ItemStatus, number>;
  for (const row of db
    .prepare<[string], { status: ItemStatus; n: number }>(
      'SELECT status, count(*) AS n FROM delivery_items WHERE target = ? GROUP BY status',
    )
    .all(target))
    counts[row.status] = row.n;
  const failures = db
    .prepare<[string], { status: 'retrying' | 'needs_review'; code: string; message: string; count: number }>(
      `SELECT status, last_error_code AS code, max(last_error_message) AS message, count(*) AS count
       FROM delivery_items WHERE target = ? AND status IN ('retrying', 'needs_review')
       GROUP BY status, last_error_code ORDER BY count DESC`,
    )
    .all(target);
  const last = db
    .prepare<[string], { last: string | null }>(
      'SELECT max(delivered_at) AS last FROM delivery_items WHERE target = ? AND delivered_at IS NOT NULL',
    )
    .get(target);
  const recent = db
    .prepare<[{ target: string; since: string }], { count: number; earliest: string | null }>(
      `SELECT count(*) AS count, min(delivered_at) AS earliest FROM delivery_items
       WHERE target = @target AND delivered_at > @since`,
    )
    .get({ target, since: new Date(now.getTime() - recentMs).toISOString() });
  return {
    counts,
    failures,
    lastDeliveredAt: last?.last ?? null,
    recent: { count: recent?.count ?? 0, earliestAt: recent?.earliest ?? null },
  };
}

/** Where each visit stands with a target, for the reconciliation report. */
export function visitDeliveryStates(db: HubDatabase, target: string): Map<string, VisitDeliveryState> {
  const rows = db
    .prepare<
      [string],
      {
        subject_id: string;
        status: ItemStatus;
        code: string | null;
        message: string | null;
        remote: string | null;
      }
    >(
      `SELECT subject_id, status, last_error_code AS code, last_error_message AS message, remote
       FROM delivery_items WHERE target = ? AND kind = 'visit'`,
    )
    .all(target);
  return new Map(
    rows.map((row) => {
      // The SIMRS's visit number, or the Encounter a FHIR server created.
      const remote = row.remote
        ? (JSON.parse(row.remote) as { visitNumber?: string; encounter?: string })
        : {};
      const visitNumber = remote.visitNumber ?? remote.encounter;
      return [
        row.subject_id,
        {
          status: row.status,
          ...(row.code ? { code: row.code } : {}),
          ...(row.message ? { message: row.message } : {}),
          ...(visitNumber ? { visitNumber } : {}),
        },
      ];
    }),
  );
}

const VOIDED_KIND: Record<string, 'visits' | 'slips' | 'assessments'> = {
  'visit.registered': 'visits',
  'slip.requested': 'slips',
  'assessment.signed': 'assessments',
};

/**
 * Records withdrawn (their creating event voided) that were made between `from` and `to`. A void
 * withdraws an event of its own entity only, as in the projections [P31].
 */
export function voidedDuring(
  db: HubDatabase,
  from: string,
  to: string,
): { visits: number; slips: number; assessments: number } {
  const counts = { visits: 0, slips: 0, assessments: 0 };
  const rows = db
    .prepare<[], { type: string; occurred_at: string }>(
      `SELECT original.type, original.occurred_at FROM events AS voiding
       JOIN events AS original ON original.id = json_extract(voiding.body, '$.payload.eventId')
       WHERE voiding.type = 'event.voided' AND voiding.drill_id IS NULL
         AND original.entity_id = voiding.entity_id
         AND original.type IN ('visit.registered', 'slip.requested', 'assessment.signed')`,
    )
    .all();
  const start = Date.parse(from);
  const end = Date.parse(to);
  for (const row of rows) {
    const at = Date.parse(row.occurred_at);
    if (at >= start && at <= end) counts[VOIDED_KIND[row.type]!] += 1;
  }
  return counts;
}
