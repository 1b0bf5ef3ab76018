import { describe, expect, it } from 'vitest';
import { clearSignInFailures, recordSignInFailure, waitBeforeSignIn } from '@/session/signInThrottle';
import { useTestDb } from '../dbTestUtils';

const T0 = Date.parse('2026-11-22T01:00:00Z');

describe('sign-in throttle', () => {
  const makeDb = useTestDb();

  it('gives 3 free tries, then waits of 1 s, 2 s, 4 s… up to 5 minutes, counted from the failure', async () => {
    const db = makeDb();
    const waits: number[] = [];
    for (let failure = 0; failure < 13; failure += 1)
      waits.push(await recordSignInFailure(db, 'rina.p', T0 + failure));
    expect(waits).toEqual([
      0, 0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000,
    ]);
    expect(await waitBeforeSignIn(db, 'rina.p', T0 + 12)).toBe(300_000);
    expect(await waitBeforeSignIn(db, 'rina.p', T0 + 12 + 299_000)).toBe(1_000);
    expect(await waitBeforeSignIn(db, 'rina.p', T0 + 12 + 300_000)).toBe(0);
  });

  it('keeps each username apart, and a success clears only that one', async () => {
    const db = makeDb();
    for (let failure = 0; failure < 3; failure += 1) {
      await recordSignInFailure(db, 'rina.p', T0);
      await recordSignInFailure(db, 'ani.n', T0);
    }
    expect(await waitBeforeSignIn(db, 'budi.x', T0)).toBe(0);
    expect(await waitBeforeSignIn(db, 'rina.p', T0)).toBe(1_000);
    await clearSignInFailures(db, 'rina.p');
    expect(await waitBeforeSignIn(db, 'rina.p', T0)).toBe(0);
    expect(await waitBeforeSignIn(db, 'ani.n', T0)).toBe(1_000);
    // After a clear, the free tries start over.
    expect(await recordSignInFailure(db, 'rina.p', T0)).toBe(0);
    await clearSignInFailures(db, 'nobody');
    expect(await waitBeforeSignIn(db, 'ani.n', T0)).toBe(1_000);
  });
});
