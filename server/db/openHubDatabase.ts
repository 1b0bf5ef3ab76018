import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { recordMissingEntityKinds } from '../events/entityKinds';
import { MIGRATIONS, type Migration } from './migrations';

export type HubDatabase = Database.Database;

/** The folder and the files only the hub's own user may open. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const SQLITE_FILE_SUFFIXES = ['', '-wal', '-shm'] as const;

/**
 * The database holds patients' records and the hub's keys: its folder is 0700 and the database
 * with its WAL and shared-memory files 0600, whatever the umask, and modes a copy or an older
 * version left too open are narrowed at every start. SQLite gives the WAL and shared-memory files
 * the main file's mode, so the main file is created 0600 before SQLite opens it.
 */
function keepDatabasePrivate(file: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const suffix of SQLITE_FILE_SUFFIXES) {
    if (existsSync(`${file}${suffix}`)) chmodSync(`${file}${suffix}`, PRIVATE_FILE_MODE);
  }
}

/**
 * Opens (creating if needed) the hub's SQLite file and brings its schema up to date.
 * WAL lets devices pull while others push; `synchronous = FULL` because an acknowledged event
 * must survive a power cut: the device deletes nothing, but it stops resending what we acked.
 */
export function openHubDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): HubDatabase {
  if (file !== ':memory:') keepDatabasePrivate(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  applyMigrations(db, migrations);
  // Entities stored before the hub kept their kinds (or by an older version since) [P31].
  recordMissingEntityKinds(db);
  // The WAL and shared-memory files exist now; a pair left by an older hub may have been wider.
  if (file !== ':memory:') keepDatabasePrivate(file);
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
