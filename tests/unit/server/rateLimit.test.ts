import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPublicKey, generateSealingKeyPair } from '@/lib/crypto/sealedBox';
import { uuidv7 } from '@/lib/ids';
import { createAttemptLimiter, type AttemptLimiter } from '../../../server/security/rateLimit';
import {
  call,
  enrollTestDevice,
  push,
  testAccount,
  userCreated,
  type Answer,
  type EnrolledTestDevice,
  type ErrorBody,
} from './hubCalls';
import { startTestHub, TEST_ENROLLMENT_CODE, type TestHub } from './hubTestServer';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

function fakeClock() {
  let at = Date.parse('2026-11-22T08:00:00+07:00');
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

/** One whole attempt: reserved, then released as a failure. */
function failOnce(limiter: AttemptLimiter, keys: string | readonly string[]) {
  const attempt = limiter.reserve(typeof keys === 'string' ? [keys] : keys);
  if (!attempt.allowed) throw new Error(`refused for ${attempt.retryAfterSeconds} s`);
  return attempt.fail();
}

describe('attempt limiter', () => {
  it('allows five failures, then locks for 1 s, 2 s, 4 s… capped at 15 minutes', () => {
    const clock = fakeClock();
    const limiter = createAttemptLimiter({ now: clock.now });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(limiter.check('10.0.0.7')).toEqual({ allowed: true });
      expect(failOnce(limiter, '10.0.0.7')).toEqual({ allowed: true });
    }
    const waits: number[] = [];
    for (let failure = 5; failure <= 17; failure += 1) {
      expect(limiter.check('10.0.0.7')).toEqual({ allowed: true });
      const after = failOnce(limiter, '10.0.0.7');
      expect(after.allowed).toBe(false);
      const wait = after.allowed ? 0 : after.retryAfterSeconds;
      waits.push(wait);
      expect(limiter.check('10.0.0.7')).toEqual({ allowed: false, retryAfterSeconds: wait });
      expect(limiter.reserve(['10.0.0.7'])).toEqual({ allowed: false, retryAfterSeconds: wait });
      clock.advance(wait * SECOND - 1);
      expect(limiter.check('10.0.0.7').allowed).toBe(false);
      clock.advance(1);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
  });

  it('counts each key on its own and starts every key of an attempt afresh after a success', () => {
    const clock = fakeClock();
    const limiter = createAttemptLimiter({ now: clock.now });
    for (let attempt = 0; attempt < 5; attempt += 1) failOnce(limiter, 'ip:10.0.0.7');
    expect(limiter.check('ip:10.0.0.7').allowed).toBe(false);
    expect(limiter.check('ip:10.0.0.8')).toEqual({ allowed: true });
    expect(limiter.check('account:rina')).toEqual({ allowed: true });
    for (let attempt = 0; attempt < 3; attempt += 1) failOnce(limiter, ['account:rina', 'ip:10.0.0.8']);
    const right = limiter.reserve(['account:rina', 'ip:10.0.0.8']);
    expect(right.allowed).toBe(true);
    if (right.allowed) right.succeed();
    for (const key of ['account:rina', 'ip:10.0.0.8']) {
      for (let attempt = 0; attempt < 4; attempt += 1) expect(failOnce(limiter, key).allowed).toBe(true);
    }
    // One locked key refuses the whole attempt, and nothing of it is counted on the others.
    expect(limiter.reserve(['ip:10.0.0.9', 'ip:10.0.0.7']).allowed).toBe(false);
    expect(limiter.check('ip:10.0.0.9')).toEqual({ allowed: true });
    for (let attempt = 0; attempt < 4; attempt += 1)
      expect(failOnce(limiter, 'ip:10.0.0.9').allowed).toBe(true);
  });

  it('[P40] counts attempts in flight against the free allowance, and past it lets one through at a time', () => {
    const clock = fakeClock();
    const limiter = createAttemptLimiter({ now: clock.now });
    const inFlight = Array.from({ length: 5 }, () => limiter.reserve(['user:rina']));
    expect(inFlight.every((attempt) => attempt.allowed)).toBe(true);
    // Five checks are still running: a sixth would be past the allowance were they all wrong.
    expect(limiter.reserve(['user:rina'])).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.check('user:rina')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.check('user:other')).toEqual({ allowed: true });
    const [first, ...rest] = inFlight;
    if (first?.allowed) first.succeed();
    // A success clears the failures, yet the four still in flight keep their places.
    const sixth = limiter.reserve(['user:rina']);
    expect(sixth.allowed).toBe(true);
    expect(limiter.reserve(['user:rina']).allowed).toBe(false);
    for (const attempt of [...rest, sixth]) if (attempt.allowed) attempt.fail();
    expect(limiter.check('user:rina')).toEqual({ allowed: false, retryAfterSeconds: 1 });

    // Past the allowance, once a lock has ended: one attempt, and the next waits for its outcome.
    clock.advance(SECOND);
    const single = limiter.reserve(['user:rina']);
    expect(single.allowed).toBe(true);
    expect(limiter.reserve(['user:rina'])).toEqual({ allowed: false, retryAfterSeconds: 2 });
    // Released twice (a route's catch and its normal path): counted once.
    if (single.allowed) {
      expect(single.fail()).toEqual({ allowed: false, retryAfterSeconds: 2 });
      expect(single.fail()).toEqual({ allowed: false, retryAfterSeconds: 2 });
      single.succeed();
    }
    expect(limiter.check('user:rina')).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it('never forgets or evicts a key while an attempt on it is in flight', () => {
    const clock = fakeClock();
    const limiter = createAttemptLimiter({ now: clock.now, maxKeys: 2, freeFailures: 1 });
    const slow = limiter.reserve(['slow']);
    expect(slow.allowed).toBe(true);
    clock.advance(60 * MINUTE);
    failOnce(limiter, 'b');
    failOnce(limiter, 'c');
    expect(limiter.reserve(['slow']).allowed).toBe(false);
    if (slow.allowed) expect(slow.fail()).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('forgets failures after 15 quiet minutes, but waiting out a lock buys no new free tries', () => {
    const clock = fakeClock();
    const limiter = createAttemptLimiter({ now: clock.now });
    for (let attempt = 0; attempt < 4; attempt += 1) failOnce(limiter, 'a');
    clock.advance(15 * MINUTE);
    for (let attempt = 0; attempt < 4; attempt += 1) expect(failOnce(limiter, 'a').allowed).toBe(true);

    // A script that waits out each lock: its locks grow to the cap.
    for (let attempt = 0; attempt < 15; attempt += 1) {
      const after = failOnce(limiter, 'b');
      if (!after.allowed) clock.advance(after.retryAfterSeconds * SECOND);
    }
    // The last lock has just ended; the very next failure locks for the cap again.
    expect(limiter.check('b')).toEqual({ allowed: true });
    expect(failOnce(limiter, 'b')).toEqual({ allowed: false, retryAfterSeconds: 900 });
    clock.advance(15 * MINUTE);
    expect(failOnce(limiter, 'b')).toEqual({ allowed: false, retryAfterSeconds: 900 });
    // Quiet for a whole window after the lock ends: a clean slate.
    clock.advance(15 * MINUTE + 15 * MINUTE);
    expect(failOnce(limiter, 'b')).toEqual({ allowed: true });
  });

  it('keeps at most maxKeys keys, dropping forgotten ones first', () => {
    const clock = fakeClock();
    const limiter = createAttemptLimiter({ now: clock.now, maxKeys: 3, freeFailures: 1 });
    failOnce(limiter, 'old');
    clock.advance(16 * MINUTE);
    failOnce(limiter, 'b');
    failOnce(limiter, 'c');
    failOnce(limiter, 'd');
    expect(['b', 'c', 'd'].map((key) => limiter.check(key).allowed)).toEqual([false, false, false]);
    failOnce(limiter, 'e');
    // The oldest live key made room; memory stays bounded whatever the number of addresses.
    expect(['b', 'c', 'd', 'e'].map((key) => limiter.check(key).allowed)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('refuses an attempt with the longest wait among its keys', () => {
    const clock = fakeClock();
    const limiter = createAttemptLimiter({ now: clock.now, freeFailures: 1 });
    failOnce(limiter, 'ip');
    failOnce(limiter, 'account');
    clock.advance(SECOND);
    failOnce(limiter, 'account');
    expect(limiter.reserve(['ip', 'account', 'other'])).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(limiter.reserve(['other']).allowed).toBe(true);
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

describe('[P40] concurrent guesses at a slow check, over HTTP and a real SQLite file', () => {
  const GUESSES = 12;
  const FREE = 5;
  // A frozen clock: no lock ends while the burst is being answered.
  const at = Date.parse('2026-11-22T08:00:00+07:00');
  let hub: TestHub;
  let desk: EnrolledTestDevice;
  const admin = testAccount('it.admin', 'admin');
  beforeAll(async () => {
    hub = await startTestHub({
      enrollAttempts: createAttemptLimiter({ now: () => at }),
      signInAttempts: createAttemptLimiter({ now: () => at }),
    });
    desk = await enrollTestDevice(hub, 'IT1');
    const created = await push(hub, desk.token, [await userCreated(admin)]);
    expect(created.body.results[0]?.status).toBe('accepted');
  });
  afterAll(async () => {
    await hub.close();
  });

  /** Sends every request at once; the statuses and Retry-After of the answers. */
  async function burst(send: (guess: number) => Promise<Answer>) {
    const answers = await Promise.all(Array.from({ length: GUESSES }, (_, guess) => send(guess)));
    const refused = answers.filter((answer) => answer.status === 429);
    for (const answer of refused) {
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((answer.body as ErrorBody).error.code).toBe('too_many_attempts');
    }
    return { checked: answers.length - refused.length, statuses: answers.map((answer) => answer.status) };
  }

  it('[P40] checks at most five of twelve concurrent admin sign-ins with a wrong passphrase; the rest get 429 with Retry-After', async () => {
    const { checked, statuses } = await burst((guess) =>
      call(hub, '/api/v1/admin/sessions', {
        body: { username: admin.username, passphrase: `tebakan nomor ${guess} yang salah` },
      }),
    );
    expect(checked).toBe(FREE);
    expect(statuses.filter((status) => status === 401)).toHaveLength(FREE);
    // The account is locked now, even for its right passphrase.
    const right = await call(hub, '/api/v1/admin/sessions', {
      body: { username: admin.username, passphrase: admin.passphrase },
    });
    expect(right.status).toBe(429);
  });

  it('[P40] checks at most five of twelve concurrent key releases with a wrong passphrase', async () => {
    const other = testAccount('rina.p', 'registration');
    expect((await push(hub, desk.token, [await userCreated(other)])).body.results[0]?.status).toBe(
      'accepted',
    );
    const devicePublicKey = await exportPublicKey((await generateSealingKeyPair()).publicKey);
    const { checked, statuses } = await burst((guess) =>
      call(hub, '/api/v1/device-key/release', {
        token: desk.pushToken,
        body: { username: other.username, passphrase: `tebakan nomor ${guess} yang salah`, devicePublicKey },
      }),
    );
    expect(checked).toBe(FREE);
    expect(statuses.filter((status) => status === 401)).toHaveLength(FREE);
  });

  it('[P40] checks at most five of twelve concurrent wrong enrollment codes', async () => {
    const { checked } = await burst((guess) =>
      call(hub, '/api/v1/enroll', {
        body: {
          code: `SALAH-${guess}`,
          deviceId: uuidv7(),
          deviceCode: `X${String(guess).padStart(2, '0')}`,
        },
      }),
    );
    expect(checked).toBe(FREE);
  });
});
