// Must run before anything imports Dexie: gives Node an in-memory IndexedDB.
import 'fake-indexeddb/auto';
