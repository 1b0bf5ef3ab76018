import { pullSelection, type DeviceProfile } from '@/domain';
import type { HubDatabase } from '../db/openHubDatabase';
import { prepared } from '../db/preparedStatement';
import type { PullPage } from './eventStore';

/**
 * How many sequence numbers one scoped pull looks at, at most [P46]. A clinic tablet may skip
 * thousands of other polis' events in a row; reading until a page fills would read the whole rest
 * of the store in one request. Ten full pages' worth keeps a request at a few milliseconds: the
 * device asks again at once (`more`), and the cursor moves past what it skipped.
 */
export const MAX_PULL_SCAN = 10_000;

const SCOPED_PULL_SQL = `SELECT event.seq, event.body
  FROM events AS event
  LEFT JOIN entity_kinds AS voided ON event.type = 'event.voided' AND voided.entity_id = event.entity_id
  LEFT JOIN entity_visits AS belongs ON belongs.entity_id = event.entity_id
  LEFT JOIN visit_scopes AS visit ON visit.visit_id = belongs.visit_id
  WHERE event.seq > :after AND event.seq <= :until AND event.submitted_by <> :device
    AND (
      event.type IN (SELECT value FROM json_each(:alwaysTypes))
      OR (event.type = 'event.voided'
          AND (voided.kind IS NULL OR voided.kind IN (SELECT value FROM json_each(:alwaysKinds))))
      OR ((event.type IN (SELECT value FROM json_each(:scopedTypes))
           OR (event.type = 'event.voided' AND voided.kind IN (SELECT value FROM json_each(:scopedKinds))))
          AND (visit.visit_id IS NULL
               OR (visit.service_date >= :since
                   AND (:polis IS NULL OR visit.poli_code IN (SELECT value FROM json_each(:polis))))
               OR (event.type = 'visit.registered' AND json_extract(event.body, '$.corrects') IS NOT NULL)))
    )
  ORDER BY event.seq LIMIT :limit`;

type ScopedPullParams = {
  after: number;
  until: number;
  device: string;
  limit: number;
  alwaysTypes: string;
  alwaysKinds: string;
  scopedTypes: string;
  scopedKinds: string;
  since: string;
  polis: string | null;
};

export type ScopedPull = {
  afterSeq: number;
  limit: number;
  forDevice: string;
  profile: Exclude<DeviceProfile, { kind: 'full' }>;
  /** The oldest service date the profile receives (`YYYY-MM-DD`, facility date). */
  since: string;
};

/**
 * The events a desk, records-room or clinic device receives after a sequence number, in hub
 * order [P10, P46]: by the kind of entity of each event (a void: of the event it voids), through
 * `PULL_RULES`; `scoped` kinds only when their visit is unknown to the hub yet (sent: it may be
 * any poli's) or in the window and, for a clinic, in its polis. A correcting registration goes to
 * every device that receives visits, so one that held the visit under its old poli sees it leave.
 * Reads by the events' primary key over at most {@link MAX_PULL_SCAN} sequence numbers, joining
 * the scope tables by key; the cursor then stands after the last number looked at.
 */
export function scopedEventsAfter(db: HubDatabase, pull: ScopedPull): PullPage {
  const always = pullSelection(pull.profile.kind, 'always');
  const scoped = pullSelection(pull.profile.kind, 'scoped');
  const statement = prepared<[ScopedPullParams], { seq: number; body: string }>(db, SCOPED_PULL_SQL);
  return db.transaction((): PullPage => {
    const maxSeq =
      db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM events').get()?.seq ?? 0;
    const until = Math.min(maxSeq, pull.afterSeq + MAX_PULL_SCAN);
    const rows = statement.all({
      after: pull.afterSeq,
      until,
      device: pull.forDevice,
      limit: pull.limit,
      alwaysTypes: JSON.stringify(always.types),
      alwaysKinds: JSON.stringify(always.kinds),
      scopedTypes: JSON.stringify(scoped.types),
      scopedKinds: JSON.stringify(scoped.kinds),
      since: pull.since,
      polis: pull.profile.kind === 'clinic' ? JSON.stringify(pull.profile.polis) : null,
    });
    const full = rows.length === pull.limit;
    // A full page stops at its last event; a short one has looked at everything up to `until`,
    // sent or skipped, so the device never reads those rows again [P46].
    const lastSeq = full ? rows.at(-1)!.seq : Math.max(pull.afterSeq, until);
    return {
      events: rows.map((row) => JSON.parse(row.body) as unknown),
      lastSeq,
      more: lastSeq < maxSeq,
    };
  })();
}
