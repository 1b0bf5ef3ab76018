import { createStore } from 'zustand/vanilla';
import { SiagaDb } from './db';

/**
 * Set when another tab opens a newer version of the database: this tab closes its connection so
 * the upgrade is not blocked, and the shell asks the user to reload (after saving their work).
 */
export const databaseStatusStore = createStore<{ closedForUpgrade: boolean }>(() => ({
  closedForUpgrade: false,
}));

let instance: SiagaDb | undefined;

/** The app's database, opened on first use. Tests create their own `SiagaDb` instead. */
export function getDb(): SiagaDb {
  if (!instance) {
    const db = new SiagaDb();
    db.on('versionchange', () => {
      db.close();
      databaseStatusStore.setState({ closedForUpgrade: true });
      return false; // we handled it: Dexie must not reload the page over the user's input
    });
    instance = db;
  }
  return instance;
}
