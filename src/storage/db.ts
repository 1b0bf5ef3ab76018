import Dexie, { type Table } from 'dexie';

/** Where an event stands with the hub. The journal is the outbox: nothing leaves it unacknowledged. */
export type SyncState = 'pending' | 'acked' | 'review';

/** One captured fact. The Capture issue fills in the event shape; v1 fixes the table and indexes. */
export type JournalRow = {
  id: string;
  type: string;
  entityId: string;
  syncState: SyncState;
};

/** Device-local settings and caches that carry no patient data, keyed by name. */
export type MetaRow = { key: string; value: unknown; updatedAt: string };

export const DB_NAME = 'siaga';

/**
 * The one IndexedDB database of the app. Every schema change is a new `version()` with an
 * upgrade test from the one before; shipped versions are never edited.
 */
export class SiagaDb extends Dexie {
  meta!: Table<MetaRow, string>;
  journal!: Table<JournalRow, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      meta: 'key',
      journal: 'id, syncState, type, entityId',
    });
  }
}
