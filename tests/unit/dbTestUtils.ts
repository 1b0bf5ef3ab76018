import { afterEach } from 'vitest';
import { SiagaDb } from '@/storage';

let counter = 0;

/** A fresh database per test (fake-indexeddb), deleted afterwards. */
export function useTestDb(): () => SiagaDb {
  let db: SiagaDb | undefined;
  afterEach(async () => {
    if (db) await db.delete();
    db = undefined;
  });
  return () => {
    counter += 1;
    db = new SiagaDb(`siaga-test-${process.pid}-${counter}`);
    return db;
  };
}
