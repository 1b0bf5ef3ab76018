import type { FastifyReply } from 'fastify';
import { sendError } from '../httpErrors';

export type AttemptCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts failed attempts at a secret (an enrollment code, a PIN, a password) per key: a client IP,
 * an account. Call `check` before verifying, then `fail` or `succeed` with the outcome.
 */
export type AttemptLimiter = {
  check: (key: string) => AttemptCheck;
  /** Records a failure; returns what the key's next attempt will meet. */
  fail: (key: string) => AttemptCheck;
  /** The secret was right: the key starts afresh. */
  succeed: (key: string) => void;
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

type Entry = { failures: number; lastFailureAt: number; lockedUntil: number };

/**
 * In-memory: a hub is one process on the LAN, and a restart that forgets the counts only gives an
 * attacker a few more tries. After `freeFailures` failures a key is locked for 1 s, then 2 s, 4 s…
 * up to `maxLockMs`, so a person who mistypes waits seconds and a script guessing codes gets about
 * one try per 15 minutes. The counter is forgotten only after a quiet `windowMs` past the last lock,
 * so waiting out a lock does not buy new free tries.
 *
 * Checking and recording are separate calls: a route that verifies asynchronously (a slow key
 * derivation) lets concurrent attempts of one key through until the first failure is recorded.
 */
export function createAttemptLimiter(options: AttemptLimiterOptions = {}): AttemptLimiter {
  const freeFailures = options.freeFailures ?? 5;
  const windowMs = options.windowMs ?? 15 * MINUTE;
  const maxLockMs = options.maxLockMs ?? 15 * MINUTE;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const isForgotten = (entry: Entry, at: number) =>
    at >= Math.max(entry.lastFailureAt, entry.lockedUntil) + windowMs;

  const live = (key: string, at: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && isForgotten(entry, at)) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const checkAt = (key: string, at: number): AttemptCheck => {
    const entry = live(key, at);
    if (!entry || at >= entry.lockedUntil) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((entry.lockedUntil - at) / 1000)) };
  };

  /** Keeps memory bounded when many keys (addresses) fail: forgotten ones first, then the oldest. */
  const makeRoom = (at: number) => {
    if (entries.size < maxKeys) return;
    for (const [key, entry] of entries) if (isForgotten(entry, at)) entries.delete(key);
    for (const key of entries.keys()) {
      if (entries.size < maxKeys) break;
      entries.delete(key);
    }
  };

  return {
    check: (key) => checkAt(key, now()),
    fail: (key) => {
      const at = now();
      let entry = live(key, at);
      if (!entry) {
        makeRoom(at);
        entry = { failures: 0, lastFailureAt: at, lockedUntil: 0 };
        entries.set(key, entry);
      }
      entry.failures += 1;
      entry.lastFailureAt = at;
      if (entry.failures >= freeFailures) {
        const lockMs = Math.min(maxLockMs, 1000 * 2 ** (entry.failures - freeFailures));
        entry.lockedUntil = Math.max(entry.lockedUntil, at + lockMs);
      }
      return checkAt(key, at);
    },
    succeed: (key) => {
      entries.delete(key);
    },
  };
}

/** The longest wait among several keys of one attempt (its address and its account, say). */
export function checkAttempts(limiter: AttemptLimiter, keys: readonly string[]): AttemptCheck {
  let longest = 0;
  for (const key of keys) {
    const result = limiter.check(key);
    if (!result.allowed) longest = Math.max(longest, result.retryAfterSeconds);
  }
  return longest > 0 ? { allowed: false, retryAfterSeconds: longest } : { allowed: true };
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
