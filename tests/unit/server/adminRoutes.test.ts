import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@/lib/ids';
import { createAttemptLimiter } from '../../../server/security/rateLimit';
import { eventAt } from '../domain/eventFactory';
import {
  call,
  accountSecrets,
  enrollTestDevice,
  push,
  sealedItem,
  testAccount,
  userCreated,
  type EnrolledTestDevice,
  type ErrorBody,
  type TestAccount,
} from './hubCalls';
import { startTestHub, TEST_ENROLLMENT_CODE, type TestHub } from './hubTestServer';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

type SignIn = {
  token: string;
  expiresAt: string;
  idleExpiresAt: string;
  user: { userId: string; username: string; displayName: string; role: string };
};
type DeviceRecord = {
  deviceId: string;
  deviceCode: string;
  enrolledAt: string;
  lastSeenAt: string | null;
  revoked: boolean;
  revokedAt: string | null;
};
type AuditPage = {
  entries: ({ id: string; action: string; deviceCode: string; receivedAt: string } & Record<
    string,
    unknown
  >)[];
  cursor: string | null;
  more: boolean;
};

describe('[P23] hub admin endpoints over HTTP and a real SQLite file', () => {
  let at = Date.now();
  const advance = (ms: number) => (at += ms);
  let hub: TestHub;
  let itDesk: EnrolledTestDevice;
  const admin = testAccount('it.admin', 'admin');
  const clerk = testAccount('rina.p', 'registration');
  beforeAll(async () => {
    hub = await startTestHub({
      now: () => new Date(at),
      signInAttempts: createAttemptLimiter({ now: () => at }),
    });
    itDesk = await enrollTestDevice(hub, 'IT1');
    const created = await push(hub, itDesk.token, [
      await userCreated(admin, 'Andi Teknisi'),
      await userCreated(clerk),
    ]);
    expect(created.body.results.map((result) => result.status)).toEqual(['accepted', 'accepted']);
  });
  afterAll(async () => {
    await hub.close();
  });

  const signIn = (account: Pick<TestAccount, 'username' | 'passphrase'>) =>
    call<SignIn & ErrorBody>(hub, '/api/v1/admin/sessions', {
      body: { username: account.username, passphrase: account.passphrase },
    });
  async function adminToken(account: TestAccount = admin): Promise<string> {
    const answer = await signIn(account);
    expect(answer.status).toBe(201);
    return answer.body.token;
  }
  const devices = (token?: string) =>
    call<{ devices: DeviceRecord[] } & ErrorBody>(hub, '/api/v1/admin/devices', token ? { token } : {});
  async function addAccount(account: TestAccount): Promise<void> {
    const answer = await push(hub, itDesk.token, [await userCreated(account)]);
    expect(answer.body.results[0]?.status).toBe('accepted');
  }
  const sessionRows = () =>
    hub.db
      .prepare<[], { token_hash: string; user_id: string }>('SELECT token_hash, user_id FROM admin_sessions')
      .all();

  describe('signing in and out', () => {
    it('[P23] signs an active admin in with a one-time view of a random token, kept only as its SHA-256', async () => {
      const signedInAt = at;
      const answer = await signIn(admin);
      expect(answer.status).toBe(201);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.body).toEqual({
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
        expiresAt: new Date(signedInAt + 8 * HOUR).toISOString(),
        idleExpiresAt: new Date(signedInAt + 30 * MINUTE).toISOString(),
        user: { userId: admin.userId, username: 'it.admin', displayName: 'Andi Teknisi', role: 'admin' },
      });
      const hash = createHash('sha256').update(answer.body.token).digest('hex');
      expect(sessionRows()).toContainEqual({ token_hash: hash, user_id: admin.userId });
      expect(JSON.stringify(sessionRows())).not.toContain(answer.body.token);
      // Usernames are compared as devices store them: trimmed, lower case.
      expect((await signIn({ ...admin, username: '  IT.Admin ' })).status).toBe(201);
    });

    it('[P23] answers admin_sign_in_failed alike for a wrong passphrase, an unknown username, another role and an inactive admin', async () => {
      const retired = testAccount('it.lama', 'admin');
      await addAccount(retired);
      await push(hub, itDesk.token, [eventAt('user.changed', retired.userId, '09:00', { active: false })]);
      const answers = await Promise.all([
        signIn({ ...admin, passphrase: 'bukan kata sandi admin' }),
        signIn({ ...admin, username: 'tidak.ada' }),
        signIn(clerk),
        signIn(retired),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
      for (const answer of answers) {
        expect(answer.body).toEqual({
          error: { code: 'admin_sign_in_failed', message: answers[0].body.error.message },
        });
      }
      const malformed = await call<ErrorBody>(hub, '/api/v1/admin/sessions', {
        body: { username: admin.username },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('invalid_request');
      advance(16 * MINUTE); // these failures are forgotten before the next test counts its own
    });

    it('[P23] limits sign-in guesses per account and per address: 429 with Retry-After, even for the right passphrase', async () => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect((await signIn({ ...admin, passphrase: `salah ${attempt} lagi dan lagi` })).status).toBe(401);
      }
      const locked = await signIn(admin);
      expect(locked.status).toBe(429);
      expect(locked.headers.get('retry-after')).toBe('1');
      expect(locked.body.error.code).toBe('too_many_attempts');
      advance(SECOND);
      expect((await signIn(admin)).status).toBe(201);

      // Guessing other names from one address locks that address too.
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect((await signIn({ username: `tebak${attempt}`, passphrase: 'apa saja boleh' })).status).toBe(
          401,
        );
      }
      expect((await signIn(admin)).status).toBe(429);
      advance(SECOND);
      expect((await signIn(admin)).status).toBe(201);
    });

    it('[P23] refuses admin endpoints without a session, with an unknown token and with a device token', async () => {
      const missing = await devices();
      expect(missing.status).toBe(401);
      expect(missing.body.error.code).toBe('admin_session_missing');
      for (const token of ['not-a-session', itDesk.token, itDesk.pushToken]) {
        const refused = await devices(token);
        expect(refused.status).toBe(401);
        expect(refused.body.error.code).toBe('admin_session_invalid');
      }
      const endpoints: [string, string][] = [
        ['DELETE', '/api/v1/admin/sessions/current'],
        ['POST', `/api/v1/admin/devices/${itDesk.deviceId}/revoke`],
        ['POST', '/api/v1/admin/enrollment-codes'],
        ['GET', '/api/v1/admin/audit'],
      ];
      for (const [method, path] of endpoints) {
        const refused = await call<ErrorBody>(hub, path, { method, token: itDesk.token });
        expect(refused.status, `${method} ${path}`).toBe(401);
        expect(refused.body.error.code).toBe('admin_session_invalid');
      }
      // A session token is not a device token either.
      const token = await adminToken();
      expect((await call(hub, '/api/v1/events?after=', { token })).status).toBe(401);
    });

    it('[P23] signs out: the token stops working at once', async () => {
      const token = await adminToken();
      expect((await devices(token)).status).toBe(200);
      const out = await call(hub, '/api/v1/admin/sessions/current', { method: 'DELETE', token });
      expect(out.status).toBe(204);
      const after = await devices(token);
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('admin_session_invalid');
    });
  });

  describe('session lifetime', () => {
    it('[P23] ends a session 30 minutes after its last use, each use moving that end', async () => {
      const token = await adminToken();
      advance(29 * MINUTE);
      const used = await devices(token);
      expect(used.status).toBe(200);
      advance(29 * MINUTE);
      expect((await devices(token)).status).toBe(200);
      advance(30 * MINUTE);
      const idle = await devices(token);
      expect(idle.status).toBe(401);
      expect(idle.body.error.code).toBe('admin_session_invalid');
    });

    it('[P23] ends a session 8 hours after sign-in however busy it is', async () => {
      const signedInAt = at;
      const token = await adminToken();
      while (at + 20 * MINUTE < signedInAt + 8 * HOUR) {
        advance(20 * MINUTE);
        expect((await devices(token)).status).toBe(200);
      }
      advance(signedInAt + 8 * HOUR - at);
      const ended = await devices(token);
      expect(ended.status).toBe(401);
      expect(ended.body.error.code).toBe('admin_session_invalid');
      expect(sessionRows().map((row) => row.token_hash)).not.toContain(
        createHash('sha256').update(token).digest('hex'),
      );
    });

    it('[P23] ends the sessions of an admin who is deactivated or no longer an admin, as the event arrives', async () => {
      const leaving = testAccount('it.pindah', 'admin');
      const demoted = testAccount('it.magang', 'admin');
      await addAccount(leaving);
      await addAccount(demoted);
      const leavingTokens = [await adminToken(leaving), await adminToken(leaving)];
      const demotedToken = await adminToken(demoted);
      const keptToken = await adminToken();
      const changes = await push(hub, itDesk.token, [
        eventAt('user.changed', leaving.userId, '10:00', { active: false }),
        eventAt('user.changed', demoted.userId, '10:00', { role: 'registration' }),
        eventAt('user.changed', admin.userId, '10:00', { displayName: 'Andi Teknisi, S.Kom' }),
      ]);
      expect(changes.body.results.map((result) => result.status)).toEqual([
        'accepted',
        'accepted',
        'accepted',
      ]);
      const holders = new Set(sessionRows().map((row) => row.user_id));
      expect([holders.has(leaving.userId), holders.has(demoted.userId), holders.has(admin.userId)]).toEqual([
        false,
        false,
        true,
      ]);
      for (const token of [...leavingTokens, demotedToken]) {
        const refused = await devices(token);
        expect(refused.status).toBe(401);
        expect(refused.body.error.code).toBe('admin_session_invalid');
      }
      expect((await devices(keptToken)).status).toBe(200);
      expect((await signIn(leaving)).status).toBe(401);
      expect((await signIn(demoted)).status).toBe(401);
    });

    it('[P23] checks the account on every request, not only at sign-in', async () => {
      const temp = testAccount('it.sementara', 'admin');
      await addAccount(temp);
      const token = await adminToken(temp);
      // However the account table changes (here by hand), the next request sees it.
      hub.db.prepare("UPDATE users SET role = 'records' WHERE user_id = ?").run(temp.userId);
      expect((await devices(token)).status).toBe(401);
    });

    it('[P23] ends the sessions of an admin whose passphrase is reset; the new passphrase signs in', async () => {
      const reset = testAccount('it.reset', 'admin');
      await addAccount(reset);
      const token = await adminToken(reset);
      const newPassphrase = 'kata sandi baru setelah bocor';
      const set = await push(hub, itDesk.token, [
        eventAt(
          'user.passphrase_set',
          reset.userId,
          '11:00',
          (await accountSecrets(reset.userId, newPassphrase)).payload,
        ),
      ]);
      expect(set.body.results[0]?.status).toBe('accepted');
      expect((await devices(token)).status).toBe(401);
      expect((await signIn(reset)).status).toBe(401);
      expect((await signIn({ ...reset, passphrase: newPassphrase })).status).toBe(201);
    });
  });

  describe('devices and enrollment codes', () => {
    it('[P23] [P45] lists enrolled devices with when they enrolled, last reached the hub, whether they are revoked and their profile', async () => {
      const enrolledAt = new Date(at).toISOString();
      const ward = await enrollTestDevice(hub, 'RI1');
      const listed = await devices(await adminToken());
      expect(listed.status).toBe(200);
      expect(listed.body.devices).toContainEqual({
        deviceId: ward.deviceId,
        deviceCode: 'RI1',
        enrolledAt,
        lastSeenAt: null,
        revoked: false,
        revokedAt: null,
        profile: { kind: 'full' },
      });
      advance(MINUTE);
      const seenAt = new Date(at).toISOString();
      expect((await call(hub, '/api/v1/events?after=', { token: ward.token })).status).toBe(200);
      const seen = await devices(await adminToken());
      expect(seen.body.devices.find((device) => device.deviceId === ward.deviceId)?.lastSeenAt).toBe(seenAt);
      // Written at most once a minute, not on every pull.
      advance(10 * SECOND);
      await call(hub, '/api/v1/events?after=', { token: ward.token });
      const again = await devices(await adminToken());
      expect(again.body.devices.find((device) => device.deviceId === ward.deviceId)?.lastSeenAt).toBe(seenAt);
    });

    it('[P23] revokes a device: both its tokens get 401 token_revoked at once [P3]', async () => {
      const lost = await enrollTestDevice(hub, 'PD9');
      const token = await adminToken();
      const revoked = await call<{ device: DeviceRecord }>(
        hub,
        `/api/v1/admin/devices/${lost.deviceId}/revoke`,
        {
          method: 'POST',
          token,
        },
      );
      expect(revoked.status).toBe(200);
      expect(revoked.body.device).toMatchObject({
        deviceId: lost.deviceId,
        deviceCode: 'PD9',
        revoked: true,
        revokedAt: new Date(at).toISOString(),
      });
      for (const deviceToken of [lost.token, lost.pushToken]) {
        const pushed = await push(hub, deviceToken, []);
        expect(pushed.status).toBe(401);
        expect((pushed.body as unknown as ErrorBody).error.code).toBe('token_revoked');
      }
      const pulled = await call<ErrorBody>(hub, '/api/v1/events?after=', { token: lost.token });
      expect(pulled.body.error.code).toBe('token_revoked');
      // Again: nothing changes, not even the time of revocation.
      advance(MINUTE);
      const twice = await call<{ device: DeviceRecord }>(
        hub,
        `/api/v1/admin/devices/${lost.deviceId}/revoke`,
        {
          method: 'POST',
          token,
        },
      );
      expect(twice.body.device.revokedAt).toBe(revoked.body.device.revokedAt);
      const listed = await devices(token);
      expect(listed.body.devices.find((device) => device.deviceId === lost.deviceId)?.revoked).toBe(true);

      const unknown = await call<ErrorBody>(hub, `/api/v1/admin/devices/${uuidv7()}/revoke`, {
        method: 'POST',
        token,
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('device_not_found');
      const malformed = await call<ErrorBody>(hub, '/api/v1/admin/devices/PD9/revoke', {
        method: 'POST',
        token,
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('invalid_request');
    });

    it('[P23] issues one-time enrollment codes that enroll one device and expire, while the console code keeps working', async () => {
      const token = await adminToken();
      const issued = await call<{ code: string; expiresAt: string }>(hub, '/api/v1/admin/enrollment-codes', {
        method: 'POST',
        token,
      });
      expect(issued.status).toBe(201);
      expect(issued.headers.get('cache-control')).toBe('no-store');
      expect(issued.body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(issued.body.expiresAt).toBe(new Date(at + 24 * HOUR).toISOString());
      const stored = hub.db
        .prepare<[], { code_hash: string }>('SELECT code_hash FROM enrollment_codes')
        .all();
      expect(JSON.stringify(stored)).not.toContain(issued.body.code);

      const enroll = (code: string, deviceCode: string) =>
        call<ErrorBody>(hub, '/api/v1/enroll', { body: { code, deviceId: uuidv7(), deviceCode } });
      expect((await enroll(issued.body.code.toLowerCase(), 'RJ1')).status).toBe(201);
      const spent = await enroll(issued.body.code, 'RJ2');
      expect(spent.status).toBe(401);
      expect(spent.body.error.code).toBe('enrollment_code_invalid');
      // A code whose device code was taken is not spent.
      const retry = await call<{ code: string }>(hub, '/api/v1/admin/enrollment-codes', {
        method: 'POST',
        token,
        body: { expiresInMinutes: 5 },
      });
      expect((await enroll(retry.body.code, 'RJ1')).status).toBe(409);
      expect((await enroll(retry.body.code, 'RJ3')).status).toBe(201);
      // The console code enrolls any number of devices.
      expect((await enroll(TEST_ENROLLMENT_CODE, 'RJ4')).status).toBe(201);
      expect((await enroll(TEST_ENROLLMENT_CODE, 'RJ5')).status).toBe(201);

      const short = await call<{ code: string; expiresAt: string }>(hub, '/api/v1/admin/enrollment-codes', {
        method: 'POST',
        token,
        body: { expiresInMinutes: 5 },
      });
      expect(short.body.expiresAt).toBe(new Date(at + 5 * MINUTE).toISOString());
      advance(5 * MINUTE);
      expect((await enroll(short.body.code, 'RJ6')).status).toBe(401);

      for (const body of [{ expiresInMinutes: 1 }, { expiresInMinutes: 20_000 }, { minutes: 10 }]) {
        const refused = await call<ErrorBody>(hub, '/api/v1/admin/enrollment-codes', {
          method: 'POST',
          token,
          body,
        });
        expect(refused.status).toBe(400);
        expect(refused.body.error.code).toBe('invalid_request');
      }
    });
  });

  describe('audit trail', () => {
    it('[P23] reads audit entries newest first, page by page, by action and device code, sealed ones included', async () => {
      const desk = await enrollTestDevice(hub, 'PD2');
      const visitId = uuidv7();
      const viewed = eventAt('audit.recorded', uuidv7(), '12:00', { action: 'visit_viewed', visitId }, 'PD2');
      const printed = eventAt(
        'audit.recorded',
        uuidv7(),
        '12:01',
        { action: 'printed', visitId, document: 'ticket' },
        'PD2',
      );
      const signedIn = eventAt('audit.recorded', uuidv7(), '12:02', { action: 'signed_in' }, 'PD3');
      const exported = eventAt(
        'audit.recorded',
        uuidv7(),
        '12:03',
        { action: 'backup_exported', count: 12 },
        'PD2',
      );
      const pushed = await push(hub, desk.pushToken, [
        viewed,
        printed,
        await sealedItem(desk.hubPublicKey, signedIn),
        exported,
      ]);
      expect(pushed.body.results.map((result) => result.status)).toEqual([
        'accepted',
        'accepted',
        'accepted',
        'accepted',
      ]);
      const token = await adminToken();
      const audit = (query: string) =>
        call<AuditPage & ErrorBody>(hub, `/api/v1/admin/audit?${query}`, { token });

      const first = await audit('limit=3');
      expect(first.status).toBe(200);
      expect(first.body.entries.map((entry) => entry.id)).toEqual([exported.id, signedIn.id, printed.id]);
      expect(first.body.more).toBe(true);
      expect(first.body.entries[0]).toEqual({
        id: exported.id,
        action: 'backup_exported',
        count: 12,
        occurredAt: exported.occurredAt,
        recordedAt: exported.recordedAt,
        receivedAt: new Date(at).toISOString(),
        deviceId: exported.deviceId,
        deviceCode: 'PD2',
        actor: exported.actor,
      });
      const second = await audit(`limit=3&after=${first.body.cursor}`);
      expect(second.body.entries.map((entry) => entry.id)).toEqual([viewed.id]);
      expect(second.body.more).toBe(false);

      const printedOnly = await audit('action=printed&after=');
      expect(printedOnly.body.entries).toEqual([
        expect.objectContaining({ id: printed.id, document: 'ticket', visitId }) as unknown,
      ]);
      const fromPd3 = await audit('deviceCode=PD3');
      expect(fromPd3.body.entries.map((entry) => entry.id)).toEqual([signedIn.id]);
      const both = await audit('deviceCode=PD2&action=signed_in');
      expect(both.body).toMatchObject({ entries: [], cursor: null, more: false });
    });

    it('[P23] refuses a malformed audit query and a cursor from another hub store', async () => {
      const token = await adminToken();
      for (const query of [
        'limit=0',
        'limit=501',
        'limit=2.5',
        'action=deleted',
        'deviceCode=pd2',
        'sort=asc',
      ]) {
        const refused = await call<ErrorBody>(hub, `/api/v1/admin/audit?${query}`, { token });
        expect(refused.status, query).toBe(400);
        expect(refused.body.error.code).toBe('invalid_request');
      }
      const garbage = await call<ErrorBody>(hub, '/api/v1/admin/audit?after=garbage', { token });
      expect(garbage.body.error.code).toBe('cursor_invalid');
      const foreign = await call<ErrorBody>(hub, `/api/v1/admin/audit?after=${'f'.repeat(32)}.3`, { token });
      expect(foreign.status).toBe(409);
      expect(foreign.body.error.code).toBe('cursor_foreign');
    });
  });
});
