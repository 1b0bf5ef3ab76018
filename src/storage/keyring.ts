import * as z from 'zod/mini';
import type { PassphraseBox } from '@/lib/crypto/passphrase';
import type { SiagaDb } from './db';
import { readMeta, writeMeta } from './meta';

const KEYRING_KEY = 'keyring';

const boxSchema = z.strictObject({
  kdf: z.strictObject({
    algorithm: z.literal('PBKDF2-SHA256'),
    iterations: z.number().check(z.int(), z.gte(100_000)),
    salt: z.string(),
  }),
  iv: z.string(),
  ct: z.string(),
});

const keyringSchema = z.strictObject({
  /** The data key's version: stored in every encrypted record, so a rotation can tell them apart. */
  keyVersion: z.number().check(z.int(), z.gte(1)),
  /** User id → the device's data key wrapped by that user's passphrase. */
  wraps: z.record(z.string(), boxSchema),
  /** User id → that user's screen-unlock PIN check (a gate for a session in memory, no key). */
  pins: z.record(z.string(), boxSchema),
  /** A known value under the data key: tells a key from the hub is this device's key. */
  check: z.strictObject({ iv: z.string(), ct: z.string() }),
  /** The hub store that holds a sealed copy of the data key for first sign-ins elsewhere. */
  escrowedWith: z.optional(z.string()),
  /**
   * User id → that person's signing key (decision 0010): the private half under their passphrase,
   * with the public half it belongs to. Opened at sign-in, held in memory while unlocked.
   */
  signers: z.optional(
    z.record(z.string(), z.strictObject({ ...boxSchema.def.shape, publicKey: z.string() })),
  ),
  /** This device's own signing key [P33]: the private half under the data key. */
  device: z.optional(
    z.strictObject({ publicKey: z.string(), box: z.strictObject({ iv: z.string(), ct: z.string() }) }),
  ),
});
export type Keyring = z.output<typeof keyringSchema>;

/**
 * The device's keys at rest: only wrapped copies of the data key, one per user who has signed in
 * here. Nothing in it opens without a passphrase.
 */
export function loadKeyring(db: SiagaDb): Promise<Keyring | undefined> {
  return readMeta(db, KEYRING_KEY, keyringSchema);
}

export function saveKeyring(db: SiagaDb, keyring: Keyring): Promise<void> {
  return writeMeta(db, KEYRING_KEY, keyring);
}

/** Updates the keyring in one transaction, so two tabs adding users cannot drop each other's. */
export async function updateKeyring(db: SiagaDb, change: (keyring: Keyring) => Keyring): Promise<Keyring> {
  return db.transaction('rw', db.meta, async () => {
    const current = await loadKeyring(db);
    if (!current) throw new Error('This device has no keyring yet.');
    const next = change(current);
    await saveKeyring(db, next);
    return next;
  });
}

export const wrapAad = (deviceId: string, userId: string, keyVersion: number) =>
  `keyring|${deviceId}|${userId}|k${keyVersion}`;

export const checkAad = (deviceId: string) => `keyring-check|${deviceId}`;
export const CHECK_TEXT = 'siaga-data-key';

export type WrappedKey = PassphraseBox;
