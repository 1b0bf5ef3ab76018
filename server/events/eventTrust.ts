import { credentialsDigest, signingBytes, type DomainEvent, type EventSignature } from '@/domain';
import { EventRejection, type EventRejectionCode } from '@/domain/sync/hubRefusals';
import { verifyBytes } from '@/lib/crypto/signing';
import { accountStateAt, keyIdOf, signingKeyById, type AccountState } from '../accounts/accountKeys';
import { mayBringFirstAdmin } from '../accounts/firstAdmin';
import type { HubDatabase } from '../db/openHubDatabase';
import { prepared } from '../db/preparedStatement';
import { deviceSigningKey } from '../devices/deviceRegistry';

export type TrustRefusal = { code: EventRejectionCode; message: string; field: string };

const refuse = (code: EventRejectionCode, field: string, message: string): TrustRefusal => ({
  code,
  message,
  field,
});

type PublicKey = { userId: string; publicKey: string };

/**
 * Signature checks of one push, each done once. `warm` starts those it can foresee for the whole
 * batch at once, so they run side by side off the event loop while the rules go event by event.
 */
function signatureVerdicts() {
  const bytesOf = new WeakMap<DomainEvent, Uint8Array<ArrayBuffer>>();
  const verdicts = new WeakMap<DomainEvent, Map<string, Promise<boolean>>>();
  return (publicKey: string, event: DomainEvent, signature: EventSignature): Promise<boolean> => {
    let bytes = bytesOf.get(event);
    if (!bytes) {
      bytes = signingBytes(event);
      bytesOf.set(event, bytes);
    }
    let ofEvent = verdicts.get(event);
    if (!ofEvent) {
      ofEvent = new Map();
      verdicts.set(event, ofEvent);
    }
    const key = `${publicKey} ${signature.value}`;
    let verdict = ofEvent.get(key);
    if (!verdict) {
      verdict = verifyBytes(publicKey, bytes, signature.value);
      ofEvent.set(key, verdict);
    }
    return verdict;
  };
}

/**
 * What the hub believes about an event pushed to it, and nothing more [P32–P35]: who made it is
 * the person whose registered key signed it; their role is the hub's own record of that account
 * when the event was recorded, not the role the event claims; the device it names vouches for it
 * by its own signature whenever another device relays it; account changes need an admin's
 * signature (or the person's own, for their passphrase). The first admin of a hospital signs for
 * itself, once, from the device enrolled with the first-admin code.
 *
 * A batch is checked in order: an account, key or admin made earlier in the same batch counts for
 * the events after it (`accepted` records them), as it will once the batch is stored.
 */
export function createTrustCheck(db: HubDatabase, caller: { deviceId: string; fullToken: boolean }) {
  const signatureHolds = signatureVerdicts();
  const keysInBatch = new Map<string, PublicKey>();
  const accountsInBatch = new Map<string, AccountState>();
  let firstAdminInBatch = false;

  const stateOf = (userId: string, recordedAt: string) =>
    accountsInBatch.get(userId) ?? accountStateAt(db, userId, recordedAt);

  /** A self-signed admin account, the only kind of account that can bring its own key [P35]. */
  function isFirstAdmin(event: DomainEvent): boolean {
    return (
      event.type === 'user.created' &&
      event.payload.role === 'admin' &&
      event.actor.userId === event.entityId &&
      event.payload.signingKey !== undefined &&
      event.signature?.keyId === keyIdOf(event.payload.signingKey)
    );
  }

  async function deviceProblem(event: DomainEvent): Promise<TrustRefusal | undefined> {
    const relayed = event.deviceId !== caller.deviceId;
    const deviceKey = deviceSigningKey(db, event.deviceId);
    const signature = event.deviceSignature;
    if (!deviceKey) return undefined; // a device the hub never enrolled: the person's signature is the proof
    if (!signature) {
      return relayed
        ? refuse(
            EventRejection.BadSignature,
            'deviceSignature',
            'Relayed without the signature of the device it names.',
          )
        : undefined;
    }
    if (signature.keyId !== keyIdOf(deviceKey) || !(await signatureHolds(deviceKey, event, signature)))
      return refuse(
        EventRejection.BadSignature,
        'deviceSignature',
        'The device signature does not match the device it names.',
      );
    return undefined;
  }

  async function accountRuleProblem(
    event: DomainEvent,
    signer: AccountState,
  ): Promise<TrustRefusal | undefined> {
    if (!event.type.startsWith('user.')) return undefined;
    // The push-only token is readable on a locked (or stolen) device: account changes need a session.
    if (!caller.fullToken)
      return refuse(
        EventRejection.AccountAuthority,
        'type',
        'Account changes are accepted only from a signed-in device.',
      );
    const isAdmin = signer.role === 'admin';
    if (event.type === 'user.changed' && !isAdmin)
      return refuse(EventRejection.AccountAuthority, 'actor.userId', 'Only an admin may change an account.');
    if (event.type === 'user.created' && !isAdmin)
      return refuse(EventRejection.AccountAuthority, 'actor.userId', 'Only an admin may create an account.');
    if (event.type === 'user.passphrase_set' && !isAdmin && event.actor.userId !== event.entityId)
      return refuse(
        EventRejection.AccountAuthority,
        'actor.userId',
        'Only the person or an admin may set a passphrase.',
      );
    return secretsProblem(event);
  }

  /** A new account or passphrase brings a signing key and the secrets its digest promises [P34]. */
  async function secretsProblem(event: DomainEvent): Promise<TrustRefusal | undefined> {
    if (event.type !== 'user.created' && event.type !== 'user.passphrase_set') return undefined;
    const { credentials, credentialsDigest: digest, signingKey } = event.payload;
    if (!signingKey || !credentials?.signingKeyBox)
      return refuse(
        EventRejection.InvalidEvent,
        'payload.signingKey',
        'An account key needs its public and wrapped halves.',
      );
    if (!digest || digest !== (await credentialsDigest(credentials)))
      return refuse(
        EventRejection.InvalidEvent,
        'payload.credentialsDigest',
        'The credentials do not match their digest.',
      );
    // A key is one person's: another account's key would make its signatures ambiguous.
    const holder = (keysInBatch.get(keyIdOf(signingKey)) ?? signingKeyById(db, keyIdOf(signingKey)))?.userId;
    if (holder !== undefined && holder !== event.entityId)
      return refuse(
        EventRejection.InvalidEvent,
        'payload.signingKey',
        'This key belongs to another account.',
      );
    return undefined;
  }

  async function check(event: DomainEvent): Promise<TrustRefusal | undefined> {
    // A resent event is answered from the store (duplicate or conflict): it was checked when stored.
    if (prepared(db, 'SELECT 1 FROM events WHERE id = ?').get(event.id)) return undefined;
    const signature = event.signature;
    if (!signature) return refuse(EventRejection.BadSignature, 'signature', 'The event is not signed.');

    if (isFirstAdmin(event)) {
      if (!caller.fullToken || firstAdminInBatch || !mayBringFirstAdmin(db, caller.deviceId))
        return refuse(
          EventRejection.AccountAuthority,
          'actor.userId',
          "An account may sign for itself only as the hospital's first admin, from the device enrolled with the first-admin code.",
        );
      const ownKey = event.type === 'user.created' ? event.payload.signingKey : undefined;
      if (!ownKey || !(await signatureHolds(ownKey, event, signature)))
        return refuse(EventRejection.BadSignature, 'signature', 'The signature does not match the event.');
      return (await deviceProblem(event)) ?? secretsProblem(event);
    }

    const key = keysInBatch.get(signature.keyId) ?? signingKeyById(db, signature.keyId);
    if (!key)
      return refuse(
        EventRejection.UnknownSigner,
        'signature',
        'No account of this hub has this signing key.',
      );
    if (key.userId !== event.actor.userId)
      return refuse(
        EventRejection.BadSignature,
        'actor.userId',
        'Signed by another person than the one it names.',
      );
    if (!(await signatureHolds(key.publicKey, event, signature)))
      return refuse(EventRejection.BadSignature, 'signature', 'The signature does not match the event.');
    const signer = stateOf(key.userId, event.recordedAt);
    if (!signer)
      return refuse(EventRejection.UnknownSigner, 'actor.userId', 'The hub knows no such account.');
    if (!signer.active) return refuse(EventRejection.Forbidden, 'actor.userId', 'The account was inactive.');
    if (signer.role !== event.actor.role)
      return refuse(EventRejection.Forbidden, 'actor.role', 'The role named is not the account’s role.');
    return (await deviceProblem(event)) ?? accountRuleProblem(event, signer);
  }

  /** Starts the signature checks of keys the hub already holds, for every event of the batch. */
  function warm(events: readonly DomainEvent[]): void {
    for (const event of events) {
      const person = event.signature && signingKeyById(db, event.signature.keyId);
      if (person && event.signature) void signatureHolds(person.publicKey, event, event.signature);
      const device = event.deviceSignature && deviceSigningKey(db, event.deviceId);
      if (device && event.deviceSignature) void signatureHolds(device, event, event.deviceSignature);
    }
  }

  /** An event of the batch that passed every check: later events may rely on what it brings. */
  function accepted(event: DomainEvent): void {
    if (event.type === 'user.created') {
      accountsInBatch.set(event.entityId, { role: event.payload.role, active: true });
      if (isFirstAdmin(event)) firstAdminInBatch = true;
    }
    if (event.type === 'user.changed') {
      const before = stateOf(event.entityId, event.recordedAt);
      if (before)
        accountsInBatch.set(event.entityId, {
          role: event.payload.role ?? before.role,
          active: event.payload.active ?? before.active,
        });
    }
    if ((event.type === 'user.created' || event.type === 'user.passphrase_set') && event.payload.signingKey)
      keysInBatch.set(keyIdOf(event.payload.signingKey), {
        userId: event.entityId,
        publicKey: event.payload.signingKey,
      });
  }

  return { warm, check, accepted };
}
