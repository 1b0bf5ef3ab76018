import { afterEach, describe, expect, it } from 'vitest';
import type { EventOf } from '@/domain';
import { createSession, type Session } from '@/session';
import { accountActions } from '@/session/accounts';
import {
  correctEvent,
  findUserByUsername,
  hubTokens,
  reviewItems,
  loadDeviceIdentity,
  loadHubCredentials,
  loadKeyring,
  readMeta,
  saveRuntimeConfig,
  type SiagaDb,
} from '@/storage';
import { createSyncEngine, enrollDevice } from '@/sync';
import { joinHub } from '@/sync/enrollDevice';
import { releaseDataKey } from '@/sync/keyEscrow';
import * as z from 'zod/mini';
import { useTestDb } from '../dbTestUtils';
import { startTestHub, TEST_ENROLLMENT_CODE, type TestHub } from '../server/hubTestServer';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { ADMIN, CLERK, expectOk, resetSessionGlobals, setUpSession } from './sessionFixture';

const SLOW = { timeout: 60_000 };
const FIRST_ADMIN_CODE = 'ADMIN-PERTAMA-1';

/** A device's session wired to the real hub the way the app wires it (join, first sign-in). */
async function deviceSession(db: SiagaDb, hubUrl: string | undefined): Promise<Session> {
  await saveRuntimeConfig(db, DEMO_CONFIG, new Date('2026-11-22T00:00:00Z'));
  const call = {
    hubUrl: hubUrl ?? 'http://127.0.0.1:9',
    appOrigin: hubUrl ?? 'http://127.0.0.1:9',
    fetch,
    now: Date.now,
  };
  const session = createSession({
    db,
    ...(hubUrl
      ? {
          join: (code, rawKey, signingKey) => joinHub(db, code, rawKey, signingKey, call),
          release: (username, passphrase) => releaseDataKey(db, call, username, passphrase),
        }
      : {}),
  });
  await session.start();
  return session;
}

describe('a second device joins the hospital’s hub [P1, P22]', () => {
  const makeDb = useTestDb();
  resetSessionGlobals();
  let hub: TestHub | undefined;
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
  });

  /** One push and pull with the hub, as the app does at once after a sign-in. */
  async function syncOnce(db: SiagaDb, url: string) {
    const engine = createSyncEngine({
      db,
      hubUrl: () => url,
      appOrigin: url,
      fetch,
      now: () => Date.now(),
      random: Math.random,
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    });
    expect(await engine.runOnce()).toEqual({ kind: 'synced' });
  }

  /**
   * A hub as at a hospital's first start, and its first device: IT's local admin, a clerk's
   * account, enrolled with the first-admin code [P35], its accounts on the hub.
   */
  async function hospital() {
    hub = await startTestHub({ firstAdminCode: FIRST_ADMIN_CODE });
    const db = makeDb();
    const { session } = await setUpSession(db);
    expectOk(await accountActions(db, session).createUser(CLERK));
    expectOk(await enrollDevice(db, FIRST_ADMIN_CODE, { hubUrl: hub.url, appOrigin: hub.url, fetch }));
    await syncOnce(db, hub.url);
    expect(await reviewItems(db)).toEqual([]);
    await session.signOut();
    return hub;
  }

  it(
    'enrolls with IT’s code, leaves its new key with the hub, then lets an existing account sign in — also offline afterwards',
    SLOW,
    async () => {
      hub = await hospital();

      const db = makeDb();
      const session = await deviceSession(db, hub.url);
      expect(session.store.getState()).toEqual({ status: 'setUp', existingDeviceCode: undefined });
      expectOk(await session.joinHub({ deviceCode: 'PD2', enrollmentCode: TEST_ENROLLMENT_CODE }));
      expect(session.store.getState()).toEqual({ status: 'signedOut', joined: 'PD2' });

      // Keys wrapped for no one yet, the hub holds the key, and the full token is stored encrypted.
      const keyring = await loadKeyring(db);
      const credentials = await loadHubCredentials(db);
      expect(keyring?.wraps).toEqual({});
      expect(keyring?.escrowedWith).toBe(credentials?.hubId);
      expect(credentials?.token.codec).toBe('aes-gcm');
      expect(credentials?.deviceCode).toBe('PD2');
      expect(await readMeta(db, 'encryptedAtRest', z.boolean())).toBe(true);
      expect(hub.db.prepare('SELECT count(*) AS n FROM device_keys').get()).toEqual({ n: 1 });

      // No local admin was made: the clerk signs in with the account she has on the first device.
      expect(await session.signIn(CLERK.username, 'bukan kata sandinya')).toEqual({
        ok: false,
        error: { reason: 'wrongPassphrase' },
      });
      const clerk = expectOk(await session.signIn(CLERK.username, CLERK.passphrase));
      expect(clerk).toMatchObject({ username: CLERK.username, role: 'registration' });
      expect((await hubTokens(db))?.pull).toEqual(expect.any(String));
      await syncOnce(db, hub.url);
      await session.signOut();

      // The hub may now be gone: her first sign-in left a wrap of the key here.
      const offline = await deviceSession(db, undefined);
      expectOk(await offline.signIn(CLERK.username, CLERK.passphrase));
      // IT can sign in here too, with the admin account of the first device, through the hub.
      await offline.signOut();
      const again = await deviceSession(db, hub.url);
      expect(expectOk(await again.signIn(ADMIN.username, ADMIN.passphrase)).role).toBe('admin');
    },
  );

  it(
    'stores nothing but the device code when the code is wrong, the device code taken or the hub away',
    SLOW,
    async () => {
      hub = await hospital();

      const wrongCode = makeDb();
      const first = await deviceSession(wrongCode, hub.url);
      expect(await first.joinHub({ deviceCode: 'PD2', enrollmentCode: 'SALAH-KODE-9' })).toEqual({
        ok: false,
        error: 'codeInvalid',
      });
      expect(first.store.getState().status).toBe('setUp');

      const taken = makeDb();
      const second = await deviceSession(taken, hub.url);
      expect(await second.joinHub({ deviceCode: 'PD1', enrollmentCode: TEST_ENROLLMENT_CODE })).toEqual({
        ok: false,
        error: 'deviceCodeTaken',
      });
      // The same device tries again with a free code: it joins.
      expectOk(await second.joinHub({ deviceCode: 'PD3', enrollmentCode: TEST_ENROLLMENT_CODE }));

      const away = makeDb();
      const third = await deviceSession(away, 'http://127.0.0.1:9');
      expect(await third.joinHub({ deviceCode: 'PD4', enrollmentCode: TEST_ENROLLMENT_CODE })).toEqual({
        ok: false,
        error: 'hubUnreachable',
      });
      for (const db of [wrongCode, away]) {
        expect(await loadKeyring(db)).toBeUndefined();
        expect(await loadHubCredentials(db)).toBeUndefined();
        expect((await loadDeviceIdentity(db))?.deviceCode).toMatch(/^PD[24]$/);
      }
      // A device that has joined cannot be joined again (its key would be replaced).
      expect(await second.joinHub({ deviceCode: 'PD3', enrollmentCode: TEST_ENROLLMENT_CODE })).toEqual({
        ok: false,
        error: 'alreadySetUp',
      });
    },
  );

  it(
    '[P29] asks the hub before creating an account, and creates it anyway when the hub cannot say',
    SLOW,
    async () => {
      const db = makeDb();
      const { session } = await setUpSession(db);
      const asked: string[] = [];
      const taken = new Set(['rina.p']);
      let hubAnswers = true;
      const accounts = accountActions(db, session, {
        usernameAvailable: (username) => {
          asked.push(username);
          return Promise.resolve(hubAnswers ? !taken.has(username) : undefined);
        },
      });
      expect(await accounts.createUser({ ...CLERK, username: ' Rina.P ' })).toEqual({
        ok: false,
        error: [{ field: 'username', reason: 'usernameTaken' }],
      });
      expect(await db.users.where('username').equals('rina.p').count()).toBe(0);
      expectOk(await accounts.createUser({ ...CLERK, username: 'rina.p2' }));
      hubAnswers = false;
      expectOk(await accounts.createUser({ ...CLERK, displayName: 'Rina Dua', username: 'rina.q' }));
      expect(asked).toEqual(['rina.p', 'rina.p2', 'rina.q']);
    },
  );

  it(
    '[P21] an account made offline under a username the hospital already has is settled by another username, its keys still opening',
    SLOW,
    async () => {
      hub = await hospital();
      // IT joins a second device and, the hub out of reach, gives a new nurse the clerk's username.
      const db = makeDb();
      const session = await deviceSession(db, hub.url);
      expectOk(await session.joinHub({ deviceCode: 'PD2', enrollmentCode: TEST_ENROLLMENT_CODE }));
      // Signed in through the hub, but nothing pulled yet: this device does not know Rina's account.
      expectOk(await session.signIn(ADMIN.username, ADMIN.passphrase));
      expectOk(
        await accountActions(db, session).createUser({
          ...CLERK,
          displayName: 'Rina Perawat',
          role: 'clinician',
        }),
      );
      await syncOnce(db, hub.url);
      const [refused] = await reviewItems(db);
      expect(refused?.event.type).toBe('user.created');
      expect(refused?.error).toMatchObject({ code: 'username_taken', field: 'payload.username' });

      const original = refused!.event as EventOf<'user.created'>;
      expectOk(await correctEvent(db, original.id, { ...original.payload, username: 'rina.perawat' }));
      await syncOnce(db, hub.url);
      expect(await reviewItems(db)).toEqual([]);
      expect(hub.db.prepare('SELECT username FROM users WHERE user_id = ?').get(original.entityId)).toEqual({
        username: 'rina.perawat',
      });
      expect((await findUserByUsername(db, 'rina.perawat'))?.id).toBe(original.entityId);
      await session.signOut();
      expect(expectOk(await session.signIn('rina.perawat', CLERK.passphrase)).userId).toBe(original.entityId);
    },
  );
});
