import { ROLES, signingBytes, type DomainEvent, type Role } from '@/domain';
import {
  exportSigningPublicKey,
  generateSigningKeyPair,
  signBytes,
  signingKeyId,
} from '@/lib/crypto/signing';
import { uuidv7 } from '@/lib/ids';
import type { Signers } from '@/storage';
import { keyIdOf } from '../../server/accounts/accountKeys';
import type { HubDatabase } from '../../server/db/openHubDatabase';

/**
 * The test hospital's people: one account per role, each with a real signing key (decision 0010).
 * Test events name them as actors, the test hub knows them (`seedTestAccounts`),
 * and every event sent to it is signed by the account it names, as a device would.
 */
export type TestPerson = {
  userId: string;
  name: string;
  role: Role;
  publicKey: string;
  keyId: string;
  privateKey: CryptoKey;
};

const NAMES: Record<Role, string> = {
  registration: 'Rina Petugas',
  records: 'Sari Rekam',
  clinician: 'Ners Dewi',
  recovery: 'Putri Pemulihan',
  admin: 'IT Uji',
};

async function person(role: Role): Promise<TestPerson> {
  const pair = await generateSigningKeyPair(false);
  const publicKey = await exportSigningPublicKey(pair.publicKey);
  return {
    userId: uuidv7(),
    name: NAMES[role],
    role,
    publicKey,
    keyId: await signingKeyId(publicKey),
    privateKey: pair.privateKey,
  };
}

export const TEST_PEOPLE: Record<Role, TestPerson> = Object.fromEntries(
  await Promise.all(ROLES.map(async (role) => [role, await person(role)] as const)),
) as Record<Role, TestPerson>;

export function testActor(role: Role): { userId: string; name: string; role: Role } {
  const { userId, name } = TEST_PEOPLE[role];
  return { userId, name, role };
}

/** What a signed-in session gives the storage commands: the person's key (no device key). */
export function testSigners(role: Role): Signers {
  const { userId, keyId, privateKey } = TEST_PEOPLE[role];
  return { person: { userId, keyId, privateKey }, device: undefined };
}

const byUserId = new Map(Object.values(TEST_PEOPLE).map((test) => [test.userId, test]));

/**
 * The event signed by the test person it names, as their device would; an event naming anyone
 * else (a test of forgeries) or already signed is returned as it is.
 */
export async function signedByNamedPerson<T>(event: T): Promise<T> {
  const candidate = event as DomainEvent;
  const signer = byUserId.get(candidate?.actor?.userId);
  if (!signer || candidate.signature || typeof candidate.type !== 'string') return event;
  const value = await signBytes(signer.privateKey, signingBytes(candidate));
  return { ...candidate, signature: { keyId: signer.keyId, value } } as T;
}

/** The test people's keys as a device knows them once their account events have arrived. */
export function testSigningKeyDirectory(): Record<string, { userId: string; publicKey: string }> {
  return Object.fromEntries(
    Object.values(TEST_PEOPLE).map((test) => [
      test.keyId,
      { userId: test.userId, publicKey: test.publicKey },
    ]),
  );
}

/** The test people as a hub knows them: accounts with their roles and bound signing keys. */
export function seedTestAccounts(db: HubDatabase): void {
  const account = db.prepare(
    `INSERT INTO users (user_id, username, display_name, role, active, credentials, updated_at)
     VALUES (?, ?, ?, ?, 1, '{}', '2026-11-22T00:00:00.000Z') ON CONFLICT (user_id) DO NOTHING`,
  );
  const key = db.prepare(
    `INSERT INTO signing_keys (key_id, user_id, public_key, bound_by, bound_at)
     VALUES (?, ?, ?, 'seed', '2026-11-22T00:00:00.000Z') ON CONFLICT (key_id) DO NOTHING`,
  );
  for (const test of Object.values(TEST_PEOPLE)) {
    account.run(test.userId, `uji-${test.role}`, test.name, test.role);
    key.run(keyIdOf(test.publicKey), test.userId, test.publicKey);
  }
}
