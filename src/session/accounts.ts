import { passphraseProblem, Reason, type Role } from '@/domain';
import { derivePassphraseSecrets, newKdf, sealWithKey } from '@/lib/crypto/passphrase';
import { uuidv7 } from '@/lib/ids';
import { err, ok, type Result } from '@/lib/result';
import type { FieldProblem } from '@/domain';
import { loadDeviceIdentity, loadKeyring, updateKeyring, wrapAad, type SiagaDb } from '@/storage';
import { newPersonKey } from './signingKeys';
import type { Session } from './session';

const writes = () => import('./storageWrites');

/**
 * Whether the hub knows no account by this username [P29]: `undefined` when it cannot say (not
 * enrolled, unreachable), and the account is then made anyway.
 */
export type UsernameAvailable = (username: string) => Promise<boolean | undefined>;

/**
 * Account administration on a device (works with the hub unreachable). Every change is an event,
 * synced like the rest; the hub keeps its own account table from them. A new or reset passphrase
 * also gets a wrapped copy of this device's key at once, so that person can sign in here offline.
 */
export function accountActions(
  db: SiagaDb,
  session: Session,
  hub: { usernameAvailable?: UsernameAvailable } = {},
) {
  /**
   * One derivation for everything a passphrase protects: the verifier for the hub, the wrap of
   * this device's key, and a new signing key for the account, its private half under the same
   * wrapping key (kept here and, inside the secrets, by the hub for sign-ins elsewhere [P34]).
   */
  async function keysFor(userId: string, passphrase: string) {
    const [device, keyring] = await Promise.all([loadDeviceIdentity(db), loadKeyring(db)]);
    if (!device || !keyring) throw new Error('The device is not set up.');
    const kdf = newKdf();
    const derived = await derivePassphraseSecrets(passphrase, kdf);
    const wrap = await session.withDataKey((raw) =>
      sealWithKey(derived, kdf, raw, wrapAad(device.deviceId, userId, keyring.keyVersion)),
    );
    const person = await newPersonKey(derived, kdf, userId);
    return {
      signingKey: person.publicKey,
      credentials: {
        kdf,
        verifier: derived.verifier,
        signingKeyBox: { iv: person.box.iv, ct: person.box.ct },
      },
      wrap,
      signerEntry: { ...person.box, publicKey: person.publicKey },
      signer: person.signer,
    };
  }

  /** This device keeps the new wrap and signing key box: the person can sign in here at once, offline. */
  const keepKeys = (userId: string, keys: Awaited<ReturnType<typeof keysFor>>) =>
    updateKeyring(db, (keyring) => ({
      ...keyring,
      wraps: { ...keyring.wraps, [userId]: keys.wrap },
      signers: { ...keyring.signers, [userId]: keys.signerEntry },
    }));

  async function createUser(input: {
    displayName: string;
    username: string;
    role: Role;
    passphrase: string;
  }): Promise<Result<{ userId: string }, FieldProblem[]>> {
    const problem = passphraseProblem(input.passphrase, input.username);
    if (problem) return err([{ field: 'passphrase', reason: problem }]);
    // Asked before anything is made: a clash found later would need settling by a correction.
    const username = input.username.trim().toLowerCase();
    if ((await hub.usernameAvailable?.(username)) === false)
      return err([{ field: 'username', reason: Reason.UsernameTaken }]);
    const userId = uuidv7();
    const keys = await keysFor(userId, input.passphrase);
    const created = await (
      await writes()
    ).recordUserCreated(db, {
      userId,
      username,
      displayName: input.displayName,
      role: input.role,
      signingKey: keys.signingKey,
      credentials: keys.credentials,
    });
    if (!created.ok) return created;
    await keepKeys(userId, keys);
    return ok({ userId });
  }

  /** A new passphrase for oneself, or (an admin) for someone who forgot theirs. */
  async function setPassphrase(
    userId: string,
    username: string,
    passphrase: string,
  ): Promise<Result<void, FieldProblem[]>> {
    const problem = passphraseProblem(passphrase, username);
    if (problem) return err([{ field: 'passphrase', reason: problem }]);
    // A new key with every new passphrase: signed by the person's current key (their own change)
    // or an admin's (a reset, when the old passphrase and so the old key are lost).
    const keys = await keysFor(userId, passphrase);
    const recorded = await (
      await writes()
    ).recordPassphraseSet(db, userId, { signingKey: keys.signingKey, credentials: keys.credentials });
    if (!recorded.ok) return recorded;
    await keepKeys(userId, keys);
    // One's own new key signs from now on (the hub learns it from the event just recorded).
    if (session.currentUser()?.userId === userId) session.useSigningKey(keys.signer);
    return ok(undefined);
  }

  async function changeRole(userId: string, role: Role): Promise<Result<void, FieldProblem[]>> {
    const recorded = await (await writes()).recordUserChanged(db, userId, { role });
    return recorded.ok ? ok(undefined) : recorded;
  }

  /** Deactivates an account: it cannot sign in anywhere, and its key copy here is destroyed. */
  async function deactivate(userId: string): Promise<Result<void, FieldProblem[]>> {
    if (session.currentUser()?.userId === userId) return err([{ field: '', reason: Reason.NotPermitted }]);
    const recorded = await (await writes()).recordUserChanged(db, userId, { active: false });
    if (!recorded.ok) return recorded;
    await updateKeyring(db, (keyring) => {
      const { [userId]: _removedWrap, ...wraps } = keyring.wraps;
      const { [userId]: _removedPin, ...pins } = keyring.pins;
      return { ...keyring, wraps, pins };
    });
    return ok(undefined);
  }

  return { createUser, setPassphrase, changeRole, deactivate };
}

export type AccountActions = ReturnType<typeof accountActions>;
