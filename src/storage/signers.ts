import { signingBytes, type DomainEvent } from '@/domain';
import { signBytes } from '@/lib/crypto/signing';
import type { SiagaDb } from './db';

/** A private signing key in memory (not extractable) and the id of its public half. */
export type Signer = { keyId: string; privateKey: CryptoKey };

/**
 * Who signs what is captured here now: the signed-in person's key (only while their session is
 * unlocked) and this device's key [P32, P33]. Set by the session with the actor; in memory only.
 */
export type Signers = { person: Signer & { userId: string }; device: Signer | undefined };

let current: Signers | undefined;
/** Tests and benchmarks run several devices in one process: each database can have its own. */
const perDatabase = new WeakMap<SiagaDb, Signers | undefined>();

export function setCurrentSigners(signers: Signers | undefined, db?: SiagaDb): void {
  if (db) perDatabase.set(db, signers);
  else current = signers;
}

export function currentSigners(db?: SiagaDb): Signers | undefined {
  return db && perDatabase.has(db) ? perDatabase.get(db) : current;
}

/**
 * The events signed by the person who made them and by this device, over their signed form
 * (after every other field is final: drill marks included). An event naming another person than
 * the signer is a bug in the caller, not something to sign.
 */
export async function signEvents(signers: Signers, events: readonly DomainEvent[]): Promise<DomainEvent[]> {
  return Promise.all(
    events.map(async (made) => {
      if (made.actor.userId !== signers.person.userId)
        throw new Error(`event ${made.id} names another person than its signer`);
      // A correction starts from the refused event: its old signatures are not this one's.
      const { signature: _person, deviceSignature: _device, ...unsigned } = made;
      const event = unsigned as DomainEvent;
      const bytes = signingBytes(event);
      const [person, device] = await Promise.all([
        signBytes(signers.person.privateKey, bytes),
        signers.device ? signBytes(signers.device.privateKey, bytes) : undefined,
      ]);
      return {
        ...event,
        signature: { keyId: signers.person.keyId, value: person },
        ...(signers.device && device
          ? { deviceSignature: { keyId: signers.device.keyId, value: device } }
          : {}),
      };
    }),
  );
}
