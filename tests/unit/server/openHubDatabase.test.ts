import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, openHubDatabase, readHubId } from '../../../server/db/openHubDatabase';
import { MIGRATIONS } from '../../../server/db/migrations';
import { enrollDevice, issueEnrollmentCode } from '../../../server/devices/deviceRegistry';
import { recordMissingEntityKinds } from '../../../server/events/entityKinds';
import { uuidv7 } from '@/lib/ids';
import { eventAt, visitRegistered } from '../domain/eventFactory';
import { sampleEvent } from '../domain/eventSamples';
import { storeAsOlderHub } from './olderHub';

describe('openHubDatabase', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  function tempFile(): string {
    const dir = mkdtempSync(join(tmpdir(), 'siaga-db-test-'));
    dirs.push(dir);
    return join(dir, 'nested', 'hub.sqlite');
  }

  it('creates the file in WAL mode with full sync and records each migration once', () => {
    const db = openHubDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const rows = db.prepare('SELECT version, name FROM schema_migrations').all();
    expect(rows).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    expect(applyMigrations(db, MIGRATIONS)).toEqual([]);
    db.close();
  });

  const modeOf = (path: string) => statSync(path).mode & 0o777;
  const sqliteFiles = (file: string) => [file, `${file}-wal`, `${file}-shm`];

  it('makes its folder 0700 and the database, WAL and shared-memory files 0600, whatever the umask', () => {
    const file = tempFile();
    const umask = process.umask(0o022);
    try {
      const db = openHubDatabase(file);
      expect(modeOf(dirname(file)).toString(8)).toBe('700');
      for (const path of sqliteFiles(file)) expect(modeOf(path).toString(8), path).toBe('600');
      db.close();
    } finally {
      process.umask(umask);
    }
  });

  it('narrows a folder and files left too open (a restored copy, an older hub) when it opens them', () => {
    const file = tempFile();
    const first = openHubDatabase(file);
    chmodSync(dirname(file), 0o755);
    for (const path of sqliteFiles(file)) chmodSync(path, 0o644);
    // Opened again while the first connection keeps the WAL and shared-memory files in place.
    const second = openHubDatabase(file);
    expect(modeOf(dirname(file)).toString(8)).toBe('700');
    for (const path of sqliteFiles(file)) expect(modeOf(path).toString(8), path).toBe('600');
    second.close();
    first.close();
  });

  it('keeps its hub id across restarts', () => {
    const file = tempFile();
    const first = openHubDatabase(file);
    const id = readHubId(first);
    first.close();
    const second = openHubDatabase(file);
    expect(readHubId(second)).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    second.close();
  });

  it('applies a new migration on top of an existing database, in order', () => {
    const file = tempFile();
    openHubDatabase(file).close();
    const next = [
      ...MIGRATIONS,
      { version: 99, name: 'later', sql: 'CREATE TABLE later (x INTEGER) STRICT;' },
      { version: 98, name: 'earlier', sql: 'CREATE TABLE earlier (x INTEGER) STRICT;' },
    ];
    const db = openHubDatabase(file, next);
    const versions = db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY rowid')
      .all()
      .map((row) => row.version);
    expect(versions).toEqual([...MIGRATIONS.map((migration) => migration.version), 98, 99]);
    db.close();
  });

  it('upgrades a version-3 store to admin sessions, device contact and one-time codes, keeping its devices', () => {
    const file = tempFile();
    const old = openHubDatabase(
      file,
      MIGRATIONS.filter((migration) => migration.version <= 3),
    );
    issueEnrollmentCode(old, new Date(), 'CONSOLE-CODE');
    old
      .prepare(
        "INSERT INTO devices (device_id, device_code, token_hash, enrolled_at) VALUES ('d1', 'PD1', 'h1', '2026-11-22T01:00:00.000Z')",
      )
      .run();
    old.close();
    const db = openHubDatabase(file);
    const columns = (table: string) =>
      db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
        .all()
        .map((column) => column.name);
    expect(columns('admin_sessions')).toEqual([
      'token_hash',
      'user_id',
      'created_at',
      'last_used_at',
      'expires_at',
    ]);
    expect(db.prepare('SELECT device_code, last_seen_at FROM devices').all()).toEqual([
      { device_code: 'PD1', last_seen_at: null },
    ]);
    expect(db.prepare('SELECT single_use, used_at FROM enrollment_codes').all()).toEqual([
      { single_use: 0, used_at: null },
    ]);
    // The console code from before the upgrade still enrolls any number of devices.
    for (const [deviceId, deviceCode] of [
      ['0190f0c0-0000-7000-8000-000000000001', 'RJ1'],
      ['0190f0c0-0000-7000-8000-000000000002', 'RJ2'],
    ] as const) {
      expect(enrollDevice(db, { code: 'console-code', deviceId, deviceCode }, new Date()).ok).toBe(true);
    }
    db.close();
  });

  it('[P31] fills in the kind of every entity an older store holds, its first stored event deciding', () => {
    const file = tempFile();
    const old = openHubDatabase(
      file,
      MIGRATIONS.filter((migration) => migration.version <= 6),
    );
    old
      .prepare(
        "INSERT INTO devices (device_id, device_code, token_hash, enrolled_at) VALUES ('d1', 'PD1', 'h1', '2026-11-22T01:00:00.000Z')",
      )
      .run();
    const [visitId, assessmentId, patientId] = [uuidv7(), uuidv7(), uuidv7()];
    storeAsOlderHub(
      old,
      [
        visitRegistered(visitId, '08:00', { patientId }),
        // An RM 1.2 signed under the visit's id: the visit was there first.
        sampleEvent('assessment.signed', visitId, { visitId }),
        sampleEvent('assessment.signed', assessmentId, { visitId }),
        // A void says the kind of what it voids.
        eventAt('event.voided', patientId, '09:00', {
          eventId: uuidv7(),
          eventType: 'patient.registered',
          reason: 'Tercatat dua kali',
        }),
        sampleEvent('patient.registered', patientId),
      ],
      'd1',
    );
    old.close();

    const db = openHubDatabase(file);
    const kinds = () =>
      Object.fromEntries(
        db
          .prepare<[], { entity_id: string; kind: string }>('SELECT entity_id, kind FROM entity_kinds')
          .all()
          .map((row) => [row.entity_id, row.kind]),
      );
    expect(kinds()).toEqual({ [visitId]: 'visit', [assessmentId]: 'assessment', [patientId]: 'patient' });
    expect(recordMissingEntityKinds(db)).toBe(0);
    // An older hub version run on the store since: the next start fills in what it stored.
    const incidentId = uuidv7();
    storeAsOlderHub(db, [sampleEvent('incident.opened', incidentId)], 'd1');
    expect(recordMissingEntityKinds(db)).toBe(1);
    expect(kinds()[incidentId]).toBe('incident');
    db.close();
  });

  it('[P45] [P46] gives every device of an older store the full profile and fills in the pull scopes of what it holds', () => {
    const file = tempFile();
    const old = openHubDatabase(
      file,
      MIGRATIONS.filter((migration) => migration.version <= 8),
    );
    old
      .prepare(
        "INSERT INTO devices (device_id, device_code, token_hash, enrolled_at) VALUES ('d1', 'PD1', 'h1', '2026-11-22T01:00:00.000Z')",
      )
      .run();
    const [visitId, movedId, requestedId, assessmentId, slipId, laterSlipId] = [
      uuidv7(),
      uuidv7(),
      uuidv7(),
      uuidv7(),
      uuidv7(),
      uuidv7(),
    ];
    const registration = visitRegistered(movedId, '08:00');
    storeAsOlderHub(
      old,
      [
        visitRegistered(visitId, '08:00', { serviceDate: '2026-11-21' }),
        // A record request whose visit the store never got: it places the visit meanwhile.
        eventAt('slip.requested', slipId, '08:01', {
          slipNo: 'BON-PD1-261122-001',
          visitId: requestedId,
          patientId: uuidv7(),
          mrn: '204455',
          poliCode: 'ANA',
          serviceDate: '2026-11-22',
          automatic: true,
        }),
        sampleEvent('assessment.signed', assessmentId, { visitId }),
        registration,
        // The request came after the registration: the registration keeps its place.
        sampleEvent('slip.requested', laterSlipId, { visitId: movedId }),
        // A correcting registration moves the visit to Poli Anak.
        {
          ...visitRegistered(movedId, '08:05', { poliCode: 'ANA', doctorCode: 'D010' }),
          corrects: registration.id,
        },
      ],
      'd1',
    );
    old.close();

    const db = openHubDatabase(file);
    expect(db.prepare('SELECT profile_kind, profile_polis, profile_version FROM devices').get()).toEqual({
      profile_kind: 'full',
      profile_polis: null,
      profile_version: 0,
    });
    const scopes = Object.fromEntries(
      db
        .prepare<[], { visit_id: string; poli_code: string; service_date: string }>(
          'SELECT visit_id, poli_code, service_date FROM visit_scopes',
        )
        .all()
        .map((row) => [row.visit_id, [row.poli_code, row.service_date]]),
    );
    expect(scopes).toEqual({
      [visitId]: ['UMU', '2026-11-21'],
      [requestedId]: ['ANA', '2026-11-22'],
      [movedId]: ['ANA', '2026-11-22'],
    });
    const belongs = Object.fromEntries(
      db
        .prepare<[], { entity_id: string; visit_id: string }>('SELECT entity_id, visit_id FROM entity_visits')
        .all()
        .map((row) => [row.entity_id, row.visit_id]),
    );
    expect(belongs).toEqual({
      [visitId]: visitId,
      [slipId]: requestedId,
      [assessmentId]: visitId,
      [movedId]: movedId,
      [laterSlipId]: movedId,
    });
    db.close();
  });

  it('rolls back a failing migration entirely', () => {
    const file = tempFile();
    openHubDatabase(file).close();
    const broken = [
      ...MIGRATIONS,
      { version: 97, name: 'broken', sql: 'CREATE TABLE half (x); SELECT nope FROM nowhere;' },
    ];
    expect(() => openHubDatabase(file, broken)).toThrow();
    const db = openHubDatabase(file);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });
});
