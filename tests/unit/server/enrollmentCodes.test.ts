import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@/lib/ids';
import { CONSOLE_CODE_MS, issueEnrollmentCode } from '../../../server/devices/deviceRegistry';
import { call, type ErrorBody } from './hubCalls';
import { startTestHub, type TestHub } from './hubTestServer';

const HOUR = 60 * 60 * 1000;

describe('[P41] enrollment codes over HTTP and a real SQLite file', () => {
  let at = Date.parse('2026-11-22T08:00:00+07:00');
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ now: () => new Date(at) });
  });
  afterAll(async () => {
    await hub.close();
  });

  const enroll = (code: string, deviceCode: string) =>
    call<Record<string, unknown> & ErrorBody>(hub, '/api/v1/enroll', {
      body: { code, deviceId: uuidv7(), deviceCode },
    });

  it('[P41] gives the console code a day by default, for any number of devices, then refuses it', async () => {
    const issued = issueEnrollmentCode(hub.db, new Date(at));
    expect(CONSOLE_CODE_MS).toBe(24 * HOUR);
    expect(issued).toEqual({
      code: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/) as unknown,
      expiresAt: new Date(at + 24 * HOUR).toISOString(),
    });
    expect((await enroll(issued.code, 'WA1')).status).toBe(201);
    at += 24 * HOUR - 1;
    expect((await enroll(issued.code, 'WA2')).status).toBe(201);
    at += 1;
    const expired = await enroll(issued.code, 'WA3');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('enrollment_code_invalid');
    // A fixed code (SIAGA_ENROLLMENT_CODE) is issued again at every start, for another day.
    const fixed = issueEnrollmentCode(hub.db, new Date(at), 'RS-CONTOH-01');
    expect(fixed).toEqual({ code: 'RS-CONTOH-01', expiresAt: new Date(at + 24 * HOUR).toISOString() });
    expect((await enroll('rs-contoh-01', 'WA4')).status).toBe(201);
  });

  it('[P41] enrolls a device and nothing more: no account, no admin session, and its token is no admin token', async () => {
    const { code } = issueEnrollmentCode(hub.db, new Date(at));
    const accountsBefore = hub.db.prepare('SELECT count(*) AS n FROM users').get();
    const enrolled = await enroll(code, 'WB1');
    expect(enrolled.status).toBe(201);
    expect(Object.keys(enrolled.body).sort()).toEqual(
      ['deviceCode', 'deviceId', 'hubId', 'hubPublicKey', 'pushToken', 'token'].sort(),
    );
    expect(hub.db.prepare('SELECT count(*) AS n FROM users').get()).toEqual(accountsBefore);
    expect(hub.db.prepare('SELECT count(*) AS n FROM admin_sessions').get()).toEqual({ n: 0 });
    for (const token of [enrolled.body.token, enrolled.body.pushToken, code] as string[]) {
      const devices = await call<ErrorBody>(hub, '/api/v1/admin/devices', { token });
      expect(devices.status).toBe(401);
      expect(devices.body.error.code).toBe('admin_session_invalid');
      const issue = await call<ErrorBody>(hub, '/api/v1/admin/enrollment-codes', { method: 'POST', token });
      expect(issue.status).toBe(401);
    }
  });
});
