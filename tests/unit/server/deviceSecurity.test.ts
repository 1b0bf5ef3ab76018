import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escrowAad, keyReleaseResponseSchema, pullResponseSchema, releaseAad } from '@/domain';
import { DATA_KEY_BYTES, newDataKeyMaterial } from '@/lib/crypto/dataKeys';
import {
  exportPublicKey,
  generateSealingKeyPair,
  importPublicKey,
  openSealed,
  sealTo,
} from '@/lib/crypto/sealedBox';
import { uuidv7 } from '@/lib/ids';
import { canonicalJson } from '@/lib/canonicalJson';
import { createAttemptLimiter } from '../../../server/security/rateLimit';
import { eventAt, visitRegistered } from '../domain/eventFactory';
import {
  call,
  enrollTestDevice,
  push,
  sealedItem,
  testAccount,
  userCreated,
  type EnrolledTestDevice,
  type ErrorBody,
} from './hubCalls';
import { signedByNamedPerson, testActor } from '../testAccounts';
import { startTestHub, type TestHub } from './hubTestServer';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

describe('sealed events, push-only tokens, accounts and key escrow over HTTP', () => {
  let at = Date.now();
  let hub: TestHub;
  let desk: EnrolledTestDevice;
  let tablet: EnrolledTestDevice;
  beforeAll(async () => {
    hub = await startTestHub({ signInAttempts: createAttemptLimiter({ now: () => at }) });
    desk = await enrollTestDevice(hub, 'PD1');
    tablet = await enrollTestDevice(hub, 'POL');
  });
  afterAll(async () => {
    await hub.close();
  });

  const storedBody = (id: string) =>
    hub.db.prepare<[string], { body: string }>('SELECT body FROM events WHERE id = ?').get(id)?.body;

  describe('[P20] sealed events and push-only tokens', () => {
    it('[P20] gives an enrolled device a push-only token and the hub public key', () => {
      expect(desk.pushToken).not.toBe(desk.token);
      expect(desk.pushToken.length).toBeGreaterThanOrEqual(40);
      expect(desk.hubPublicKey).toMatch(/^[A-Za-z0-9_-]{80,100}$/);
      const row = hub.db
        .prepare<[string], { push_token_hash: string }>(
          'SELECT push_token_hash FROM devices WHERE device_id = ?',
        )
        .get(desk.deviceId);
      expect(row?.push_token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row?.push_token_hash).not.toBe(desk.pushToken);
    });

    it('[P20] lets a push-only token send events but answers 403 push_only_token to a pull', async () => {
      const event = visitRegistered(uuidv7(), '08:00');
      const pushed = await push(hub, desk.pushToken, [event]);
      expect(pushed.status).toBe(200);
      expect(pushed.body.results).toEqual([{ id: event.id, status: 'accepted' }]);
      const pulled = await call<ErrorBody>(hub, '/api/v1/events?after=', { token: desk.pushToken });
      expect(pulled.status).toBe(403);
      expect(pulled.body.error.code).toBe('push_only_token');
      expect((await call(hub, '/api/v1/events?after=', { token: desk.token })).status).toBe(200);
    });

    it('[P20] opens an event sealed to the hub key and stores it as if sent in the clear', async () => {
      const event = await signedByNamedPerson(visitRegistered(uuidv7(), '08:10'));
      const item = await sealedItem(desk.hubPublicKey, event);
      const pushed = await push(hub, desk.pushToken, [item]);
      expect(pushed.body.results).toEqual([{ id: event.id, status: 'accepted' }]);
      expect(storedBody(event.id)).toBe(canonicalJson(event));
      const pulled = pullResponseSchema.parse(
        (await call(hub, '/api/v1/events?after=', { token: tablet.token })).body,
      );
      expect(pulled.events).toContainEqual(event);
      // Sealed again (a fresh box) or sent in the clear, it is the same event.
      const again = await push(hub, desk.pushToken, [await sealedItem(desk.hubPublicKey, event), event]);
      expect(again.body.results.map((result) => result.status)).toEqual(['duplicate', 'duplicate']);
    });

    it('[P20] rejects a tampered sealed item as unreadable and accepts the rest of the batch', async () => {
      const tamperedEvent = visitRegistered(uuidv7(), '08:20');
      const tampered = await sealedItem(desk.hubPublicKey, tamperedEvent);
      const flipped = tampered.sealed.ct[4] === 'A' ? 'B' : 'A';
      tampered.sealed.ct = `${tampered.sealed.ct.slice(0, 4)}${flipped}${tampered.sealed.ct.slice(5)}`;
      const clear = visitRegistered(uuidv7(), '08:21');
      const sealed = visitRegistered(uuidv7(), '08:22');
      const pushed = await push(hub, desk.pushToken, [
        tampered,
        clear,
        await sealedItem(desk.hubPublicKey, sealed),
      ]);
      expect(pushed.status).toBe(200);
      expect(pushed.body.results).toEqual([
        {
          id: tamperedEvent.id,
          status: 'rejected',
          code: 'unreadable',
          message: expect.any(String) as unknown,
        },
        { id: clear.id, status: 'accepted' },
        { id: sealed.id, status: 'accepted' },
      ]);
      expect(storedBody(tamperedEvent.id)).toBeUndefined();
    });

    it('[P20] refuses boxes sealed to another key or for another id, and malformed sealed items', async () => {
      const event = visitRegistered(uuidv7(), '08:30');
      const otherHub = await generateSealingKeyPair();
      const otherKey = await exportPublicKey(otherHub.publicKey);
      const swapped = visitRegistered(uuidv7(), '08:31');
      const pushed = await push(hub, desk.pushToken, [
        await sealedItem(otherKey, event),
        // Sealed for one event id, sent under another: the associated data does not match.
        await sealedItem(desk.hubPublicKey, event, { itemId: swapped.id }),
        // Opens under the item's id, but the event inside has another id.
        await sealedItem(desk.hubPublicKey, event, { aadId: swapped.id, itemId: swapped.id }),
        { id: event.id, sealed: { epk: 'short', iv: 'x', ct: '' } },
      ]);
      expect(pushed.body.results.map(({ id, status, code }) => ({ id, status, code }))).toEqual([
        { id: event.id, status: 'rejected', code: 'unreadable' },
        { id: swapped.id, status: 'rejected', code: 'unreadable' },
        { id: swapped.id, status: 'rejected', code: 'invalid_event' },
        { id: event.id, status: 'rejected', code: 'invalid_event' },
      ]);
      expect(storedBody(event.id)).toBeUndefined();
      expect(storedBody(swapped.id)).toBeUndefined();
    });

    it('[P20] checks a sealed event like any other once opened: rights, schema and config', async () => {
      // Signed by the nurse herself: once opened, her role's rights apply as to any event.
      const forged = { ...visitRegistered(uuidv7(), '08:40'), actor: testActor('clinician') };
      const strangePoli = visitRegistered(uuidv7(), '08:41', { poliCode: 'XYZ' });
      const pushed = await push(hub, desk.pushToken, [
        await sealedItem(desk.hubPublicKey, forged),
        await sealedItem(desk.hubPublicKey, strangePoli),
      ]);
      expect(pushed.body.results.map(({ status, code }) => ({ status, code }))).toEqual([
        { status: 'rejected', code: 'forbidden' },
        { status: 'rejected', code: 'unknown_poli' },
      ]);
    });
  });

  describe('[P21] usernames', () => {
    it('[P21] refuses a second account with a username another account holds, answering username_taken', async () => {
      const rina = testAccount('rina.p', 'registration');
      const first = await userCreated(rina);
      expect((await push(hub, desk.token, [first])).body.results[0]?.status).toBe('accepted');
      const impostor = await userCreated({ ...testAccount('rina.p', 'admin') });
      const second = await push(hub, tablet.token, [impostor, first]);
      expect(second.body.results).toEqual([
        {
          id: impostor.id,
          status: 'rejected',
          code: 'username_taken',
          field: 'payload.username',
          message: expect.stringContaining('rina.p') as unknown,
        },
        { id: first.id, status: 'duplicate' },
      ]);
      const holders = hub.db
        .prepare<[string], { user_id: string; role: string }>(
          'SELECT user_id, role FROM users WHERE username = ?',
        )
        .all('rina.p');
      expect(holders).toEqual([{ user_id: rina.userId, role: 'registration' }]);
    });

    it('[P21] refuses the second of two new accounts claiming one username in the same batch', async () => {
      const one = await userCreated(testAccount('dewi.s', 'clinician'));
      const two = await userCreated(testAccount('dewi.s', 'records'));
      const other = visitRegistered(uuidv7(), '09:00');
      const pushed = await push(hub, desk.token, [one, two, other]);
      expect(pushed.status).toBe(200);
      expect(pushed.body.results.map(({ id, status, code }) => ({ id, status, code }))).toEqual([
        { id: one.id, status: 'accepted', code: undefined },
        { id: two.id, status: 'rejected', code: 'username_taken' },
        { id: other.id, status: 'accepted', code: undefined },
      ]);
    });
  });

  describe('[P29] username check before an account is created', () => {
    it('[P29] tells a signed-in device whether a username is free, and no one else', async () => {
      const held = await userCreated(testAccount('sari.rm', 'records'));
      expect((await push(hub, desk.token, [held])).body.results[0]?.status).toBe('accepted');
      const ask = (username: string, token?: string) =>
        call<{ available: boolean } & Partial<ErrorBody>>(hub, '/api/v1/usernames/check', {
          body: { username },
          ...(token ? { token } : {}),
        });
      expect(await ask('sari.rm', tablet.token)).toMatchObject({ status: 200, body: { available: false } });
      expect(await ask('sari.r2', tablet.token)).toMatchObject({ status: 200, body: { available: true } });
      const answer = await ask('sari.rm', tablet.token);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect((await ask('sari.rm', tablet.pushToken)).body.error?.code).toBe('push_only_token');
      expect((await ask('sari.rm')).status).toBe(401);
      expect((await ask('Bukan Nama!', tablet.token)).body.error?.code).toBe('invalid_request');
    });
  });

  describe('[P22] device-key escrow and release', () => {
    const rawKey = newDataKeyMaterial();
    const nurse = testAccount('ners.dewi', 'clinician');
    const clerk = testAccount('budi.rm', 'records');
    beforeAll(async () => {
      const created = await push(hub, desk.token, [await userCreated(nurse), await userCreated(clerk)]);
      expect(created.body.results.map((result) => result.status)).toEqual(['accepted', 'accepted']);
    });

    const escrow = async (
      device: EnrolledTestDevice,
      token: string,
      bytes: Uint8Array<ArrayBuffer>,
      aad?: string,
    ) =>
      call<ErrorBody | null>(hub, '/api/v1/device-key', {
        token,
        body: {
          sealed: await sealTo(
            await importPublicKey(device.hubPublicKey),
            bytes,
            aad ?? escrowAad(device.deviceId),
          ),
        },
      });

    async function release(token: string, username: string, passphrase: string) {
      const oneTime = await generateSealingKeyPair();
      const answer = await call<unknown>(hub, '/api/v1/device-key/release', {
        token,
        body: { username, passphrase, devicePublicKey: await exportPublicKey(oneTime.publicKey) },
      });
      return { ...answer, oneTime };
    }

    it('[P22] keeps a data key sealed to the hub key, sent with the full device token only', async () => {
      expect((await escrow(desk, desk.pushToken, rawKey)).status).toBe(401);
      expect(((await escrow(desk, 'not-a-token', rawKey)).body as ErrorBody).error.code).toBe(
        'token_invalid',
      );
      const stored = await escrow(desk, desk.token, rawKey);
      expect(stored.status).toBe(204);
      const row = hub.db
        .prepare<[string], { sealed: string }>('SELECT sealed FROM device_keys WHERE device_id = ?')
        .get(desk.deviceId);
      expect(JSON.parse(row!.sealed)).toMatchObject({ epk: expect.any(String) as unknown });
    });

    it('[P22] refuses a key it could not open later: sealed for another device, the wrong size, or malformed', async () => {
      const forOther = await escrow(desk, desk.token, rawKey, escrowAad(tablet.deviceId));
      expect(forOther.status).toBe(400);
      expect((forOther.body as ErrorBody).error.code).toBe('key_unreadable');
      const short = await escrow(desk, desk.token, newDataKeyMaterial().slice(0, DATA_KEY_BYTES / 2));
      expect((short.body as ErrorBody).error.code).toBe('key_unreadable');
      const malformed = await call<ErrorBody>(hub, '/api/v1/device-key', {
        token: desk.token,
        body: { sealed: 'nope' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('invalid_request');
    });

    it('[P22] releases the key to a colleague at first sign-in, sealed to the device one-time key, with the push token', async () => {
      const answer = await release(desk.pushToken, nurse.username, nurse.passphrase);
      expect(answer.status).toBe(200);
      const body = keyReleaseResponseSchema.parse(answer.body);
      expect(body.user).toEqual({
        userId: nurse.userId,
        username: nurse.username,
        displayName: 'Petugas Uji',
        role: 'clinician',
        active: true,
      });
      const opened = await openSealed(
        answer.oneTime.privateKey,
        body.sealed,
        releaseAad(desk.deviceId, nurse.userId),
      );
      expect(opened).toEqual(rawKey);
      // Bound to this device and this user: it opens for no other purpose.
      await expect(
        openSealed(answer.oneTime.privateKey, body.sealed, releaseAad(desk.deviceId, clerk.userId)),
      ).rejects.toThrow();
      expect(JSON.stringify(body)).not.toContain(nurse.passphrase);
    });

    it('[P22] answers 404 key_not_escrowed to a device that left no key, after checking the passphrase', async () => {
      const answer = await release(tablet.token, nurse.username, nurse.passphrase);
      expect(answer.status).toBe(404);
      expect((answer.body as ErrorBody).error.code).toBe('key_not_escrowed');
    });

    it('[P22] answers sign_in_failed alike for a wrong passphrase, an unknown username and an inactive account', async () => {
      const wrong = await release(desk.token, nurse.username, 'bukan kata sandi yang benar');
      const unknown = await release(desk.token, 'nobody.here', nurse.passphrase);
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(wrong.body).toEqual(unknown.body);
      expect((wrong.body as ErrorBody).error.code).toBe('sign_in_failed');
      const inactive = testAccount('pensiun', 'clinician');
      await push(hub, desk.token, [
        await userCreated(inactive),
        eventAt('user.changed', inactive.userId, '09:00', { active: false }),
      ]);
      const retired = await release(desk.token, inactive.username, inactive.passphrase);
      expect(retired.body).toEqual(wrong.body);
      const noToken = await release('not-a-token', nurse.username, nurse.passphrase);
      expect(noToken.status).toBe(401);
      expect((noToken.body as ErrorBody).error.code).toBe('token_invalid');
      const malformed = await call<ErrorBody>(hub, '/api/v1/device-key/release', {
        token: desk.token,
        body: { username: nurse.username, passphrase: nurse.passphrase },
      });
      expect(malformed.status).toBe(400);
      at += 16 * MINUTE; // forget these failures before the next test counts its own
    });

    it('[P22] limits guesses per account and per device: 429 with Retry-After, even for the right passphrase', async () => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect((await release(desk.pushToken, nurse.username, `salah ${attempt} sekali lagi`)).status).toBe(
          401,
        );
      }
      const locked = await release(desk.pushToken, nurse.username, nurse.passphrase);
      expect(locked.status).toBe(429);
      expect(locked.headers.get('retry-after')).toBe('1');
      expect((locked.body as ErrorBody).error.code).toBe('too_many_attempts');
      // The account is locked from every device…
      expect((await release(tablet.token, nurse.username, nurse.passphrase)).status).toBe(429);
      // …and the guessing device for every account.
      expect((await release(desk.pushToken, clerk.username, clerk.passphrase)).status).toBe(429);
      at += SECOND;
      const after = await release(desk.pushToken, nurse.username, nurse.passphrase);
      expect(after.status).toBe(200);
      // A success starts the account and the device afresh.
      expect((await release(desk.pushToken, clerk.username, clerk.passphrase)).status).toBe(200);
    });
  });
});
