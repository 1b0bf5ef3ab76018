import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { journalIn, readMeta, SiagaDb, writeMeta } from '@/storage';
import { useTestDb } from '../dbTestUtils';

describe('SiagaDb', () => {
  const makeDb = useTestDb();

  it('opens at version 7 with the journal, every projection table, the accounts, incidents and past logs', async () => {
    const db = makeDb();
    await db.open();
    expect(db.verno).toBe(7);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'assessments',
      'counters',
      'downtimeLogs',
      'drafts',
      'incidents',
      'journal',
      'meta',
      'patients',
      'slips',
      'tickets',
      'users',
      'visits',
    ]);
    expect(db.journal.schema.indexes.map((index) => index.name).sort()).toEqual([
      '[syncState+localSeq]',
      'drillId',
      'entityId',
      'localSeq',
      'resolvedBy',
      'retainedSince',
      'type',
    ]);
  });

  it('upgrades a version 1 database without losing its meta or journal rows', async () => {
    const probe = makeDb();
    const name = probe.name;
    const v1 = new Dexie(name);
    v1.version(1).stores({ meta: 'key', journal: 'id, syncState, type, entityId' });
    await v1
      .table('meta')
      .put({ key: 'runtimeConfig', value: { kept: true }, updatedAt: '2026-11-01T00:00:00Z' });
    await v1.table('journal').bulkAdd([
      { id: 'b', type: 't', entityId: 'e', syncState: 'pending' },
      { id: 'a', type: 't', entityId: 'e', syncState: 'pending' },
    ]);
    v1.close();

    const upgraded = new SiagaDb(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(7);
    expect(await upgraded.meta.get('runtimeConfig')).toMatchObject({ value: { kept: true } });
    expect(await upgraded.journal.orderBy('localSeq').toArray()).toMatchObject([
      { id: 'a', localSeq: 1, origin: 'local', syncState: 'pending' },
      { id: 'b', localSeq: 2, origin: 'local', syncState: 'pending' },
    ]);
    expect(
      await upgraded.journal
        .where('[syncState+localSeq]')
        .between(['pending', 0], ['pending', Infinity])
        .count(),
    ).toBe(2);
    upgraded.close();
  });

  it('upgrades version 4 to 5 keeping the journal and incidents, with drill ids indexed', async () => {
    const probe = makeDb();
    const name = probe.name;
    const v4 = new Dexie(name);
    v4.version(4).stores({
      meta: 'key',
      journal: 'id, &localSeq, [syncState+localSeq], syncState, type, entityId',
      patients: 'id, *lookupKeys',
      visits: 'id, patientId, serviceDate, [serviceDate+poliCode]',
      tickets: 'id, serviceDate, [poliCode+serviceDate]',
      slips: 'id, visitId, status, serviceDate, requestedAt',
      assessments: 'id, visitId',
      drafts: 'id, visitId',
      counters: 'key',
      users: 'id, username',
      incidents: 'id, status, detectedAt',
    });
    await v4
      .table('journal')
      .add({ id: 'e1', localSeq: 1, type: 'incident.opened', entityId: 'i1', syncState: 'acked' });
    await v4
      .table('incidents')
      .add({ id: 'i1', status: 'open', detectedAt: '2026-11-02T08:00:00+07:00', body: {} });
    v4.close();

    const upgraded = new SiagaDb(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(7);
    expect(await upgraded.journal.get('e1')).toMatchObject({ localSeq: 1, syncState: 'acked' });
    expect(await upgraded.incidents.get('i1')).toMatchObject({ status: 'open' });
    await upgraded.journal.add({
      id: 'e2',
      localSeq: 2,
      type: 'visit.registered',
      entityId: 'v1',
      syncState: 'pending',
      origin: 'local',
      drillId: 'i1',
    });
    expect(await upgraded.journal.where('drillId').equals('i1').primaryKeys()).toEqual(['e2']);
    expect(await upgraded.downtimeLogs.count()).toBe(0);
    upgraded.close();
  });

  it('upgrades version 5 to 6 indexing the acknowledged payloads still held for the purge', async () => {
    const probe = makeDb();
    const name = probe.name;
    const v5 = new Dexie(name);
    v5.version(5).stores({
      meta: 'key',
      journal: 'id, &localSeq, [syncState+localSeq], syncState, type, entityId, drillId',
    });
    const row = (id: string, localSeq: number, fields: Record<string, unknown>) => ({
      id,
      localSeq,
      type: 'visit.registered',
      entityId: id,
      origin: 'local',
      event: { codec: 'plain', value: {} },
      ...fields,
    });
    await v5
      .table('journal')
      .bulkAdd([
        row('acked', 1, { syncState: 'acked', ackedAt: '2026-11-01T00:00:00.000Z' }),
        row('ackedLongAgo', 2, { syncState: 'acked' }),
        row('account', 3, { syncState: 'acked', type: 'user.created', ackedAt: '2026-11-01T00:00:00.000Z' }),
        row('purged', 4, { syncState: 'acked', event: undefined, purgedAt: '2026-11-02T00:00:00.000Z' }),
        row('pending', 5, { syncState: 'pending' }),
      ]);
    v5.close();

    const upgradeStarted = Date.now();
    const upgraded = new SiagaDb(name);
    await upgraded.open();
    const retained = await upgraded.journal.orderBy('retainedSince').toArray();
    expect(retained.map((kept) => kept.id)).toEqual(['acked', 'ackedLongAgo']);
    expect(retained[0]!.retainedSince).toBe('2026-11-01T00:00:00.000Z');
    // Acknowledged before the time was kept: the retention starts at the upgrade.
    expect(Date.parse(retained[1]!.retainedSince!)).toBeGreaterThanOrEqual(upgradeStarted);
    upgraded.close();
  });

  it('upgrades version 6 to 7: sync states through the compound index, settled rows by resolvedBy', async () => {
    const probe = makeDb();
    const name = probe.name;
    const v6 = new Dexie(name);
    v6.version(6).stores({
      meta: 'key',
      journal: 'id, &localSeq, [syncState+localSeq], syncState, type, entityId, drillId, retainedSince',
    });
    const row = (id: string, localSeq: number, fields: Record<string, unknown>) => ({
      id,
      localSeq,
      type: 'visit.registered',
      entityId: id,
      origin: 'local',
      event: { codec: 'plain', value: {} },
      ...fields,
    });
    await v6
      .table('journal')
      .bulkAdd([
        row('refused', 1, { syncState: 'resolved', resolvedBy: 'correction' }),
        row('correction', 2, { syncState: 'pending' }),
        row('acked', 3, { syncState: 'acked' }),
        row('review', 4, { syncState: 'review' }),
        row('later', 5, { syncState: 'pending' }),
      ]);
    v6.close();

    const upgraded = new SiagaDb(name);
    await upgraded.open();
    expect(await journalIn(upgraded, 'pending').primaryKeys()).toEqual(['correction', 'later']);
    expect((await journalIn(upgraded, 'pending', 'review').primaryKeys()).sort()).toEqual([
      'correction',
      'later',
      'review',
    ]);
    expect(await journalIn(upgraded, 'acked').count()).toBe(1);
    expect(await upgraded.journal.orderBy('resolvedBy').keys()).toEqual(['correction']);
    upgraded.close();
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
