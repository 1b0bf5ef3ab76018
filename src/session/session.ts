import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  passphraseProblem,
  pinProblem,
  Reason,
  USERNAME_PATTERN,
  type EnrollResponse,
  type Role,
  type UserAccount,
} from '@/domain';
import { aeadDecrypt, aeadEncrypt, type AeadBox } from '@/lib/crypto/aead';
import { importDataKeys, newDataKeyMaterial, type DataKeys } from '@/lib/crypto/dataKeys';
import { fromUtf8, utf8, wipe } from '@/lib/crypto/encoding';
import { IntegrityError, WrongPassphraseError } from '@/lib/crypto/errors';
import {
  derivePassphraseSecrets,
  newKdf,
  openWithPassphrase,
  sealWithKey,
  sealWithPassphrase,
  type PassphraseBox,
  type PassphraseKdf,
} from '@/lib/crypto/passphrase';
import { uuidv7 } from '@/lib/ids';
import { logger, errorName } from '@/lib/logger';
import { err, ok, type Result } from '@/lib/result';
import {
  CHECK_TEXT,
  checkAad,
  findUserByUsername,
  getUser,
  loadDeviceIdentity,
  loadKeyring,
  lockedCodec,
  saveDeviceIdentity,
  saveKeyring,
  setCodec,
  setCurrentActor,
  currentSigners,
  setCurrentSigners,
  TOKEN_CONTEXT,
  updateKeyring,
  wrapAad,
  type Signer,
  type SiagaDb,
} from '@/storage';
import type { EnrollFailure } from '@/sync';
import { clearSignInFailures, recordSignInFailure, waitBeforeSignIn } from './signInThrottle';
import { newDeviceKey, newPersonKey, openDeviceKey, openPersonKey } from './signingKeys';

const sameKdf = (a: PassphraseKdf, b: PassphraseKdf) =>
  a.algorithm === b.algorithm && a.iterations === b.iterations && a.salt === b.salt;

const writes = () => import('./storageWrites');

/** The person signed in (or last signed in, while locked). */
export type SessionUser = { userId: string; username: string; displayName: string; role: Role };

export type LockReason = 'idle' | 'hidden' | 'manual';

export type SessionState =
  | { status: 'starting' }
  /** No keys on this device yet: IT sets it up (or secures a device used before accounts). */
  | { status: 'setUp'; existingDeviceCode: string | undefined }
  /** `joined`: the device has just joined the hub as this device code; its first person signs in. */
  | { status: 'signedOut'; joined?: string }
  | { status: 'locked'; user: SessionUser; reason: LockReason; pin: boolean }
  | { status: 'unlocked'; user: SessionUser };

export type SignInFailure =
  | { reason: 'wrongPassphrase' }
  | { reason: 'wait'; waitMs: number }
  | { reason: 'hubNeeded' }
  /** An account from before signing (or a hub that never got its key): an admin resets its passphrase. */
  | { reason: 'noSigningKey' }
  | {
      reason: 'hub';
      detail: 'unreachable' | 'notEscrowed' | 'notEnrolled' | 'failed' | 'wait';
      waitMs?: number;
    };

/** What sign-in asks the hub for when a user has never signed in on this device [P22]. */
export type KeyRelease = (
  username: string,
  passphrase: string,
) => Promise<
  Result<
    {
      user: SessionUser & { active: boolean };
      rawKey: Uint8Array<ArrayBuffer>;
      /** The person's signing key as the hub keeps it, under their passphrase [P34]. */
      signing?: PassphraseBox & { publicKey: string };
    },
    { failure: string; retryAfterMs?: number }
  >
>;

/** A new device joins the hub with IT's code, leaving `rawKey` with it [P1, P22]. */
export type JoinHub = (
  enrollmentCode: string,
  rawKey: Uint8Array<ArrayBuffer>,
  deviceSigningKey: string,
) => Promise<Result<EnrollResponse, EnrollFailure>>;

export type JoinFailure = EnrollFailure | 'alreadySetUp';

/** What the session does once someone is in: encrypt leftovers, seal, escrow. */
export type AfterUnlock = (rawKey: Uint8Array<ArrayBuffer>) => Promise<void>;

/** PIN tries before a locked session needs the passphrase again. */
export const MAX_PIN_TRIES = 5;
const PIN_ITERATIONS = 100_000;
const PIN_CHECK = 'siaga-pin';
const pinAad = (userId: string) => `pin|${userId}`;

/**
 * What stays in memory while signed in; after lock only what a PIN resume needs, or nothing. The
 * signing keys are non-extractable: they can sign, never be read out.
 */
type Secrets = { sessionKey: CryptoKey; keyBlob: AeadBox; person: Signer };

export type Session = ReturnType<typeof createSession>;

/**
 * Who is signed in, and the keys that go with it. Keys live only in memory: the data key's raw
 * bytes exist while being wrapped or unwrapped, then only as non-extractable WebCrypto keys (and
 * sealed under a random per-session key, so a PIN can resume and an admin can add a user without
 * typing their passphrase again). Locking removes the keys from the storage codec and the actor
 * from commands; the app unmounts every screen, so no patient data stays in React state.
 */
export function createSession(deps: {
  db: SiagaDb;
  now?: () => number;
  release?: KeyRelease;
  join?: JoinHub;
  afterUnlock?: AfterUnlock;
}) {
  const { db } = deps;
  const now = deps.now ?? (() => Date.now());
  const store: StoreApi<SessionState> = createStore<SessionState>(() => ({ status: 'starting' }));
  let secrets: Secrets | undefined;
  let pinTries = 0;

  async function start(): Promise<void> {
    const [keyring, device] = await Promise.all([loadKeyring(db), loadDeviceIdentity(db)]);
    setCodec(lockedCodec);
    setCurrentActor(undefined);
    setCurrentSigners(undefined);
    store.setState(
      keyring ? { status: 'signedOut' } : { status: 'setUp', existingDeviceCode: device?.deviceCode },
      true,
    );
  }

  /** This device's signing key [P33]; a device set up before signing existed gets one now. */
  async function deviceSigner(keys: DataKeys, deviceId: string): Promise<Signer> {
    const entry = (await loadKeyring(db))?.device;
    if (entry) return openDeviceKey(keys.encryption, entry, deviceId);
    const made = await newDeviceKey(keys.encryption, deviceId);
    await updateKeyring(db, (current) => ({ ...current, device: current.device ?? made.entry }));
    return made.signer;
  }

  /**
   * Opens the device with `rawKey` for `user`. `beforeShown` runs with the keys and the actor in
   * place but before any screen appears: what it writes is durable before the person can act.
   */
  async function unlock(
    rawKey: Uint8Array<ArrayBuffer>,
    user: SessionUser,
    person: Signer,
    beforeShown?: () => Promise<void>,
  ): Promise<void> {
    const [keyring, deviceIdentity] = await Promise.all([loadKeyring(db), loadDeviceIdentity(db)]);
    if (!keyring || !deviceIdentity) throw new Error('The device is not set up.');
    const keys = await importDataKeys(rawKey, keyring.keyVersion);
    // A key that does not open the check value is not this device's key: refuse it.
    const check = fromUtf8(
      await aeadDecrypt(keys.encryption, keyring.check, checkAad(deviceIdentity.deviceId)),
    );
    if (check !== CHECK_TEXT) throw new IntegrityError(checkAad(deviceIdentity.deviceId));
    const sessionKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    secrets = { sessionKey, keyBlob: await aeadEncrypt(sessionKey, rawKey, 'session'), person };
    const device = await deviceSigner(keys, deviceIdentity.deviceId);
    const { encryptedCodec, encryptAtRest, sealPendingEvents } = await writes();
    // Plain rows are readable only until this device's one-time rewrite has finished.
    let plainAllowed = true;
    const codec = encryptedCodec(keys, () => plainAllowed);
    setCodec(codec);
    setCurrentActor({ userId: user.userId, name: user.displayName, role: user.role });
    setCurrentSigners({ person: { ...person, userId: user.userId }, device });
    pinTries = 0;
    await beforeShown?.();
    store.setState({ status: 'unlocked', user }, true);
    try {
      await encryptAtRest(db, codec);
      plainAllowed = false;
      await sealPendingEvents(db, codec);
      await deps.afterUnlock?.(rawKey);
    } catch (error) {
      logger.error('session.after_unlock_failed', { error: errorName(error) });
    } finally {
      wipe(rawKey);
    }
  }

  /** Runs `task` with the raw data key, then wipes it. Only while signed in. */
  async function withDataKey<T>(task: (rawKey: Uint8Array<ArrayBuffer>) => Promise<T>): Promise<T> {
    if (!secrets || store.getState().status !== 'unlocked') throw new Error('Not signed in.');
    const raw = await aeadDecrypt(secrets.sessionKey, secrets.keyBlob, 'session');
    try {
      return await task(raw);
    } finally {
      wipe(raw);
    }
  }

  /**
   * First run (or a device used before accounts existed): IT names the device and creates its
   * first account, an admin. A random data key is made and wrapped by the admin's passphrase.
   */
  async function setUpDevice(input: {
    deviceCode: string;
    displayName: string;
    username: string;
    passphrase: string;
  }): Promise<Result<SessionUser, Reason>> {
    const username = input.username.trim().toLowerCase();
    if (!USERNAME_PATTERN.test(username)) return err(Reason.UsernameFormat);
    const problem = passphraseProblem(input.passphrase, username);
    if (problem) return err(problem);
    // Once only: another set-up (a second tab, a stale screen) would replace the data key and
    // leave every record on this device unreadable.
    if (await loadKeyring(db)) return err(Reason.NotPermitted);
    const existing = await loadDeviceIdentity(db);
    const device = await saveDeviceIdentity(db, input.deviceCode);
    const userId = uuidv7(now());
    const rawKey = newDataKeyMaterial();
    const kdf = newKdf();
    const derived = await derivePassphraseSecrets(input.passphrase, kdf);
    const keys = await importDataKeys(rawKey, 1);
    // The admin's signing key, and this device's: everything recorded from now on is signed.
    const person = await newPersonKey(derived, kdf, userId);
    const deviceKey = await newDeviceKey(keys.encryption, device.deviceId);
    await saveKeyring(db, {
      keyVersion: 1,
      wraps: { [userId]: await sealWithKey(derived, kdf, rawKey, wrapAad(device.deviceId, userId, 1)) },
      pins: {},
      check: await aeadEncrypt(keys.encryption, utf8(CHECK_TEXT), checkAad(device.deviceId)),
      signers: { [userId]: { ...person.box, publicKey: person.publicKey } },
      device: deviceKey.entry,
    });
    // A new device never held plain records; one used before accounts is rewritten at unlock.
    if (!existing) await (await writes()).markEncryptedAtRest(db);
    const user: SessionUser = {
      userId,
      username,
      displayName: input.displayName,
      role: 'admin',
    };
    // The admin's account is recorded before the workspace shows: a reload right after set-up
    // must find the account its key is wrapped for, or no one could ever sign in here again.
    await unlock(rawKey.slice(), user, person.signer, async () => {
      const created = await (
        await writes()
      ).recordUserCreated(db, {
        userId,
        username,
        displayName: input.displayName,
        role: 'admin',
        signingKey: person.publicKey,
        credentials: {
          kdf,
          verifier: derived.verifier,
          signingKeyBox: { iv: person.box.iv, ct: person.box.ct },
        },
      });
      if (!created.ok) logger.error('session.admin_event_failed', { reason: created.error[0]?.reason });
    });
    wipe(rawKey);
    return ok(user);
  }

  /**
   * A device of a hospital that already has a hub (the usual case after the first one): IT gives
   * it a device code and the hub's enrollment code; the hub gets this device's new data key before
   * anything is stored here. Nobody is signed in afterwards: the first person signs in with their
   * existing account, and the hub releases the key to them [P22].
   */
  async function joinHub(input: {
    deviceCode: string;
    enrollmentCode: string;
  }): Promise<Result<void, JoinFailure>> {
    if (await loadKeyring(db)) return err('alreadySetUp');
    if (!deps.join) return err('hubUnreachable');
    const existing = await loadDeviceIdentity(db);
    const device = await saveDeviceIdentity(db, input.deviceCode);
    const rawKey = newDataKeyMaterial();
    try {
      const keys = await importDataKeys(rawKey, 1);
      // The device's own signing key is given to the hub at enrollment [P33].
      const deviceKey = await newDeviceKey(keys.encryption, device.deviceId);
      const joined = await deps.join(input.enrollmentCode, rawKey, deviceKey.entry.publicKey);
      if (!joined.ok) return joined;
      const { encryptedCodec, saveJoinedDevice } = await writes();
      const token = await encryptedCodec(keys, () => false).encode(joined.value.token, TOKEN_CONTEXT);
      await saveJoinedDevice(db, {
        keyring: {
          keyVersion: 1,
          wraps: {},
          pins: {},
          check: await aeadEncrypt(keys.encryption, utf8(CHECK_TEXT), checkAad(device.deviceId)),
          escrowedWith: joined.value.hubId,
          device: deviceKey.entry,
        },
        credentials: {
          token,
          pushToken: joined.value.pushToken,
          hubPublicKey: joined.value.hubPublicKey,
          hubId: joined.value.hubId,
          deviceCode: joined.value.deviceCode,
          enrolledAt: new Date(now()).toISOString(),
        },
        // A device used before accounts existed is rewritten at the first sign-in, as at set-up.
        heldPlainRecords: existing !== undefined,
      });
      store.setState({ status: 'signedOut', joined: joined.value.deviceCode }, true);
      return ok(undefined);
    } finally {
      wipe(rawKey);
    }
  }

  async function signIn(username: string, passphrase: string): Promise<Result<SessionUser, SignInFailure>> {
    const name = username.trim().toLowerCase();
    const wait = await waitBeforeSignIn(db, name, now());
    if (wait > 0) return err({ reason: 'wait', waitMs: wait });
    const [keyring, device, account] = await Promise.all([
      loadKeyring(db),
      loadDeviceIdentity(db),
      findUserByUsername(db, name),
    ]);
    if (!keyring || !device) return err({ reason: 'wrongPassphrase' });
    const wrap = account ? keyring.wraps[account.id] : undefined;
    if (account && wrap) {
      try {
        // One derivation opens both: the data key's wrap and the person's signing key share it.
        const derived = await derivePassphraseSecrets(passphrase, wrap.kdf);
        const raw = await aeadDecrypt(
          derived.wrappingKey,
          wrap,
          wrapAad(device.deviceId, account.id, keyring.keyVersion),
        ).catch((error: unknown) => {
          throw error instanceof IntegrityError ? new WrongPassphraseError() : error;
        });
        const entry = keyring.signers?.[account.id];
        if (!entry) {
          wipe(raw);
          return err({ reason: 'noSigningKey' });
        }
        const secretsForKey = sameKdf(entry.kdf, wrap.kdf)
          ? derived
          : await derivePassphraseSecrets(passphrase, entry.kdf);
        const person = await openPersonKey(secretsForKey, entry, account.id, entry.publicKey);
        await clearSignInFailures(db, name);
        const user = toSessionUser(account);
        await unlock(raw, user, person);
        await recordSignIn();
        return ok(user);
      } catch (error) {
        if (!(error instanceof WrongPassphraseError)) throw error;
        const waitMs = await recordSignInFailure(db, name, now());
        return err(waitMs > 0 ? { reason: 'wait', waitMs } : { reason: 'wrongPassphrase' });
      }
    }
    // Never signed in here: the hub checks the passphrase and hands over this device's key.
    if (!deps.release) return err({ reason: 'hubNeeded' });
    const released = await deps.release(name, passphrase);
    if (!released.ok) {
      const failure = released.error.failure;
      if (failure === 'wrongPassphrase') {
        const waitMs = await recordSignInFailure(db, name, now());
        return err(waitMs > 0 ? { reason: 'wait', waitMs } : { reason: 'wrongPassphrase' });
      }
      if (failure === 'tooManyAttempts')
        return err({
          reason: 'hub',
          detail: 'wait',
          ...(released.error.retryAfterMs ? { waitMs: released.error.retryAfterMs } : {}),
        });
      if (failure === 'notEnrolled') return err({ reason: 'hubNeeded' });
      return err({
        reason: 'hub',
        detail:
          failure === 'hubUnreachable' ? 'unreachable' : failure === 'notEscrowed' ? 'notEscrowed' : 'failed',
      });
    }
    const { user: hubUser, rawKey, signing } = released.value;
    if (!hubUser.active) return err({ reason: 'wrongPassphrase' });
    if (!signing) {
      wipe(rawKey);
      return err({ reason: 'noSigningKey' });
    }
    // The person's signing key as the hub keeps it opens with their passphrase; from now on both
    // it and this device's key are wrapped under that one derivation, to sign in without the hub.
    const derived = await derivePassphraseSecrets(passphrase, signing.kdf);
    let person: Signer;
    try {
      person = await openPersonKey(derived, signing, hubUser.userId, signing.publicKey);
    } catch (error) {
      wipe(rawKey);
      if (!(error instanceof WrongPassphraseError)) throw error;
      logger.warn('session.released_signing_key_refused', { error: errorName(error) });
      return err({ reason: 'hub', detail: 'failed' });
    }
    const wrap2 = await sealWithKey(
      derived,
      signing.kdf,
      rawKey,
      wrapAad(device.deviceId, hubUser.userId, keyring.keyVersion),
    );
    const user: SessionUser = {
      userId: hubUser.userId,
      username: hubUser.username,
      displayName: hubUser.displayName,
      role: hubUser.role,
    };
    await clearSignInFailures(db, name);
    try {
      await unlock(rawKey.slice(), user, person);
    } catch (error) {
      wipe(rawKey);
      if (store.getState().status === 'unlocked') throw error;
      // Not this device's key (another escrow, a reset hub): refuse it, store no wrap, answer clearly.
      logger.warn('session.released_key_refused', { error: errorName(error) });
      return err({ reason: 'hub', detail: 'failed' });
    }
    await updateKeyring(db, (current) => ({
      ...current,
      wraps: { ...current.wraps, [user.userId]: wrap2 },
      signers: {
        ...current.signers,
        [user.userId]: { kdf: signing.kdf, iv: signing.iv, ct: signing.ct, publicKey: signing.publicKey },
      },
    }));
    wipe(rawKey);
    await recordSignIn();
    return ok(user);
  }

  async function recordSignIn(): Promise<void> {
    const recorded = await (await writes()).recordAudit(db, { action: 'signed_in' }).catch(() => undefined);
    if (recorded && !recorded.ok)
      logger.warn('session.audit_not_recorded', { reason: recorded.error[0]?.reason });
  }

  /** Screen lock: keys out of the codec, no actor, no screens. A PIN may resume within the session. */
  async function lock(reason: LockReason): Promise<void> {
    const state = store.getState();
    if (state.status !== 'unlocked') return;
    const keyring = await loadKeyring(db);
    const pin = Boolean(keyring?.pins[state.user.userId]) && secrets !== undefined;
    if (!pin) secrets = undefined;
    setCodec(lockedCodec);
    setCurrentActor(undefined);
    setCurrentSigners(undefined);
    store.setState({ status: 'locked', user: state.user, reason, pin }, true);
  }

  async function resumeWithPin(pin: string): Promise<Result<SessionUser, 'wrongPin' | 'pinExhausted'>> {
    const state = store.getState();
    if (state.status !== 'locked' || !state.pin || !secrets) return err('pinExhausted');
    const box = (await loadKeyring(db))?.pins[state.user.userId];
    const opened = box
      ? await openWithPassphrase(box, pin, pinAad(state.user.userId)).catch(() => undefined)
      : undefined;
    if (!opened || fromUtf8(opened) !== PIN_CHECK) {
      pinTries += 1;
      if (pinTries >= MAX_PIN_TRIES) {
        secrets = undefined; // the passphrase is needed now
        store.setState({ ...state, pin: false });
        return err('pinExhausted');
      }
      return err('wrongPin');
    }
    const raw = await aeadDecrypt(secrets.sessionKey, secrets.keyBlob, 'session');
    await unlock(raw, state.user, secrets.person);
    return ok(state.user);
  }

  /** Ends the session entirely: the next person signs in with a passphrase. */
  async function signOut(): Promise<void> {
    const state = store.getState();
    if (state.status === 'unlocked')
      await (await writes()).recordAudit(db, { action: 'signed_out' }).catch(() => undefined);
    secrets = undefined;
    setCodec(lockedCodec);
    setCurrentActor(undefined);
    setCurrentSigners(undefined);
    store.setState({ status: 'signedOut' }, true);
  }

  /** Sets the signed-in user's screen-unlock PIN on this device. */
  async function setPin(pin: string): Promise<Result<void, Reason>> {
    const state = store.getState();
    if (state.status !== 'unlocked') return err(Reason.DeviceLocked);
    const problem = pinProblem(pin);
    if (problem) return err(problem);
    const box: PassphraseBox = await sealWithPassphrase(
      utf8(PIN_CHECK),
      pin,
      pinAad(state.user.userId),
      newKdf(PIN_ITERATIONS),
    );
    await updateKeyring(db, (keyring) => ({
      ...keyring,
      pins: { ...keyring.pins, [state.user.userId]: box },
    }));
    return ok(undefined);
  }

  /** After one's own passphrase change: the new signing key replaces the old one in this session. */
  function useSigningKey(person: Signer): void {
    const state = store.getState();
    const current = currentSigners(db);
    if (state.status !== 'unlocked' || !secrets || !current) return;
    secrets = { ...secrets, person };
    setCurrentSigners({ ...current, person: { ...person, userId: state.user.userId } });
  }

  return {
    store,
    start,
    useSigningKey,
    setUpDevice,
    joinHub,
    signIn,
    lock,
    resumeWithPin,
    signOut,
    setPin,
    withDataKey,
    currentUser: (): SessionUser | undefined => {
      const state = store.getState();
      return state.status === 'unlocked' ? state.user : undefined;
    },
    /** The account as the device knows it now (role changes arrive as events). */
    account: (userId: string) => getUser(db, userId),
  };
}

export function toSessionUser(account: UserAccount): SessionUser {
  return {
    userId: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
  };
}
