import { describe, expect, it } from 'vitest';
import { readMeta, writeMeta } from '@/storage';
import * as z from 'zod/mini';
import { useTestDb } from '../dbTestUtils';

describe('SiagaDb version 1', () => {
  const makeDb = useTestDb();

  it('creates the meta and journal tables with their indexes', async () => {
    const db = makeDb();
    await db.open();
    expect(db.verno).toBe(1);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['journal', 'meta']);
    expect(db.journal.schema.indexes.map((index) => index.name).sort()).toEqual([
      'entityId',
      'syncState',
      'type',
    ]);
  });

  it('counts pending journal rows through the syncState index', async () => {
    const db = makeDb();
    await db.journal.bulkAdd([
      { id: 'a', type: 't', entityId: 'e', syncState: 'pending' },
      { id: 'b', type: 't', entityId: 'e', syncState: 'acked' },
      { id: 'c', type: 't', entityId: 'e', syncState: 'pending' },
    ]);
    expect(await db.journal.where('syncState').equals('pending').count()).toBe(2);
  });

  it('reads meta values through a schema and treats a damaged value as absent', async () => {
    const db = makeDb();
    await writeMeta(db, 'n', 42);
    await writeMeta(db, 'broken', 'forty-two');
    expect(await readMeta(db, 'n', z.number())).toBe(42);
    expect(await readMeta(db, 'broken', z.number())).toBeUndefined();
    expect(await readMeta(db, 'missing', z.number())).toBeUndefined();
  });
});
