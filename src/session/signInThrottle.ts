import * as z from 'zod/mini';
import { readMeta, writeMeta, type SiagaDb } from '@/storage';

const KEY = 'signInThrottle';
/** Free tries before the first wait; then 1 s, 2 s, 4 s… up to 5 minutes. */
const FREE_FAILURES = 3;
const MAX_WAIT_MS = 5 * 60_000;

const throttleSchema = z.record(z.string(), z.strictObject({ failures: z.number(), until: z.number() }));

/**
 * Wrong passphrases on this device, per username, kept in IndexedDB so a reload does not reset
 * them. A person who mistypes waits seconds; a script guessing waits minutes per try (and each
 * try costs a 600,000-round key derivation anyway).
 */
export async function waitBeforeSignIn(db: SiagaDb, username: string, now: number): Promise<number> {
  const entry = (await readMeta(db, KEY, throttleSchema))?.[username];
  return entry ? Math.max(0, entry.until - now) : 0;
}

export async function recordSignInFailure(db: SiagaDb, username: string, now: number): Promise<number> {
  const all = (await readMeta(db, KEY, throttleSchema)) ?? {};
  const failures = (all[username]?.failures ?? 0) + 1;
  const wait = failures < FREE_FAILURES ? 0 : Math.min(MAX_WAIT_MS, 1_000 * 2 ** (failures - FREE_FAILURES));
  await writeMeta(db, KEY, { ...all, [username]: { failures, until: now + wait } });
  return wait;
}

export async function clearSignInFailures(db: SiagaDb, username: string): Promise<void> {
  const all = (await readMeta(db, KEY, throttleSchema)) ?? {};
  if (!(username in all)) return;
  const { [username]: _cleared, ...rest } = all;
  await writeMeta(db, KEY, rest);
}
