import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { automaticIncidentId, incidentNumber, incidentNumbers } from '@/domain';
import { uuidv7 } from '@/lib/ids';
import {
  appendEvents,
  getIncident,
  listIncidents,
  plainCodec,
  readJournal,
  rebuildProjections,
  SiagaDb,
  type SiagaDb as Db,
} from '@/storage';
import { useTestDb } from '../dbTestUtils';
import { incidentEvent, opened } from '../domain/incidents/incidentFixture';
import { journalIn } from '@/storage';

async function snapshot(db: Db) {
  const tables = [
    'patients',
    'visits',
    'tickets',
    'slips',
    'assessments',
    'users',
    'incidents',
    'downtimeLogs',
    'counters',
  ];
  const entries = await Promise.all(
    tables.map(async (table) => [table, await db.table(table).toArray()] as const),
  );
  return Object.fromEntries(entries);
}

describe('the incidents projection', () => {
  const makeDb = useTestDb();

  it('writes the incident row with its indexes in the clear and its body through the codec', async () => {
    const db = makeDb();
    const id = uuidv7();
    await appendEvents(
      db,
      [
        opened(id, '2026-11-22T08:00:00.000+07:00'),
        incidentEvent('incident.step_done', id, '2026-11-22T08:02:00.000+07:00', {
          stepId: 'contact-technician',
          unit: 'Pendaftaran',
        }),
      ],
      { origin: 'local', codec: plainCodec },
    );
    const row = await db.incidents.get(id);
    expect(row).toMatchObject({
      id,
      status: 'open',
      detectedAt: '2026-11-22T08:00:00.000+07:00',
      body: { codec: 'plain' },
    });
    expect(await journalIn(db, 'pending').count()).toBe(2);

    await appendEvents(
      db,
      [
        incidentEvent('incident.closed', id, '2026-11-22T09:30:00.000+07:00', {
          restoredAt: '2026-11-22T09:30:00.000+07:00',
          confirmedBy: 'Rina Petugas',
        }),
      ],
      { origin: 'local', codec: plainCodec },
    );
    expect(await db.incidents.where('status').equals('closed').count()).toBe(1);
    expect(await getIncident(db, id, plainCodec)).toMatchObject({
      status: 'closed',
      restoredAt: '2026-11-22T09:30:00.000+07:00',
      steps: [{ stepId: 'contact-technician', done: true }],
    });
  });

  it('merges the same automatic incident pulled from another device into one row', async () => {
    const db = makeDb();
    const id = await automaticIncidentId('hub-1', '2026-11-22T08:00:00.000+07:00');
    const auto = { detection: 'automatic' as const, scope: 'hospital' as const };
    await appendEvents(db, [opened(id, '2026-11-22T08:00:40.000+07:00', auto)], { origin: 'local' });
    await appendEvents(
      db,
      [opened(id, '2026-11-22T08:00:10.000+07:00', { ...auto, unit: 'Poli Anak' }, 'PD2')],
      {
        origin: 'remote',
      },
    );
    expect(await db.incidents.count()).toBe(1);
    const incident = await getIncident(db, id);
    expect(incident).toMatchObject({
      detectedAt: '2026-11-22T08:00:10.000+07:00',
      openedOn: 'PD2',
      anomalies: [],
    });
    expect(incident?.sightings).toHaveLength(2);
  });

  it('removes an incident whose opening IT voided', async () => {
    const db = makeDb();
    const id = uuidv7();
    const open = opened(id, '2026-11-22T08:00:00.000+07:00');
    await appendEvents(db, [open], { origin: 'local' });
    await appendEvents(
      db,
      [
        incidentEvent(
          'event.voided',
          id,
          '2026-11-22T08:10:00.000+07:00',
          { eventId: open.id, eventType: 'incident.opened', reason: 'Dibuka dua kali' },
          'admin',
        ),
      ],
      { origin: 'local' },
    );
    expect(await db.incidents.get(id)).toBeUndefined();
  });

  it('lists incidents by detection time and numbers them the same after a rebuild', async () => {
    const db = makeDb();
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    const events = [
      opened(ids[0]!, '2026-11-10T09:00:00.000+07:00'),
      opened(ids[1]!, '2026-11-03T09:00:00.000+07:00', { drill: true }),
      opened(ids[2]!, '2026-11-05T22:00:00.000+07:00'),
      incidentEvent('incident.updated', ids[2]!, '2026-11-05T22:05:00.000+07:00', {
        requestedAt: '2026-11-05T22:05:00.000+07:00',
        respondedAt: '2026-11-05T22:20:00.000+07:00',
        technician: 'Andi',
      }),
      incidentEvent('incident.closed', ids[2]!, '2026-11-06T00:10:00.000+07:00', {
        restoredAt: '2026-11-06T00:10:00.000+07:00',
        confirmedBy: 'Rina Petugas',
      }),
    ];
    for (const event of events) await appendEvents(db, [event], { origin: 'local' });
    const incremental = await snapshot(db);

    const november = await listIncidents(db, {
      from: '2026-11-01T00:00:00+07:00',
      to: '2026-12-01T00:00:00+07:00',
    });
    expect(november.map((incident) => incident.id)).toEqual([ids[1], ids[2], ids[0]]);
    expect(november.map((incident) => incidentNumber(incident, november))).toEqual([
      'LATIHAN-202611-001',
      'DT-202611-001',
      'DT-202611-002',
    ]);
    // All at once, the same numbers (one sort per month instead of one per incident).
    const numbers = incidentNumbers(november);
    expect(november.map((incident) => numbers.get(incident.id))).toEqual([
      'LATIHAN-202611-001',
      'DT-202611-001',
      'DT-202611-002',
    ]);

    expect(await rebuildProjections(db)).toBe((await readJournal(db)).length);
    expect(await snapshot(db)).toEqual(incremental);
  });

  it('upgrades a version 3 database (to the current version) with an empty incidents table', async () => {
    const probe = makeDb();
    const name = probe.name;
    const v3 = new Dexie(name);
    v3.version(3).stores({
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
    });
    await v3.table('meta').put({ key: 'kept', value: true, updatedAt: '2026-11-01T00:00:00Z' });
    v3.close();

    const upgraded = new SiagaDb(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(7);
    expect(await upgraded.meta.get('kept')).toMatchObject({ value: true });
    expect(await upgraded.incidents.count()).toBe(0);
    expect(upgraded.incidents.schema.indexes.map((index) => index.name).sort()).toEqual([
      'detectedAt',
      'status',
    ]);
    upgraded.close();
  });
});
