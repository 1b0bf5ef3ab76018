import type { Actor, Role } from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { exportSigningPublicKey, generateSigningKeyPair, signingKeyId } from '@/lib/crypto/signing';
import {
  rememberSigningKeys,
  setCurrentActor,
  setCurrentSigners,
  type Signer,
  type Signers,
  type SiagaDb,
} from '@/storage';

/** A bench person: an account's identity and its signing key (the private half never leaves the page). */
type BenchPerson = { userId: string; name: string; role: Role; publicKey: string; signer: Signer };

async function newSigner(): Promise<{ publicKey: string; signer: Signer }> {
  const pair = await generateSigningKeyPair(false);
  const publicKey = await exportSigningPublicKey(pair.publicKey);
  return { publicKey, signer: { keyId: await signingKeyId(publicKey), privateKey: pair.privateKey } };
}

const people = new Map<Role, Promise<BenchPerson>>();
let deviceSigner: Promise<Signer> | undefined;

function person(role: Role): Promise<BenchPerson> {
  let made = people.get(role);
  if (!made) {
    made = newSigner().then(({ publicKey, signer }) => ({
      userId: uuidv7(),
      name: `Bench ${role}`,
      role,
      publicKey,
      signer,
    }));
    people.set(role, made);
  }
  return made;
}

/** The bench person of this role and the bench device, as signers of what they record. */
export async function benchSigners(role: Role): Promise<Signers & { actor: Actor }> {
  const { userId, name, signer } = await person(role);
  deviceSigner ??= newSigner().then(({ signer: device }) => device);
  return { actor: { userId, name, role }, person: { ...signer, userId }, device: await deviceSigner };
}

/**
 * Records on `db` are made by the bench person of this role, signed by them and by a device key as
 * the app signs every save (decision 0010): the saves measured include both signatures.
 */
export async function actAs(db: SiagaDb, role: Role): Promise<void> {
  const { actor, ...signers } = await benchSigners(role);
  setCurrentActor(actor, db);
  setCurrentSigners(signers, db);
}

/** The account a hub must know for the bench person's events to be accepted (public data only). */
export async function benchAccount(role: Role) {
  const { userId, name, publicKey } = await person(role);
  return { userId, name, role, publicKey };
}

/**
 * A fresh device knows the bench people's keys, as it would from their account events (which the
 * bench hub does not hold: it was told the accounts directly), so it applies what they signed.
 */
export async function knowBenchPeople(db: SiagaDb): Promise<void> {
  const known = await Promise.all(
    [...people.values()].map(async (made) => {
      const { userId, publicKey, signer } = await made;
      return [signer.keyId, { userId, publicKey }] as const;
    }),
  );
  await rememberSigningKeys(db, Object.fromEntries(known));
}
