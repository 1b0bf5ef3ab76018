import { describe, expect, it } from 'vitest';
import { importDataKeys, newDataKeyMaterial } from '@/lib/crypto/dataKeys';
import { aeadEncrypt } from '@/lib/crypto/aead';
import { fromBase64Url, utf8 } from '@/lib/crypto/encoding';
import { IntegrityError } from '@/lib/crypto/errors';
import { createSession } from '@/session';
import {
  encryptAtRest,
  encryptedCodec,
  findPatients,
  getCodec,
  getPatient,
  hubTokens,
  isLocked,
  loadDeviceIdentity,
  loadDraft,
  loadHubCredentials,
  plainCodec,
  readJournal,
  readMeta,
  registerVisit,
  saveDeviceIdentity,
  saveDraft,
  saveHubCredentials,
  saveRuntimeConfig,
  setCodec,
  setCurrentActor,
  setCurrentSigners,
  visitsOfDay,
  type Encoded,
  type SiagaDb,
} from '@/storage';
import * as z from 'zod/mini';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { useTestDb } from '../dbTestUtils';
import { testActor, testSigners } from '../testAccounts';
import { ADMIN, clerkSession, CLERK, expectOk, resetSessionGlobals } from '../session/sessionFixture';
import { manualClock, NEW_PATIENT, registration, RETURNING } from './captureFixture';

const SLOW = { timeout: 60_000 };

/** What must never be readable in IndexedDB without the key. */
const SECRETS = [
  RETURNING.mrn!,
  RETURNING.nik!,
  NEW_PATIENT.nik!,
  'BUDI SANTOSO',
  'Budi Santoso',
  'SANTOSO',
  'AMINAH',
  'Aminah',
  RETURNING.birthDate!,
];

/** Every stored row of the tables that hold patient data, as IndexedDB has it. */
async function rawRows(db: SiagaDb) {
  const tables = ['journal', 'patients', 'visits', 'slips', 'assessments', 'drafts'] as const;
  return Object.fromEntries(
    await Promise.all(tables.map(async (table) => [table, await db.table(table).toArray()] as const)),
  ) as Record<(typeof tables)[number], Record<string, unknown>[]>;
}

function leakedSecrets(rows: unknown): string[] {
  const text = JSON.stringify(rows).toLowerCase();
  return SECRETS.filter((secret) => text.includes(secret.toLowerCase()));
}

/** IV (12 bytes) ‖ ciphertext, as record format 2 stores them. */
const IV_BYTES = 12;

/** The body with one bit of one byte flipped (the IV's first bytes, then the ciphertext's). */
function flipped(encoded: Encoded | undefined, at: number): Encoded {
  const body = aes(encoded);
  const bytes = body.bytes.slice();
  bytes[at] = bytes[at]! ^ 0x01;
  return { ...body, bytes };
}

/** An encrypted body as written now: record format 2, bytes. */
function aes(encoded: Encoded | undefined): Extract<Encoded, { f: 2 }> {
  if (encoded?.codec !== 'aes-gcm' || !('bytes' in encoded))
    throw new Error(`expected an encrypted body, got ${JSON.stringify(encoded)}`);
  return encoded;
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('encryption at rest', () => {
  const makeDb = useTestDb();
  resetSessionGlobals();

  it(
    'stores no name, NIK, MRN or birth date in the clear: journal, patient bodies and lookup keys',
    SLOW,
    async () => {
      const db = makeDb();
      await clerkSession(db);
      const clock = manualClock();
      const returning = expectOk(await registerVisit(db, registration(RETURNING), clock));
      const fresh = expectOk(await registerVisit(db, registration(NEW_PATIENT), clock));
      await saveDraft(db, returning.visitId, { complaint: 'BUDI SANTOSO batuk', nik: RETURNING.nik });

      const rows = await rawRows(db);
      expect(rows.journal.length).toBeGreaterThanOrEqual(5);
      expect(rows.patients).toHaveLength(2);
      expect(leakedSecrets(rows)).toEqual([]);
      for (const row of rows.journal) aes(row.event as Encoded);
      for (const table of ['patients', 'visits', 'slips', 'drafts'] as const)
        for (const row of rows[table]) expect(aes(row.body as Encoded).k).toBe(1);
      for (const row of rows.patients)
        for (const key of row.lookupKeys as string[]) expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);

      // Through the codec everything reads as captured, and lookups find the patients.
      expect((await getPatient(db, returning.patientId))?.name).toBe('BUDI SANTOSO');
      expect((await findPatients(db, { mrn: RETURNING.mrn! })).map((patient) => patient.id)).toEqual([
        returning.patientId,
      ]);
      expect((await findPatients(db, { nik: NEW_PATIENT.nik! })).map((patient) => patient.id)).toEqual([
        fresh.patientId,
      ]);
      expect(
        (await findPatients(db, { name: 'aminah siti', birthDate: NEW_PATIENT.birthDate! })).map(
          (patient) => patient.id,
        ),
      ).toEqual([fresh.patientId]);
      expect(await loadDraft(db, returning.visitId)).toMatchObject({
        values: { complaint: 'BUDI SANTOSO batuk' },
      });
    },
  );

  it(
    'rewrites a device used before accounts at its first sign-in: bodies, journal, drafts, hub token and blind-index lookup keys',
    SLOW,
    async () => {
      const db = makeDb();
      // Before accounts: plain codec, a person named on the device, no keys.
      await saveRuntimeConfig(db, DEMO_CONFIG, new Date('2026-11-22T00:00:00Z'));
      const device = await saveDeviceIdentity(db, 'PD1', new Date('2026-11-22T00:00:00Z'));
      setCodec(plainCodec);
      setCurrentActor(testActor('registration'));
      setCurrentSigners(testSigners('registration'));
      const clock = manualClock();
      const returning = expectOk(await registerVisit(db, registration(RETURNING), clock));
      const fresh = expectOk(await registerVisit(db, registration(NEW_PATIENT), clock));
      await saveDraft(db, returning.visitId, { complaint: 'BUDI SANTOSO batuk' });
      await saveHubCredentials(db, {
        token: { codec: 'plain', value: 'device-token-123' },
        hubId: 'hub-1',
        deviceCode: 'PD1',
        enrolledAt: '2026-11-21T00:00:00Z',
      });
      const eventsBefore = await readJournal(db, plainCodec);
      const before = await rawRows(db);
      // The test can fail: all of it is readable now.
      expect(leakedSecrets(before)).toEqual(SECRETS);
      expect(before.patients.flatMap((row) => row.lookupKeys as string[])).toContain(`mrn:${RETURNING.mrn}`);
      setCurrentActor(undefined);
      setCurrentSigners(undefined);

      const session = createSession({ db });
      await session.start();
      expect(session.store.getState()).toEqual({ status: 'setUp', existingDeviceCode: 'PD1' });
      expectOk(await session.setUpDevice(ADMIN));
      expect(session.store.getState().status).toBe('unlocked');

      const after = await rawRows(db);
      expect(leakedSecrets(after)).toEqual([]);
      expect(after.journal).toHaveLength(before.journal.length + 1); // + the admin's account
      for (const row of after.journal) aes(row.event as Encoded);
      for (const table of ['patients', 'visits', 'slips', 'drafts'] as const) {
        expect(after[table]).toHaveLength(before[table].length);
        for (const row of after[table]) aes(row.body as Encoded);
      }
      for (const row of after.patients)
        for (const key of row.lookupKeys as string[]) expect(key).not.toMatch(/^(mrn|nik|tmp|nd):/);
      // Same device, same order, same events.
      expect(after.journal.map((row) => [row.id, row.localSeq, row.syncState])).toEqual(
        expect.arrayContaining(before.journal.map((row) => [row.id, row.localSeq, row.syncState])),
      );
      expect((await readJournal(db)).slice(0, eventsBefore.length)).toEqual(eventsBefore);
      expect(await loadDeviceIdentity(db)).toEqual(device);

      // Lookups go through the blind index now and still find both patients.
      expect((await findPatients(db, { mrn: RETURNING.mrn! })).map((patient) => patient.name)).toEqual([
        'BUDI SANTOSO',
      ]);
      expect((await findPatients(db, { nik: RETURNING.nik! })).map((patient) => patient.id)).toEqual([
        returning.patientId,
      ]);
      expect((await findPatients(db, { nik: NEW_PATIENT.nik! })).map((patient) => patient.id)).toEqual([
        fresh.patientId,
      ]);
      expect(
        (await findPatients(db, { tempNumber: fresh.tempNumber! })).map((patient) => patient.id),
      ).toEqual([fresh.patientId]);
      expect(await loadDraft(db, returning.visitId)).toMatchObject({
        values: { complaint: 'BUDI SANTOSO batuk' },
      });
      expect((await loadHubCredentials(db))?.token).toMatchObject({ codec: 'aes-gcm' });
      expect(await hubTokens(db)).toEqual({ push: 'device-token-123', pull: 'device-token-123' });

      // Once only.
      expect(await readMeta(db, 'encryptedAtRest', z.boolean())).toBe(true);
      expect(await encryptAtRest(db, getCodec())).toBe(0);
    },
  );

  it('finishes a rewrite left half-way at the next passphrase sign-in', SLOW, async () => {
    const db = makeDb();
    const { session } = await clerkSession(db);
    // Rows still in the clear (a tab closed during the rewrite), and the rewrite not marked done.
    const keyed = getCodec();
    setCodec(plainCodec);
    const plain = expectOk(await registerVisit(db, registration(RETURNING), manualClock()));
    setCodec(keyed);
    await db.meta.delete('encryptedAtRest');
    expect(leakedSecrets(await rawRows(db))).not.toEqual([]);
    await session.signOut();
    expect(isLocked()).toBe(true);

    expectOk(await session.signIn(CLERK.username, CLERK.passphrase));
    expect(leakedSecrets(await rawRows(db))).toEqual([]);
    expect((await findPatients(db, { mrn: RETURNING.mrn! })).map((patient) => patient.id)).toEqual([
      plain.patientId,
    ]);
    expect(await readMeta(db, 'encryptedAtRest', z.boolean())).toBe(true);
  });
});

describe('encrypted records: integrity', () => {
  const makeDb = useTestDb();
  resetSessionGlobals();

  async function capturedDevice(db: SiagaDb) {
    await clerkSession(db);
    const clock = manualClock();
    const returning = expectOk(await registerVisit(db, registration(RETURNING), clock));
    const fresh = expectOk(await registerVisit(db, registration(NEW_PATIENT), clock));
    return { returning, fresh };
  }

  it(
    'reports one flipped byte of a stored ciphertext or IV as an IntegrityError, never as garbage',
    SLOW,
    async () => {
      const db = makeDb();
      const { returning } = await capturedDevice(db);
      const original = (await db.patients.get(returning.patientId))!;

      await db.patients.put({ ...original, body: flipped(original.body, IV_BYTES + 5) });
      const error = await caught(getPatient(db, returning.patientId));
      expect(error).toBeInstanceOf(IntegrityError);
      expect((error as IntegrityError).where).toBe(`patients|${returning.patientId}|k1|f2`);
      expect(leakedSecrets((error as Error).message)).toEqual([]);
      // Every read that meets the row fails the same way, lookups and lists included.
      await expect(findPatients(db, { mrn: RETURNING.mrn! })).rejects.toBeInstanceOf(IntegrityError);
      await expect(visitsOfDay(db, '2026-11-22', 'UMU')).rejects.toBeInstanceOf(IntegrityError);

      await db.patients.put({ ...original, body: flipped(original.body, 0) });
      await expect(getPatient(db, returning.patientId)).rejects.toBeInstanceOf(IntegrityError);

      // A forged body in the clear is no way around it once the device is encrypted.
      await db.patients.put({
        ...original,
        body: { codec: 'plain', value: { ...RETURNING, name: 'PALSU' } },
      });
      const forgedError = await caught(getPatient(db, returning.patientId));
      expect(forgedError).toBeInstanceOf(IntegrityError);
      expect((forgedError as IntegrityError).where).toBe(`patients|${returning.patientId}|plain`);

      // The untouched row reads again: the change was the cause.
      await db.patients.put(original);
      expect((await getPatient(db, returning.patientId))?.name).toBe('BUDI SANTOSO');

      const event = (await db.journal.get(returning.events[0]!.id))!;
      await db.journal.put({ ...event, event: flipped(event.event, IV_BYTES + 20) });
      const journalError = await caught(readJournal(db));
      expect(journalError).toBeInstanceOf(IntegrityError);
      expect((journalError as IntegrityError).where).toBe(`journal|${event.id}|k1|f2`);
    },
  );

  it('reads records written as base64url text (format 1) and refuses one relabelled as bytes', async () => {
    const keys = await importDataKeys(newDataKeyMaterial(), 1);
    const codec = encryptedCodec(keys);
    const context = { table: 'patients', id: 'p-1' };
    const value = { name: 'BUDI SANTOSO' };
    const box = await aeadEncrypt(keys.encryption, utf8(JSON.stringify(value)), 'patients|p-1|k1|f1');
    expect(await codec.decode({ codec: 'aes-gcm', k: 1, ...box }, context)).toEqual(value);

    const bytes = new Uint8Array([...fromBase64Url(box.iv), ...fromBase64Url(box.ct)]);
    const relabelled = caught(codec.decode({ codec: 'aes-gcm', k: 1, f: 2, bytes }, context));
    expect(await relabelled).toBeInstanceOf(IntegrityError);
    // Written now: bytes, a quarter smaller than the same record as text.
    const written = aes(await codec.encode(value, context));
    expect(written.bytes.byteLength).toBe(bytes.byteLength);
    expect(written.bytes.byteLength).toBeLessThan(box.iv.length + box.ct.length);
  });

  it(
    'refuses a body under another key version, on another record, or from another device',
    SLOW,
    async () => {
      const db = makeDb();
      const { returning, fresh } = await capturedDevice(db);
      const budi = (await db.patients.get(returning.patientId))!;
      const siti = (await db.patients.get(fresh.patientId))!;

      // The key version is part of the associated data.
      await db.patients.put({ ...budi, body: { ...aes(budi.body), k: 2 } });
      const versionError = await caught(getPatient(db, budi.id));
      expect(versionError).toBeInstanceOf(IntegrityError);
      expect((versionError as IntegrityError).where).toBe(`patients|${budi.id}|k2|f2`);

      // Two rows' bodies swapped: neither shows the other patient.
      await db.patients.bulkPut([
        { ...budi, body: siti.body },
        { ...siti, body: budi.body },
      ]);
      await expect(getPatient(db, budi.id)).rejects.toBeInstanceOf(IntegrityError);
      await expect(getPatient(db, siti.id)).rejects.toBeInstanceOf(IntegrityError);

      // A body moved to another table under the same id does not open either.
      const visit = (await db.visits.get(returning.visitId))!;
      await expect(
        getCodec().decode(visit.body, { table: 'patients', id: returning.visitId }),
      ).rejects.toBeInstanceOf(IntegrityError);

      // Another device's key.
      await db.patients.bulkPut([budi, siti]);
      const stranger = encryptedCodec(await importDataKeys(newDataKeyMaterial(), 1));
      await expect(stranger.decode(budi.body, { table: 'patients', id: budi.id })).rejects.toBeInstanceOf(
        IntegrityError,
      );
      expect(await findPatients(db, { mrn: RETURNING.mrn! }, stranger)).toEqual([]);
      // And the right key still reads both.
      expect((await getPatient(db, budi.id))?.name).toBe('BUDI SANTOSO');
      expect((await getPatient(db, siti.id))?.name).toBe('SITI AMINAH');
    },
  );
});
