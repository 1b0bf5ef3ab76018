import Dexie, { type Collection, type Table } from 'dexie';
import type { QueueStatus, UserAccount } from '@/domain';
import type { SealedBox } from '@/lib/crypto/sealedBox';
import type { Encoded } from './codec';

/**
 * Where an event stands with the hub. The journal is the outbox: nothing leaves it unacknowledged.
 * `review`: the hub refused it (see `lastError`); `resolved`: a person corrected or voided it.
 */
export type SyncState = 'pending' | 'acked' | 'review' | 'resolved';

/** The hub's reason for refusing an event, kept with it until a person settles it. */
export type SyncError = {
  status: 'rejected' | 'conflict';
  code: string;
  message: string;
  field?: string;
  at: string;
};

/** Made on this device, pulled from the hub, or imported from a slip's QR code / a backup file. */
export type EventOrigin = 'local' | 'remote' | 'import';

/**
 * One event as stored. Only what indexes need is in the clear (ids, type, order, sync state);
 * the event itself, with its payload, goes through the storage codec.
 */
export type JournalRow = {
  id: string;
  /** This device's order of application: projections are rebuilt by replaying in this order. */
  localSeq: number;
  type: string;
  entityId: string;
  syncState: SyncState;
  origin: EventOrigin;
  /** Absent once purged: acknowledged by the hub and older than the retention (see purge.ts). */
  event?: Encoded;
  /** The event sealed to the hub's key, sendable while the device is locked [P20]; dropped once acknowledged. */
  sealed?: SealedBox;
  /** When the hub confirmed it (or, for pulled events, when it arrived). */
  ackedAt?: string;
  /**
   * Set to `ackedAt` while the payload waits for the retention to pass, removed when it is purged
   * (never set on accounts, which stay): the purge reads only this index, never the whole journal.
   */
  retainedSince?: string;
  purgedAt?: string;
  lastError?: SyncError;
  /** The correcting or voiding event that settled this one. */
  resolvedBy?: string;
  /** The drill the event was captured under: clearing the drill deletes these rows (decision 0005). */
  drillId?: string;
};

/** Device-local settings and caches that carry no patient data, keyed by name. */
export type MetaRow = { key: string; value: unknown; updatedAt: string };

export type PatientRow = { id: string; lookupKeys: string[]; body: Encoded };
export type VisitRow = {
  id: string;
  patientId: string;
  serviceDate: string;
  poliCode: string;
  status: string;
  registeredAt: string;
  /** Practice data of this drill; absent for real visits. */
  drillId?: string;
  body: Encoded;
};
/** Queue tickets carry no patient data, so the waiting-room display reads them in the clear. */
export type TicketRow = {
  /** The visit's id. */
  id: string;
  /** An opaque id; the waiting-room display never looks it up. */
  patientId: string;
  poliCode: string;
  serviceDate: string;
  label: string;
  prefix: string;
  deviceCode: string;
  sequence: number;
  /** The desk's number block (decision 0009); absent on long-label tickets. Not indexed. */
  series?: number;
  status: QueueStatus;
  callCount: number;
  lastCalledAt?: string;
  registeredAt: string;
  /** Practice data of this drill (shown as such on every list). */
  drillId?: string;
};
export type SlipRow = {
  id: string;
  visitId: string;
  patientId: string;
  status: string;
  poliCode: string;
  serviceDate: string;
  requestedAt: string;
  body: Encoded;
};
export type AssessmentRow = { id: string; visitId: string; body: Encoded };
/** An unsigned RM 1.2 in progress: autosaved on this device only, never journaled. */
export type DraftRow = { id: string; visitId: string; updatedAt: string; body: Encoded };
export type CounterRow = { key: string; value: number };
/** A downtime incident: no patient data, but its body goes through the codec like the others. */
export type IncidentRow = { id: string; status: string; detectedAt: string; body: Encoded };
/** An imported past downtime log sheet (no patient data; the body goes through the codec too). */
export type DowntimeLogRow = { id: string; month: string; body: Encoded };
/** Staff accounts carry no patient data and are needed before sign-in, so they are in the clear. */
export type UserRow = UserAccount;

export const DB_NAME = 'siaga';

/**
 * The one IndexedDB database of the app. Every schema change is a new `version()` with an
 * upgrade test from the one before; shipped versions are never edited.
 */
export class SiagaDb extends Dexie {
  meta!: Table<MetaRow, string>;
  journal!: Table<JournalRow, string>;
  patients!: Table<PatientRow, string>;
  visits!: Table<VisitRow, string>;
  tickets!: Table<TicketRow, string>;
  slips!: Table<SlipRow, string>;
  assessments!: Table<AssessmentRow, string>;
  drafts!: Table<DraftRow, string>;
  counters!: Table<CounterRow, string>;
  users!: Table<UserRow, string>;
  incidents!: Table<IncidentRow, string>;
  downtimeLogs!: Table<DowntimeLogRow, string>;

  constructor(name: string = DB_NAME, options: { durability?: 'strict' | 'relaxed' } = {}) {
    // Strict: a transaction completes only once the data is flushed to disk. "Saved" on screen
    // must survive a power cut a second later; Chromium's default ("relaxed") does not promise it.
    super(name, { chromeTransactionDurability: options.durability ?? 'strict' });
    this.version(1).stores({
      meta: 'key',
      journal: 'id, syncState, type, entityId',
    });
    this.version(2)
      .stores({
        meta: 'key',
        journal: 'id, &localSeq, [syncState+localSeq], syncState, type, entityId',
        patients: 'id, *lookupKeys',
        visits: 'id, patientId, serviceDate, [serviceDate+poliCode]',
        tickets: 'id, serviceDate, [poliCode+serviceDate]',
        slips: 'id, visitId, status, serviceDate, requestedAt',
        assessments: 'id, visitId',
        drafts: 'id, visitId',
        counters: 'key',
      })
      .upgrade(async (transaction) => {
        // Version 1 had no event bodies yet; give any row it holds a place in the replay order
        // rather than dropping it, so nothing written is ever lost.
        let localSeq = 0;
        await transaction
          .table<JournalRow, string>('journal')
          .orderBy('id')
          .modify((row) => {
            localSeq += 1;
            row.localSeq = localSeq;
            row.origin ??= 'local';
          });
      });
    // Accounts (security issue). Usernames are not unique here: two devices apart may both have
    // created one; the hub refuses the second and a person settles it.
    this.version(3).stores({ users: 'id, username' });
    // Downtime incidents (issue 6). New and empty: events of this kind did not exist before.
    this.version(4).stores({ incidents: 'id, status, detectedAt' });
    // Drills and past logs (issue 6). Drill ids are new, so no row carries one yet; imported
    // sheets are a new kind of event.
    this.version(5).stores({
      journal: 'id, &localSeq, [syncState+localSeq], syncState, type, entityId, drillId',
      downtimeLogs: 'id, month',
    });
    // Purge from an index (issue 16): the acknowledged payloads still held, by acknowledgement
    // time. Filled once here; from now on set when an event is acknowledged.
    this.version(6)
      .stores({
        journal: 'id, &localSeq, [syncState+localSeq], syncState, type, entityId, drillId, retainedSince',
      })
      .upgrade(async (tx) => {
        const now = new Date().toISOString();
        await tx
          .table<JournalRow, string>('journal')
          .where('syncState')
          .equals('acked')
          .modify((row) => {
            if (isRetained(row)) row.retainedSince = row.ackedAt ?? now;
          });
      });
    // Storage per event (issue 16): the sync state is served by the [syncState+localSeq] index
    // alone (an index of its own repeated it for every row), and the rows a correction settled
    // are found by their `resolvedBy` (the audit trail no longer reads the whole journal).
    this.version(7).stores({
      journal: 'id, &localSeq, [syncState+localSeq], type, entityId, drillId, retainedSince, resolvedBy',
    });
  }
}

/**
 * The journal rows in the given sync states, through the [syncState+localSeq] index (in journal
 * order when one state is asked).
 */
export function journalIn(
  db: SiagaDb,
  ...states: [SyncState, ...SyncState[]]
): Collection<JournalRow, string> {
  const [first, ...rest] = states;
  const inState = (state: SyncState) => [[state, Dexie.minKey], [state, Dexie.maxKey], true, true] as const;
  let rows = db.journal.where('[syncState+localSeq]').between(...inState(first));
  for (const state of rest) rows = rows.or('[syncState+localSeq]').between(...inState(state));
  return rows;
}

/** Accounts are never purged: this device needs them to let people sign in. */
export const keepsPayload = (type: string): boolean => type.startsWith('user.');

/** An acknowledged event whose payload the purge will remove once the retention has passed. */
export function isRetained(row: Pick<JournalRow, 'type' | 'event' | 'purgedAt'>): boolean {
  return row.event !== undefined && row.purgedAt === undefined && !keepsPayload(row.type);
}

export const PROJECTION_TABLES = [
  'patients',
  'visits',
  'tickets',
  'slips',
  'assessments',
  'counters',
  'users',
  'incidents',
  'downtimeLogs',
] as const;
