import type { FastifyReply } from 'fastify';
import { sendError } from '../httpErrors';

export type AttemptCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * One attempt at a secret, counted from the moment it was reserved. Release it exactly once with
 * the outcome; a second release does nothing.
 */
export type Reservation = {
  /** The secret was right: every key of the attempt starts afresh. */
  succeed: () => void;
  /** The secret was wrong; returns what the keys' next attempt will meet. */
  fail: () => AttemptCheck;
};

/**
 * Counts attempts at a secret (an enrollment code, a passphrase) per key: a client IP, an
 * account, a device [P40]. `reserve` counts the attempt before the (possibly slow) check of the
 * secret, so attempts in flight use up the free allowance as if they had failed: concurrent
 * guesses cannot all slip past one check while the first is still being verified.
 */
export type AttemptLimiter = {
  /** What an attempt on `key` would meet now (attempts in flight included). */
  check: (key: string) => AttemptCheck;
  /** Counts an attempt on all `keys` at once, or refuses it with the longest wait among them. */
  reserve: (
    keys: readonly string[],
  ) => ({ allowed: true } & Reservation) | Extract<AttemptCheck, { allowed: false }>;
};

export type AttemptLimiterOptions = {
  /** Failures allowed before the first lock (default 5). */
  freeFailures?: number;
  /** A key is forgotten after this long without failures, counted from the end of its lock. */
  windowMs?: number;
  /** The longest lock (default 15 minutes). */
  maxLockMs?: number;
  /** Keys kept at most; past it, forgotten keys go first, then the oldest (default 10,000). */
  maxKeys?: number;
  /** Milliseconds since the epoch; tests move it by hand. */
  now?: () => number;
};

const MINUTE = 60_000;

type Entry = { failures: number; inFlight: number; lastFailureAt: number; lockedUntil: number };

/**
 * In-memory: a hub is one process on the LAN, and a restart that forgets the counts only gives an
 * attacker a few more tries. After `freeFailures` failures a key is locked for 1 s, then 2 s, 4 s…
 * up to `maxLockMs`, so a person who mistypes waits seconds and a script guessing codes gets about
 * one try per 15 minutes. The counter is forgotten only after a quiet `windowMs` past the last lock,
 * so waiting out a lock does not buy new free tries.
 *
 * An attempt in flight counts as a failure until it is released: within the free allowance it
 * takes one of the free tries, past it it holds off every other attempt of its keys.
 */
export function createAttemptLimiter(options: AttemptLimiterOptions = {}): AttemptLimiter {
  const freeFailures = options.freeFailures ?? 5;
  const windowMs = options.windowMs ?? 15 * MINUTE;
  const maxLockMs = options.maxLockMs ?? 15 * MINUTE;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const lockMsAfter = (failures: number) =>
    failures < freeFailures ? 0 : Math.min(maxLockMs, 1000 * 2 ** (failures - freeFailures));

  // An entry with an attempt in flight is never dropped: its reservation still holds it.
  const isForgotten = (entry: Entry, at: number) =>
    entry.inFlight === 0 && at >= Math.max(entry.lastFailureAt, entry.lockedUntil) + windowMs;

  const live = (key: string, at: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && isForgotten(entry, at)) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  /** Its lock, or the lock it would get were every attempt in flight to fail now. */
  const waitMs = (entry: Entry | undefined, at: number): number => {
    if (!entry) return 0;
    const pending = entry.inFlight > 0 ? at + lockMsAfter(entry.failures + entry.inFlight) : 0;
    return Math.max(0, Math.max(entry.lockedUntil, pending) - at);
  };

  const checkKeys = (keys: readonly string[], at: number): AttemptCheck => {
    const longest = Math.max(0, ...keys.map((key) => waitMs(live(key, at), at)));
    return longest > 0
      ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(longest / 1000)) }
      : { allowed: true };
  };

  /** Keeps memory bounded when many keys (addresses) fail: forgotten ones first, then the oldest. */
  const makeRoom = (at: number) => {
    if (entries.size < maxKeys) return;
    for (const [key, entry] of entries) if (isForgotten(entry, at)) entries.delete(key);
    for (const [key, entry] of entries) {
      if (entries.size < maxKeys) break;
      if (entry.inFlight === 0) entries.delete(key);
    }
  };

  const entryFor = (key: string, at: number): Entry => {
    let entry = live(key, at);
    if (!entry) {
      makeRoom(at);
      entry = { failures: 0, inFlight: 0, lastFailureAt: at, lockedUntil: 0 };
      entries.set(key, entry);
    }
    return entry;
  };

  return {
    check: (key) => checkKeys([key], now()),
    reserve: (keys) => {
      const refusal = checkKeys(keys, now());
      if (!refusal.allowed) return refusal;
      // Synchronous from the check to here: no other request can slip in between.
      const held = keys.map((key) => [key, entryFor(key, now())] as const);
      held.forEach(([, entry]) => (entry.inFlight += 1));
      let released = false;
      const release = () => {
        if (released) return false;
        released = true;
        held.forEach(([, entry]) => (entry.inFlight -= 1));
        return true;
      };
      return {
        allowed: true,
        succeed: () => {
          if (!release()) return;
          for (const [key, entry] of held) {
            entry.failures = 0;
            entry.lockedUntil = 0;
            if (entry.inFlight === 0 && entries.get(key) === entry) entries.delete(key);
          }
        },
        fail: () => {
          const at = now();
          if (release()) {
            for (const [, entry] of held) {
              entry.failures += 1;
              entry.lastFailureAt = at;
              entry.lockedUntil = Math.max(entry.lockedUntil, at + lockMsAfter(entry.failures));
            }
          }
          return checkKeys(keys, at);
        },
      };
    },
  };
}

/** `429 too_many_attempts` with `Retry-After`, which the device's sync engine honours [P15]. */
export function sendTooManyAttempts(reply: FastifyReply, retryAfterSeconds: number): FastifyReply {
  void reply.header('retry-after', String(retryAfterSeconds));
  return sendError(
    reply,
    429,
    'too_many_attempts',
    `Too many wrong attempts. Wait ${retryAfterSeconds} seconds before trying again.`,
  );
}
