import { describe, expect, it } from 'vitest';
import { Reason } from '@/domain';
import { openWithPassphrase } from '@/lib/crypto/passphrase';
import { createSession, MAX_PIN_TRIES, type KeyRelease } from '@/session';
import { accountActions } from '@/session/accounts';
import {
  currentActor,
  DeviceLockedError,
  findPatients,
  getCodec,
  getPatient,
  isLocked,
  loadDeviceIdentity,
  loadKeyring,
  readJournal,
  readMeta,
  registerVisit,
  updateKeyring,
  wrapAad,
  type SiagaDb,
} from '@/storage';
import * as z from 'zod/mini';
import { useTestDb } from '../dbTestUtils';
import { manualClock, registration, RETURNING } from '../storage/captureFixture';
import {
  ADMIN,
  CLERK,
  clerkSession,
  expectOk,
  resetSessionGlobals,
  sessionClock,
  setUpSession,
  startedSession,
} from './sessionFixture';
import { journalIn } from '@/storage';

const PIN = '482915';
/** Each sign-in derives a key from the passphrase (600,000 PBKDF2 rounds): give tests time. */
const SLOW = { timeout: 60_000 };

async function journalTypes(db: SiagaDb): Promise<string[]> {
  return (await db.journal.orderBy('localSeq').toArray()).map((row) => row.type);
}

async function throttleEntries(db: SiagaDb) {
  return readMeta(
    db,
    'signInThrottle',
    z.record(z.string(), z.object({ failures: z.number(), until: z.number() })),
  );
}

describe('session: device set-up', () => {
  const makeDb = useTestDb();
  resetSessionGlobals();

  it(
    'creates the device identity, a key ring wrapped by the admin passphrase and the admin account, and ends unlocked',
    SLOW,
    async () => {
      const db = makeDb();
      const session = await startedSession(db);
      expect(session.store.getState()).toEqual({ status: 'setUp', existingDeviceCode: undefined });
      expect(isLocked()).toBe(true);

      const admin = expectOk(await session.setUpDevice(ADMIN));
      expect(admin).toMatchObject({
        username: ADMIN.username,
        displayName: ADMIN.displayName,
        role: 'admin',
      });
      expect(session.store.getState()).toEqual({ status: 'unlocked', user: admin });
      expect(session.currentUser()).toEqual(admin);
      expect(currentActor()).toEqual({ userId: admin.userId, name: ADMIN.displayName, role: 'admin' });

      const device = await loadDeviceIdentity(db);
      expect(device).toMatchObject({ deviceCode: 'PD1' });
      const keyring = await loadKeyring(db);
      expect(keyring).toMatchObject({ keyVersion: 1, pins: {} });
      expect(Object.keys(keyring!.wraps)).toEqual([admin.userId]);
      // The wrap opens with the admin's passphrase to the very key the session holds.
      const unwrapped = await openWithPassphrase(
        keyring!.wraps[admin.userId]!,
        ADMIN.passphrase,
        wrapAad(device!.deviceId, admin.userId, 1),
      );
      const held = await session.withDataKey(async (raw) => raw.slice());
      expect(held).toHaveLength(64);
      expect(unwrapped).toEqual(held);

      expect(await db.users.get(admin.userId)).toMatchObject({
        username: ADMIN.username,
        role: 'admin',
        active: true,
        createdOn: 'PD1',
      });
      expect(await journalTypes(db)).toEqual(['user.created']);
      // The storage codec is the encrypted one now.
      expect(isLocked()).toBe(false);
      expect(await getCodec().encode({ a: 1 }, { table: 't', id: '1' })).toMatchObject({
        codec: 'aes-gcm',
        k: 1,
      });
      expect(await readMeta(db, 'encryptedAtRest', z.boolean())).toBe(true);

      // Opening the app again: keys exist, so someone signs in (no second set-up).
      const reopened = createSession({ db });
      await reopened.start();
      expect(reopened.store.getState()).toEqual({ status: 'signedOut' });
      expect(isLocked()).toBe(true);
    },
  );

  it(
    'has stored the admin account by the time the workspace shows (a reload then can sign in)',
    SLOW,
    async () => {
      const db = makeDb();
      const session = await startedSession(db);
      const seenWhenUnlocked: unknown[] = [];
      session.store.subscribe((state) => {
        if (state.status === 'unlocked')
          seenWhenUnlocked.push(db.users.where('username').equals(ADMIN.username).count());
      });
      expectOk(await session.setUpDevice(ADMIN));
      expect(await Promise.all(seenWhenUnlocked)).toEqual([1]);
    },
  );

  it('refuses a weak passphrase and stores nothing', async () => {
    const db = makeDb();
    const session = await startedSession(db);
    const refused = await session.setUpDevice({ ...ADMIN, passphrase: 'short' });
    expect(refused).toEqual({ ok: false, error: Reason.PassphraseTooShort });
    expect(await loadKeyring(db)).toBeUndefined();
    expect(await loadDeviceIdentity(db)).toBeUndefined();
    expect(session.store.getState().status).toBe('setUp');
  });
  it(
    'refuses a username that could never sign in, and stores the one given in sign-in form',
    SLOW,
    async () => {
      const db = makeDb();
      const session = await startedSession(db);
      expect(await session.setUpDevice({ ...ADMIN, username: 'x' })).toEqual({
        ok: false,
        error: Reason.UsernameFormat,
      });
      expect(await loadKeyring(db)).toBeUndefined();
      expect(await loadDeviceIdentity(db)).toBeUndefined();

      const admin = expectOk(await session.setUpDevice({ ...ADMIN, username: ' Dewi.IT ' }));
      expect(admin.username).toBe(ADMIN.username);
      expect(await db.users.get(admin.userId)).toMatchObject({ username: ADMIN.username });
      await session.signOut();
      expect(expectOk(await session.signIn('dewi.it', ADMIN.passphrase))).toEqual(admin);
    },
  );

  it('sets a device up once: a stale set-up screen cannot replace the key', SLOW, async () => {
    const db = makeDb();
    const stale = await startedSession(db);
    const { session, adminId } = await setUpSession(db);
    const keyring = await loadKeyring(db);
    const device = await loadDeviceIdentity(db);
    await session.signOut();

    expect(stale.store.getState().status).toBe('setUp');
    expect(await stale.setUpDevice({ ...ADMIN, deviceCode: 'PD9', username: 'other.it' })).toEqual({
      ok: false,
      error: Reason.NotPermitted,
    });
    expect(await loadKeyring(db)).toEqual(keyring);
    expect(await loadDeviceIdentity(db)).toEqual(device);
    expect(expectOk(await stale.signIn(ADMIN.username, ADMIN.passphrase)).userId).toBe(adminId);
  });
});

describe('session: sign-in with a passphrase', () => {
  const makeDb = useTestDb();
  resetSessionGlobals();

  it(
    'fails clearly on a wrong passphrase, makes growing waits after 3 failures that survive a reload, and a correct passphrase then clears them',
    SLOW,
    async () => {
      const db = makeDb();
      const clock = sessionClock();
      const { session } = await setUpSession(db, { now: clock.now });
      await session.signOut();
      const wrong = 'kuda lumping berlari sore';

      expect(await session.signIn(ADMIN.username, wrong)).toEqual({
        ok: false,
        error: { reason: 'wrongPassphrase' },
      });
      expect(await session.signIn(ADMIN.username, wrong)).toEqual({
        ok: false,
        error: { reason: 'wrongPassphrase' },
      });
      expect(await session.signIn(ADMIN.username, wrong)).toEqual({
        ok: false,
        error: { reason: 'wait', waitMs: 1_000 },
      });
      expect(session.store.getState().status).toBe('signedOut');
      expect(isLocked()).toBe(true);

      // While waiting even the right passphrase is not tried.
      clock.advance(400);
      expect(await session.signIn(ADMIN.username, ADMIN.passphrase)).toEqual({
        ok: false,
        error: { reason: 'wait', waitMs: 600 },
      });
      expect(session.store.getState().status).toBe('signedOut');

      clock.advance(600);
      expect(await session.signIn(ADMIN.username, wrong)).toEqual({
        ok: false,
        error: { reason: 'wait', waitMs: 2_000 },
      });
      clock.advance(2_000);
      // The same person, typed differently.
      expect(await session.signIn(' Dewi.IT ', wrong)).toEqual({
        ok: false,
        error: { reason: 'wait', waitMs: 4_000 },
      });
      expect((await throttleEntries(db))?.[ADMIN.username]).toMatchObject({ failures: 5 });

      // A reload does not reset the wait.
      const reloaded = await startedSession(db, { now: clock.now });
      expect(await reloaded.signIn(ADMIN.username, ADMIN.passphrase)).toEqual({
        ok: false,
        error: { reason: 'wait', waitMs: 4_000 },
      });

      clock.advance(4_000);
      const user = expectOk(await reloaded.signIn(ADMIN.username, ADMIN.passphrase));
      expect(user).toMatchObject({ username: ADMIN.username, role: 'admin' });
      expect(reloaded.store.getState()).toEqual({ status: 'unlocked', user });
      expect((await throttleEntries(db))?.[ADMIN.username]).toBeUndefined();

      // Failures start from zero again.
      await reloaded.signOut();
      expect(await reloaded.signIn(ADMIN.username, wrong)).toEqual({
        ok: false,
        error: { reason: 'wrongPassphrase' },
      });
      expect((await throttleEntries(db))?.[ADMIN.username]).toMatchObject({ failures: 1 });
    },
  );

  it('records every sign-in as an audit entry by the person who signed in', SLOW, async () => {
    const db = makeDb();
    const { session, adminId } = await setUpSession(db);
    await session.signOut();
    expectOk(await session.signIn(ADMIN.username, ADMIN.passphrase));
    const audits = (await readJournal(db)).filter((event) => event.type === 'audit.recorded');
    expect(audits.map((event) => [event.payload, event.actor.userId])).toEqual([
      [{ action: 'signed_out' }, adminId],
      [{ action: 'signed_in' }, adminId],
    ]);
  });

  it(
    'asks for the hub when the username has no key on this device and no hub is configured',
    SLOW,
    async () => {
      const db = makeDb();
      const { session } = await setUpSession(db);
      await session.signOut();
      expect(await session.signIn('tidak.ada', 'apa saja boleh di sini')).toEqual({
        ok: false,
        error: { reason: 'hubNeeded' },
      });
      expect(session.store.getState().status).toBe('signedOut');
    },
  );

  it(
    'lets an account the admin created on this device sign in offline, with its own role',
    SLOW,
    async () => {
      const db = makeDb();
      const { session } = await setUpSession(db);
      const { userId } = expectOk(await accountActions(db, session).createUser(CLERK));
      expect(Object.keys((await loadKeyring(db))!.wraps)).toContain(userId);
      expect(await db.users.get(userId)).toMatchObject({ username: CLERK.username, active: true });
      await session.signOut();

      // No hub at all (no key release): the device's own wrap is enough.
      const offline = await startedSession(db);
      expect(await offline.signIn(CLERK.username, 'sate ayam pedas asin')).toEqual({
        ok: false,
        error: { reason: 'wrongPassphrase' },
      });
      const clerk = expectOk(await offline.signIn(CLERK.username, CLERK.passphrase));
      expect(clerk).toEqual({
        userId,
        username: CLERK.username,
        displayName: CLERK.displayName,
        role: 'registration',
      });
      expect(offline.store.getState()).toEqual({ status: 'unlocked', user: clerk });
      // What the clerk captures carries the clerk's name.
      const plan = expectOk(await registerVisit(db, registration(RETURNING), manualClock()));
      expect(
        plan.events.every((event) => event.actor.userId === userId && event.actor.role === 'registration'),
      ).toBe(true);
      // A clerk may not administer accounts.
      const wrapsBefore = Object.keys((await loadKeyring(db))!.wraps);
      const refused = await accountActions(db, offline).createUser({ ...CLERK, username: 'budi.x' });
      expect(!refused.ok && refused.error[0]?.reason).toBe(Reason.NotPermitted);
      expect(Object.keys((await loadKeyring(db))!.wraps)).toEqual(wrapsBefore);
    },
  );

  it(
    'keeps a deactivated account out: its key copy is destroyed, and a deactivation learnt from elsewhere also blocks the local key',
    SLOW,
    async () => {
      const db = makeDb();
      const { session, adminId } = await setUpSession(db);
      const accounts = accountActions(db, session);
      const { userId } = expectOk(await accounts.createUser(CLERK));
      const other = expectOk(
        await accounts.createUser({
          ...CLERK,
          displayName: 'Ani Perawat',
          username: 'ani.n',
          role: 'clinician',
        }),
      );
      // An admin cannot lock themselves out.
      expect(await accounts.deactivate(adminId)).toEqual({
        ok: false,
        error: [{ field: '', reason: Reason.NotPermitted }],
      });

      expectOk(await accounts.deactivate(userId));
      expect(await db.users.get(userId)).toMatchObject({ active: false });
      expect((await loadKeyring(db))!.wraps[userId]).toBeUndefined();
      expect((await loadKeyring(db))!.wraps[other.userId]).toBeDefined();

      // The deactivation of `ani.n` arrives as an event only (made on another device): the wrap is still here.
      const { recordUserChanged } = await import('@/storage');
      expectOk(await recordUserChanged(db, other.userId, { active: false }));
      expect((await loadKeyring(db))!.wraps[other.userId]).toBeDefined();
      await session.signOut();

      // Neither has a usable key here any more: only the hub could decide, and none is configured.
      expect(await session.signIn(CLERK.username, CLERK.passphrase)).toEqual({
        ok: false,
        error: { reason: 'hubNeeded' },
      });
      expect(await session.signIn('ani.n', CLERK.passphrase)).toEqual({
        ok: false,
        error: { reason: 'hubNeeded' },
      });
      expect(session.store.getState().status).toBe('signedOut');
      expect(isLocked()).toBe(true);

      // A hub that still released the key for an inactive account is not followed either.
      let released = 0;
      const release: KeyRelease = async () => {
        released += 1;
        return {
          ok: true,
          value: {
            user: {
              userId,
              username: CLERK.username,
              displayName: CLERK.displayName,
              role: 'registration',
              active: false,
            },
            rawKey: new Uint8Array(64),
          },
        };
      };
      const withHub = await startedSession(db, { release });
      expect(await withHub.signIn(CLERK.username, CLERK.passphrase)).toEqual({
        ok: false,
        error: { reason: 'wrongPassphrase' },
      });
      expect(released).toBe(1);
      expect(withHub.store.getState().status).toBe('signedOut');
      expect((await loadKeyring(db))!.wraps[userId]).toBeUndefined();
      // The admin still signs in.
      expectOk(await withHub.signIn(ADMIN.username, ADMIN.passphrase));
    },
  );
});

describe('session: lock, PIN and sign-out', () => {
  const makeDb = useTestDb();
  resetSessionGlobals();

  it(
    'drops the key at lock: no data key, no codec, stored rows unreadable; the PIN resumes',
    SLOW,
    async () => {
      const db = makeDb();
      const { session } = await clerkSession(db);
      const { patientId } = expectOk(await registerVisit(db, registration(RETURNING), manualClock()));
      expect(await session.setPin('123456')).toEqual({ ok: false, error: Reason.PinFormat });
      expectOk(await session.setPin(PIN));
      expect(Object.keys((await loadKeyring(db))!.pins)).toEqual([session.currentUser()!.userId]);

      await session.lock('manual');
      expect(session.store.getState()).toMatchObject({ status: 'locked', reason: 'manual', pin: true });
      expect(session.currentUser()).toBeUndefined();
      expect(currentActor()).toBeUndefined();
      expect(isLocked()).toBe(true);
      await expect(session.withDataKey(async () => 'never')).rejects.toThrow('Not signed in.');
      await expect(getPatient(db, patientId)).rejects.toBeInstanceOf(DeviceLockedError);
      await expect(findPatients(db, { mrn: RETURNING.mrn! })).rejects.toBeInstanceOf(DeviceLockedError);
      await expect(readJournal(db)).rejects.toBeInstanceOf(DeviceLockedError);
      // Nothing can be captured while locked, and a PIN cannot be changed.
      const blocked = await registerVisit(db, registration(RETURNING), manualClock());
      expect(blocked).toEqual({ ok: false, error: [{ field: '', reason: Reason.DeviceLocked }] });
      expect(await session.setPin('918273')).toEqual({ ok: false, error: Reason.DeviceLocked });
      // The rows themselves stay encrypted.
      expect((await db.patients.get(patientId))?.body).toMatchObject({ codec: 'aes-gcm' });

      expect(await session.resumeWithPin('000111')).toEqual({ ok: false, error: 'wrongPin' });
      expect(session.store.getState().status).toBe('locked');
      const resumed = expectOk(await session.resumeWithPin(PIN));
      expect(session.store.getState()).toEqual({ status: 'unlocked', user: resumed });
      expect((await getPatient(db, patientId))?.name).toBe('BUDI SANTOSO');
      expect(await session.withDataKey(async (raw) => raw.length)).toBe(64);
    },
  );

  it(
    `forces the passphrase after ${MAX_PIN_TRIES} wrong PINs; fewer are forgotten after a good one`,
    SLOW,
    async () => {
      const db = makeDb();
      const { session } = await setUpSession(db);
      expectOk(await session.setPin(PIN));

      await session.lock('idle');
      for (let attempt = 1; attempt < MAX_PIN_TRIES; attempt += 1)
        expect(await session.resumeWithPin('000111')).toEqual({ ok: false, error: 'wrongPin' });
      expectOk(await session.resumeWithPin(PIN));

      await session.lock('hidden');
      for (let attempt = 1; attempt < MAX_PIN_TRIES; attempt += 1)
        expect(await session.resumeWithPin('000111')).toEqual({ ok: false, error: 'wrongPin' });
      expect(await session.resumeWithPin('000111')).toEqual({ ok: false, error: 'pinExhausted' });
      expect(session.store.getState()).toMatchObject({ status: 'locked', reason: 'hidden', pin: false });
      // The right PIN no longer helps; the key is gone from memory.
      expect(await session.resumeWithPin(PIN)).toEqual({ ok: false, error: 'pinExhausted' });
      await expect(session.withDataKey(async () => 'never')).rejects.toThrow('Not signed in.');
      expect(isLocked()).toBe(true);

      const user = expectOk(await session.signIn(ADMIN.username, ADMIN.passphrase));
      expect(session.store.getState()).toEqual({ status: 'unlocked', user });
    },
  );

  it('needs the passphrase after a lock when no PIN is set', SLOW, async () => {
    const db = makeDb();
    const { session } = await setUpSession(db);
    await session.lock('idle');
    expect(session.store.getState()).toMatchObject({ status: 'locked', reason: 'idle', pin: false });
    expect(await session.resumeWithPin(PIN)).toEqual({ ok: false, error: 'pinExhausted' });
    await expect(session.withDataKey(async () => 'never')).rejects.toThrow('Not signed in.');
    expect(await session.signIn(ADMIN.username, 'bukan kata sandi ini')).toEqual({
      ok: false,
      error: { reason: 'wrongPassphrase' },
    });
    expect(session.store.getState().status).toBe('locked');
    expectOk(await session.signIn(ADMIN.username, ADMIN.passphrase));
    expect(session.store.getState().status).toBe('unlocked');
  });

  it(
    'signs out with an audit entry, keeps every pending event, and needs the passphrase again',
    SLOW,
    async () => {
      const db = makeDb();
      const { session, clerkId } = await clerkSession(db);
      expectOk(await session.setPin(PIN));
      const plan = expectOk(await registerVisit(db, registration(RETURNING), manualClock()));
      const before = await journalIn(db, 'pending').primaryKeys();
      expect(before).toEqual(expect.arrayContaining(plan.events.map((event) => event.id)));

      await session.signOut();
      expect(session.store.getState()).toEqual({ status: 'signedOut' });
      expect(isLocked()).toBe(true);
      expect(currentActor()).toBeUndefined();
      expect(await session.resumeWithPin(PIN)).toEqual({ ok: false, error: 'pinExhausted' });
      await expect(session.withDataKey(async () => 'never')).rejects.toThrow('Not signed in.');

      const rows = await db.journal.orderBy('localSeq').toArray();
      expect(rows.at(-1)).toMatchObject({ type: 'audit.recorded', syncState: 'pending' });
      const after = await journalIn(db, 'pending').primaryKeys();
      expect(after).toEqual(expect.arrayContaining(before));
      expect(after).toHaveLength(before.length + 1);

      expectOk(await session.signIn(CLERK.username, CLERK.passphrase));
      const signedOut = (await readJournal(db)).find((event) => event.id === rows.at(-1)!.id);
      expect(signedOut).toMatchObject({
        type: 'audit.recorded',
        payload: { action: 'signed_out' },
        actor: { userId: clerkId, role: 'registration' },
      });
      expect((await findPatients(db, { mrn: RETURNING.mrn! })).map((patient) => patient.name)).toEqual([
        'BUDI SANTOSO',
      ]);
    },
  );
});

describe('session: first sign-in through the hub', () => {
  const makeDb = useTestDb();
  resetSessionGlobals();

  const ANI = {
    userId: '01937f5e-0000-7000-8000-000000000abc',
    username: 'ani.n',
    displayName: 'Ani Perawat',
  };

  it(
    'takes the key the hub releases, keeps a wrap of it, and signs in offline the next time',
    SLOW,
    async () => {
      const db = makeDb();
      const { session } = await setUpSession(db);
      const deviceKey = await session.withDataKey(async (raw) => raw.slice());
      // An account made on another device: this one knows it from a pull, but holds no key copy for it.
      const { userId } = expectOk(
        await accountActions(db, session).createUser({
          displayName: ANI.displayName,
          username: ANI.username,
          role: 'clinician',
          passphrase: CLERK.passphrase,
        }),
      );
      // What the hub keeps of her signing key: the box made with her account [P34].
      const signing = (await loadKeyring(db))!.signers![userId]!;
      await updateKeyring(db, (keyring) => {
        const { [userId]: _dropped, ...wraps } = keyring.wraps;
        const { [userId]: _alsoDropped, ...signers } = keyring.signers ?? {};
        return { ...keyring, wraps, signers };
      });
      await session.signOut();
      expect(await session.signIn(ANI.username, CLERK.passphrase)).toEqual({
        ok: false,
        error: { reason: 'hubNeeded' },
      });

      const asked: string[] = [];
      let hubUp = true;
      const release: KeyRelease = async (username, passphrase) => {
        asked.push(username);
        if (!hubUp) return { ok: false, error: { failure: 'hubUnreachable' } };
        if (passphrase !== CLERK.passphrase) return { ok: false, error: { failure: 'wrongPassphrase' } };
        return {
          ok: true,
          value: {
            user: { ...ANI, userId, role: 'clinician', active: true },
            rawKey: deviceKey.slice(),
            signing,
          },
        };
      };
      const withHub = await startedSession(db, { release });
      expect(await withHub.signIn('Ani.N', 'bukan kata sandi ani')).toEqual({
        ok: false,
        error: { reason: 'wrongPassphrase' },
      });
      const ani = expectOk(await withHub.signIn('ani.n', CLERK.passphrase));
      expect(ani).toEqual({ ...ANI, userId, role: 'clinician' });
      expect(withHub.store.getState()).toEqual({ status: 'unlocked', user: ani });
      expect(Object.keys((await loadKeyring(db))!.wraps)).toContain(userId);
      expect((await loadKeyring(db))!.signers?.[userId]).toEqual(signing);
      expect(await withHub.withDataKey(async (raw) => raw.slice())).toEqual(deviceKey);

      await withHub.signOut();
      hubUp = false;
      expectOk(await withHub.signIn('ani.n', CLERK.passphrase));
      expect(asked).toEqual(['ani.n', 'ani.n']); // the third sign-in never asked the hub
    },
  );

  it(
    'refuses a released key that is not this device’s key with a clear failure and stores no wrap',
    SLOW,
    async () => {
      const db = makeDb();
      const { session, adminId } = await setUpSession(db);
      await session.signOut();
      // A real signing key box (the admin's, opened by the admin's passphrase) with a foreign data key.
      const signing = (await loadKeyring(db))!.signers![adminId]!;
      const release: KeyRelease = async () => ({
        ok: true,
        value: {
          user: { ...ANI, userId: adminId, role: 'clinician', active: true },
          rawKey: new Uint8Array(64).fill(7),
          signing,
        },
      });
      const withHub = await startedSession(db, { release });
      expect(await withHub.signIn('ani.n', ADMIN.passphrase)).toEqual({
        ok: false,
        error: { reason: 'hub', detail: 'failed' },
      });
      expect(withHub.store.getState()).toEqual({ status: 'signedOut' });
      expect(isLocked()).toBe(true);
      expect(Object.keys((await loadKeyring(db))!.wraps)).toEqual([adminId]);
    },
  );

  it('maps what the hub answers to clear failures', SLOW, async () => {
    const db = makeDb();
    const clock = sessionClock();
    const { session } = await setUpSession(db);
    await session.signOut();
    const answers: Parameters<typeof expectOk>[0][] = [];
    const failures = ['hubUnreachable', 'notEscrowed', 'notEnrolled', 'tooManyAttempts', 'boom'];
    const release: KeyRelease = async () => {
      const failure = failures.shift()!;
      return {
        ok: false,
        error: { failure, ...(failure === 'tooManyAttempts' ? { retryAfterMs: 8_000 } : {}) },
      };
    };
    const withHub = await startedSession(db, { release, now: clock.now });
    for (let index = 0; index < 5; index += 1) answers.push(await withHub.signIn('ani.n', CLERK.passphrase));
    expect(answers).toEqual([
      { ok: false, error: { reason: 'hub', detail: 'unreachable' } },
      { ok: false, error: { reason: 'hub', detail: 'notEscrowed' } },
      { ok: false, error: { reason: 'hubNeeded' } },
      { ok: false, error: { reason: 'hub', detail: 'wait', waitMs: 8_000 } },
      { ok: false, error: { reason: 'hub', detail: 'failed' } },
    ]);
    // None of these is a wrong passphrase: no wait on this device.
    expect((await throttleEntries(db))?.['ani.n']).toBeUndefined();
  });
});
