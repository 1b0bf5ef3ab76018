import type { Patient } from '@/domain';
import type { Encoded, StorageCodec } from './codec';
import { decodeJournalRows } from './appendEvents';
import { journalIn, type SiagaDb } from './db';
import { hubSealingKey, sealEvent } from './hubSeal';
import { withJournalLock } from './journalLock';
import { readMeta, writeMeta } from './meta';
import { patientLookupKeys } from './projectionRows';
import { loadHubCredentials, saveHubCredentials, TOKEN_CONTEXT } from './syncStore';
import * as z from 'zod/mini';

const DONE_KEY = 'encryptedAtRest';
const BATCH = 200;

type BodyTable = 'patients' | 'visits' | 'slips' | 'assessments' | 'drafts' | 'incidents' | 'downtimeLogs';

/**
 * Rewrites every record still in the clear (written before this device had keys) with the
 * encrypted codec, and every lookup key as a blind index. Runs once, at the first sign-in after
 * the update; new writes are encrypted from then on. Under the journal lock, batch by batch, so
 * nothing is captured in between and a tab closed half-way resumes on the next sign-in.
 */
export async function encryptAtRest(db: SiagaDb, codec: StorageCodec): Promise<number> {
  if (await readMeta(db, DONE_KEY, z.boolean())) return 0;
  return withJournalLock(async () => {
    let rewritten = 0;
    for (const table of [
      'patients',
      'visits',
      'slips',
      'assessments',
      'drafts',
      'incidents',
      'downtimeLogs',
    ] as const)
      rewritten += await encryptTable(db, table, codec);
    rewritten += await encryptJournal(db, codec);
    const credentials = await loadHubCredentials(db);
    if (credentials?.token.codec === 'plain') {
      const token = await codec.decode(credentials.token, TOKEN_CONTEXT);
      await saveHubCredentials(db, { ...credentials, token: await codec.encode(token, TOKEN_CONTEXT) });
    }
    await writeMeta(db, DONE_KEY, true);
    return rewritten;
  });
}

/** Marks a device that never held plain records (set up with keys from the start). */
export function markEncryptedAtRest(db: SiagaDb): Promise<void> {
  return writeMeta(db, DONE_KEY, true);
}

async function encryptTable(db: SiagaDb, name: BodyTable, codec: StorageCodec): Promise<number> {
  const table = db.table<{ id: string; body: Encoded; lookupKeys?: string[] }, string>(name);
  const plain = await table.filter((row) => row.body.codec === 'plain').toArray();
  for (let start = 0; start < plain.length; start += BATCH) {
    const rows = await Promise.all(
      plain.slice(start, start + BATCH).map(async (row) => {
        const context = { table: name, id: row.id };
        const value = await codec.decode(row.body, context);
        const body = await codec.encode(value, context);
        return name === 'patients'
          ? { ...row, body, lookupKeys: await patientLookupKeys(value as Patient, codec) }
          : { ...row, body };
      }),
    );
    await db.transaction('rw', table, () => table.bulkPut(rows));
  }
  return plain.length;
}

async function encryptJournal(db: SiagaDb, codec: StorageCodec): Promise<number> {
  const plain = (await db.journal.filter((row) => row.event?.codec === 'plain').toArray()).flatMap((row) =>
    row.event ? [{ ...row, event: row.event }] : [],
  );
  for (let start = 0; start < plain.length; start += BATCH) {
    const rows = await Promise.all(
      plain.slice(start, start + BATCH).map(async (row) => {
        const context = { table: 'journal', id: row.id };
        return { ...row, event: await codec.encode(await codec.decode(row.event, context), context) };
      }),
    );
    await db.transaction('rw', db.journal, () => db.journal.bulkPut(rows));
  }
  return plain.length;
}

/**
 * Seals pending events made before the hub's key was known (before enrollment), so they too can
 * be sent while the device is locked [P20].
 */
export async function sealPendingEvents(db: SiagaDb, codec: StorageCodec): Promise<number> {
  const hubKey = await hubSealingKey(db);
  if (!hubKey) return 0;
  const unsealed = await journalIn(db, 'pending')
    .filter((row) => !row.sealed)
    .toArray();
  for (let start = 0; start < unsealed.length; start += BATCH) {
    const slice = unsealed.slice(start, start + BATCH);
    const events = await decodeJournalRows(slice, codec);
    const sealed = new Map(
      await Promise.all(events.map(async (event) => [event.id, await sealEvent(hubKey, event)] as const)),
    );
    await db.transaction('rw', db.journal, async () => {
      for (const row of slice) {
        const box = sealed.get(row.id);
        if (box) await db.journal.where('id').equals(row.id).modify({ sealed: box });
      }
    });
  }
  return unsealed.length;
}
