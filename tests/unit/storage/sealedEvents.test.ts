import { describe, expect, it } from 'vitest';
import { sealedEventAad, type DomainEvent } from '@/domain';
import { fromUtf8 } from '@/lib/crypto/encoding';
import { IntegrityError } from '@/lib/crypto/errors';
import { exportPublicKey, generateSealingKeyPair, openSealed, type SealedBox } from '@/lib/crypto/sealedBox';
import { uuidv7 } from '@/lib/ids';
import {
  appendEvents,
  getCodec,
  pendingPage,
  readJournal,
  recordAudit,
  registerVisit,
  saveHubCredentials,
  TOKEN_CONTEXT,
  type SiagaDb,
} from '@/storage';
import { useTestDb } from '../dbTestUtils';
import { accountActions } from '@/session/accounts';
import {
  ADMIN,
  clerkSession,
  CLERK,
  expectOk,
  resetSessionGlobals,
  setUpSession,
} from '../session/sessionFixture';
import { manualClock, NEW_PATIENT, registration, RETURNING } from './captureFixture';
import { journalIn } from '@/storage';

const SLOW = { timeout: 60_000 };

/** The hub's sealing key pair; the device learns only the public half, at enrollment. */
async function hubKeys() {
  const pair = await generateSealingKeyPair();
  return { privateKey: pair.privateKey, publicKey: await exportPublicKey(pair.publicKey) };
}

async function enroll(db: SiagaDb, hubPublicKey: string): Promise<void> {
  await saveHubCredentials(db, {
    token: await getCodec().encode('device-token', TOKEN_CONTEXT),
    pushToken: 'push-token',
    hubPublicKey,
    hubId: 'hub-1',
    deviceCode: 'PD1',
    enrolledAt: '2026-11-21T00:00:00Z',
  });
}

async function openAsHub(privateKey: CryptoKey, eventId: string, box: SealedBox): Promise<DomainEvent> {
  return JSON.parse(fromUtf8(await openSealed(privateKey, box, sealedEventAad(eventId)))) as DomainEvent;
}

describe('events sealed to the hub', () => {
  const makeDb = useTestDb();
  resetSessionGlobals();

  it(
    'seals every event made here to the hub key; the hub’s private key opens each to the same event',
    SLOW,
    async () => {
      const db = makeDb();
      await clerkSession(db);
      const hub = await hubKeys();
      await enroll(db, hub.publicKey);

      const plan = expectOk(await registerVisit(db, registration(RETURNING), manualClock()));
      expect(plan.events).toHaveLength(3);
      const stored = new Map((await readJournal(db)).map((event) => [event.id, event]));
      for (const made of plan.events) {
        const row = (await db.journal.get(made.id))!;
        expect(row).toMatchObject({ syncState: 'pending', origin: 'local' });
        expect(row.sealed).toEqual({
          epk: expect.any(String),
          iv: expect.any(String),
          ct: expect.any(String),
        });
        const opened = await openAsHub(hub.privateKey, made.id, row.sealed!);
        expect(opened).toEqual(stored.get(made.id));
        expect(opened).toEqual(JSON.parse(JSON.stringify(made)));
        // The sealed copy is no plain text either.
        expect(JSON.stringify(row.sealed)).not.toContain(RETURNING.nik);
      }

      // A box opens only as the event it was sealed for, and only with the hub's key.
      const [first, second] = plan.events;
      const firstBox = (await db.journal.get(first!.id))!.sealed!;
      await expect(openAsHub(hub.privateKey, second!.id, firstBox)).rejects.toBeInstanceOf(IntegrityError);
      const impostor = await hubKeys();
      await expect(openAsHub(impostor.privateKey, first!.id, firstBox)).rejects.toBeInstanceOf(
        IntegrityError,
      );
    },
  );

  it('seals imported events but not pulled ones (the hub has those already)', SLOW, async () => {
    const db = makeDb();
    const { clerkId } = await clerkSession(db);
    const hub = await hubKeys();
    await enroll(db, hub.publicKey);
    const signIn = (await readJournal(db)).find(
      (event) => event.type === 'audit.recorded' && event.actor.userId === clerkId,
    )!;
    const copy = (): DomainEvent => ({ ...signIn, id: uuidv7(), entityId: uuidv7() });
    const pulled = copy();
    const imported = copy();

    expect((await appendEvents(db, [pulled], { origin: 'remote' })).appended).toHaveLength(1);
    expect((await appendEvents(db, [imported], { origin: 'import' })).appended).toHaveLength(1);
    const pulledRow = (await db.journal.get(pulled.id))!;
    expect(pulledRow).toMatchObject({ syncState: 'acked', origin: 'remote' });
    expect(pulledRow.sealed).toBeUndefined();
    const importedRow = (await db.journal.get(imported.id))!;
    expect(importedRow).toMatchObject({ syncState: 'pending', origin: 'import' });
    expect(await openAsHub(hub.privateKey, imported.id, importedRow.sealed!)).toEqual(imported);
  });

  it('seals events made before enrollment at the next unlock, pending ones only', SLOW, async () => {
    const db = makeDb();
    const { session } = await clerkSession(db);
    const clock = manualClock();
    const early = expectOk(await registerVisit(db, registration(RETURNING), clock));
    const alreadySent = expectOk(await registerVisit(db, registration(NEW_PATIENT), clock));
    expect((await db.journal.toArray()).every((row) => row.sealed === undefined)).toBe(true);
    for (const event of alreadySent.events) await db.journal.update(event.id, { syncState: 'acked' });

    const hub = await hubKeys();
    await enroll(db, hub.publicKey);
    await session.lock('manual');
    await session.signIn(CLERK.username, CLERK.passphrase);
    expect(session.store.getState().status).toBe('unlocked');

    const events = new Map((await readJournal(db)).map((event) => [event.id, event]));
    for (const made of early.events) {
      const row = (await db.journal.get(made.id))!;
      expect(row.syncState).toBe('pending');
      expect(await openAsHub(hub.privateKey, made.id, row.sealed!)).toEqual(events.get(made.id));
    }
    for (const made of alreadySent.events) expect((await db.journal.get(made.id))!.sealed).toBeUndefined();
    // Every pending event can now leave while the device is locked.
    const pending = await journalIn(db, 'pending').toArray();
    expect(pending.length).toBeGreaterThan(early.events.length);
    expect(pending.filter((row) => !row.sealed)).toEqual([]);
  });
});

describe('what a locked device sends', () => {
  const makeDb = useTestDb();
  resetSessionGlobals();

  it('sends sealed events but holds account changes back until someone signs in [P34]', SLOW, async () => {
    const db = makeDb();
    const { session } = await setUpSession(db);
    await enroll(db, (await hubKeys()).publicKey);
    const created = expectOk(await accountActions(db, session).createUser(CLERK));
    expectOk(await recordAudit(db, { action: 'printed', document: 'ticket' }));
    const typeOf = async (id: string) => (await db.journal.get(id))?.type;

    await session.lock('manual');
    const locked = await pendingPage(db, 0, 100);
    const lockedTypes = await Promise.all(locked.items.map((item) => typeOf(item.id)));
    expect(lockedTypes).toContain('audit.recorded');
    expect(lockedTypes.filter((type) => type?.startsWith('user.'))).toEqual([]);
    expect(locked.items.every((item) => 'sealed' in item)).toBe(true);

    expectOk(await session.signIn(ADMIN.username, ADMIN.passphrase));
    const unlocked = await pendingPage(db, 0, 100);
    const sentIds = unlocked.items.map((item) => item.id);
    const userRows = await db.journal.where('entityId').equals(created.userId).primaryKeys();
    expect(userRows.length).toBeGreaterThan(0);
    for (const id of userRows) expect(sentIds).toContain(id);
  });
});
