import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@/lib/ids';
import { checkAttempts, createAttemptLimiter } from '../../../server/security/rateLimit';
import { startTestHub, TEST_ENROLLMENT_CODE, type TestHub } from './hubTestServer';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

function fakeClock() {
  let at = Date.parse('2026-11-22T08:00:00+07:00');
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describe('attempt limiter', () => {
  it('allows five failures, then locks for 1 s, 2 s, 4 s… capped at 15 minutes', () => {
    const clock = fakeClock();
    const limiter = createAttemptLimiter({ now: clock.now });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(limiter.check('10.0.0.7')).toEqual({ allowed: true });
      expect(limiter.fail('10.0.0.7')).toEqual({ allowed: true });
    }
    const waits: number[] = [];
    for (let failure = 5; failure <= 17; failure += 1) {
      expect(limiter.check('10.0.0.7')).toEqual({ allowed: true });
      const after = limiter.fail('10.0.0.7');
      expect(after.allowed).toBe(false);
      const wait = after.allowed ? 0 : after.retryAfterSeconds;
      waits.push(wait);
      expect(limiter.check('10.0.0.7')).toEqual({ allowed: false, retryAfterSeconds: wait });
      clock.advance(wait * SECOND - 1);
      expect(limiter.check('10.0.0.7').allowed).toBe(false);
      clock.advance(1);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
  });

  it('counts each key on its own and starts a key afresh after a success', () => {
    const clock = fakeClock();
    const limiter = createAttemptLimiter({ now: clock.now });
    for (let attempt = 0; attempt < 5; attempt += 1) limiter.fail('ip:10.0.0.7');
    expect(limiter.check('ip:10.0.0.7').allowed).toBe(false);
    expect(limiter.check('ip:10.0.0.8')).toEqual({ allowed: true });
    expect(limiter.check('account:rina')).toEqual({ allowed: true });
    limiter.succeed('ip:10.0.0.7');
    expect(limiter.check('ip:10.0.0.7')).toEqual({ allowed: true });
    for (let attempt = 0; attempt < 4; attempt += 1) expect(limiter.fail('ip:10.0.0.7').allowed).toBe(true);
  });

  it('forgets failures after 15 quiet minutes, but waiting out a lock buys no new free tries', () => {
    const clock = fakeClock();
    const limiter = createAttemptLimiter({ now: clock.now });
    for (let attempt = 0; attempt < 4; attempt += 1) limiter.fail('a');
    clock.advance(15 * MINUTE);
    for (let attempt = 0; attempt < 4; attempt += 1) expect(limiter.fail('a').allowed).toBe(true);

    // A script that waits out each lock: its locks grow to the cap.
    for (let attempt = 0; attempt < 15; attempt += 1) {
      const after = limiter.fail('b');
      if (!after.allowed) clock.advance(after.retryAfterSeconds * SECOND);
    }
    // The last lock has just ended; the very next failure locks for the cap again.
    expect(limiter.check('b')).toEqual({ allowed: true });
    expect(limiter.fail('b')).toEqual({ allowed: false, retryAfterSeconds: 900 });
    clock.advance(15 * MINUTE);
    expect(limiter.fail('b')).toEqual({ allowed: false, retryAfterSeconds: 900 });
    // Quiet for a whole window after the lock ends: a clean slate.
    clock.advance(15 * MINUTE + 15 * MINUTE);
    expect(limiter.fail('b')).toEqual({ allowed: true });
  });

  it('keeps at most maxKeys keys, dropping forgotten ones first', () => {
    const clock = fakeClock();
    const limiter = createAttemptLimiter({ now: clock.now, maxKeys: 3, freeFailures: 1 });
    limiter.fail('old');
    clock.advance(16 * MINUTE);
    limiter.fail('b');
    limiter.fail('c');
    limiter.fail('d');
    expect(['b', 'c', 'd'].map((key) => limiter.check(key).allowed)).toEqual([false, false, false]);
    limiter.fail('e');
    // The oldest live key made room; memory stays bounded whatever the number of addresses.
    expect(['b', 'c', 'd', 'e'].map((key) => limiter.check(key).allowed)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('reports the longest wait among the keys of one attempt', () => {
    const clock = fakeClock();
    const limiter = createAttemptLimiter({ now: clock.now, freeFailures: 1 });
    limiter.fail('ip');
    limiter.fail('account');
    limiter.fail('account');
    expect(checkAttempts(limiter, ['ip', 'account', 'other'])).toEqual({
      allowed: false,
      retryAfterSeconds: 2,
    });
    expect(checkAttempts(limiter, ['other'])).toEqual({ allowed: true });
  });
});

describe('POST /api/v1/enroll limits wrong codes per client address', () => {
  const clock = fakeClock();
  let hub: TestHub;
  let defaultHub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ enrollAttempts: createAttemptLimiter({ now: clock.now }) });
    defaultHub = await startTestHub();
  });
  afterAll(async () => {
    await hub.close();
    await defaultHub.close();
  });

  let deviceNumber = 0;
  const enroll = (on: TestHub, code: string, body?: string) => {
    deviceNumber += 1;
    return fetch(`${on.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body:
        body ??
        JSON.stringify({ code, deviceId: uuidv7(), deviceCode: `R${String(deviceNumber).padStart(2, '0')}` }),
    });
  };

  it('answers 429 with Retry-After after five wrong codes, even for the right one, until the lock ends', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await enroll(hub, 'WRONG-CODE')).status).toBe(401);
    }
    const locked = await enroll(hub, TEST_ENROLLMENT_CODE);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
    expect(await locked.json()).toEqual({
      error: { code: 'too_many_attempts', message: expect.stringContaining('1 second') as unknown },
    });
    clock.advance(SECOND);
    expect((await enroll(hub, 'WRONG-CODE')).status).toBe(401);
    const longer = await enroll(hub, TEST_ENROLLMENT_CODE);
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('2');
    clock.advance(2 * SECOND);
    expect((await enroll(hub, TEST_ENROLLMENT_CODE)).status).toBe(201);
    // The right code started the address afresh.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await enroll(hub, 'WRONG-CODE')).status).toBe(401);
    }
    expect((await enroll(hub, 'WRONG-CODE')).status).toBe(429);
    clock.advance(15 * MINUTE);
  });

  it('does not count malformed requests as guesses', async () => {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      expect((await enroll(hub, '', '{"code": 12}')).status).toBe(400);
    }
    expect((await enroll(hub, TEST_ENROLLMENT_CODE)).status).toBe(201);
  });

  it('is on by default', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await enroll(defaultHub, 'WRONG-CODE')).status).toBe(401);
    }
    const locked = await enroll(defaultHub, TEST_ENROLLMENT_CODE);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
