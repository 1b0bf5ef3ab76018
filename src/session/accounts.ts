import { passphraseProblem, Reason, type Role } from '@/domain';
import { derivePassphraseSecrets, newKdf, sealWithKey } from '@/lib/crypto/passphrase';
import { uuidv7 } from '@/lib/ids';
import { err, ok, type Result } from '@/lib/result';
import type { FieldProblem } from '@/domain';
import { loadDeviceIdentity, loadKeyring, updateKeyring, wrapAad, type SiagaDb } from '@/storage';
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
  /** One derivation: the verifier for the event, and the wrap of this device's key. */
  async function credentialsFor(userId: string, passphrase: string) {
    const [device, keyring] = await Promise.all([loadDeviceIdentity(db), loadKeyring(db)]);
    if (!device || !keyring) throw new Error('The device is not set up.');
    const kdf = newKdf();
    const derived = await derivePassphraseSecrets(passphrase, kdf);
    const wrap = await session.withDataKey((raw) =>
      sealWithKey(derived, kdf, raw, wrapAad(device.deviceId, userId, keyring.keyVersion)),
    );
    return { credentials: { kdf, verifier: derived.verifier }, wrap };
  }

  const addWrap = (userId: string, wrap: Awaited<ReturnType<typeof credentialsFor>>['wrap']) =>
    updateKeyring(db, (keyring) => ({ ...keyring, wraps: { ...keyring.wraps, [userId]: wrap } }));

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
    const { credentials, wrap } = await credentialsFor(userId, input.passphrase);
    const created = await (
      await writes()
    ).recordUserCreated(db, {
      userId,
      username,
      displayName: input.displayName,
      role: input.role,
      credentials,
    });
    if (!created.ok) return created;
    await addWrap(userId, wrap);
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
    const { credentials, wrap } = await credentialsFor(userId, passphrase);
    const recorded = await (await writes()).recordPassphraseSet(db, userId, credentials);
    if (!recorded.ok) return recorded;
    await addWrap(userId, wrap);
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
