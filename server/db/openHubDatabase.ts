import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { recordMissingEntityKinds } from '../events/entityKinds';
import { MIGRATIONS, type Migration } from './migrations';

export type HubDatabase = Database.Database;

/**
 * Opens (creating if needed) the hub's SQLite file and brings its schema up to date.
 * WAL lets devices pull while others push; `synchronous = FULL` because an acknowledged event
 * must survive a power cut: the device deletes nothing, but it stops resending what we acked.
 */
export function openHubDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): HubDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  applyMigrations(db, migrations);
  // Entities stored before the hub kept their kinds (or by an older version since) [P31].
  recordMissingEntityKinds(db);
  return db;
}

export function applyMigrations(db: HubDatabase, migrations: readonly Migration[]): number[] {
  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT;
  `);
  const applied = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const newlyApplied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}

/** This hub's identity, made once when its database is created. */
export function readHubId(db: HubDatabase): string {
  const row = db.prepare<[], { value: string }>("SELECT value FROM hub_meta WHERE key = 'hub_id'").get();
  if (!row) throw new Error('hub_meta has no hub_id: migrations did not run');
  return row.value;
}
