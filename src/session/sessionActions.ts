import { passphraseProblem, pinProblem, Reason, USERNAME_PATTERN } from '@/domain';
import { aeadDecrypt, aeadEncrypt } from '@/lib/crypto/aead';
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
  loadDeviceIdentity,
  loadKeyring,
  saveDeviceIdentity,
  saveKeyring,
  setCodec,
  setCurrentActor,
  setCurrentSigners,
  TOKEN_CONTEXT,
  updateKeyring,
  wrapAad,
  type Signer,
} from '@/storage';
import {
  MAX_PIN_TRIES,
  PIN_CHECK,
  pinAad,
  toSessionUser,
  type JoinFailure,
  type SessionCore,
  type SessionUser,
  type SignInFailure,
} from './session';
import { clearSignInFailures, recordSignInFailure, waitBeforeSignIn } from './signInThrottle';
import { newDeviceKey, newPersonKey, openDeviceKey, openPersonKey } from './signingKeys';

const PIN_ITERATIONS = 100_000;

const sameKdf = (a: PassphraseKdf, b: PassphraseKdf) =>
  a.algorithm === b.algorithm && a.iterations === b.iterations && a.salt === b.salt;

const writes = () => import('./storageWrites');

/**
 * What a session does when someone acts: set up, join, sign in, resume, set a PIN. Loaded after
 * the first screen is drawn (`createSession` fetches it then), so the start-up download holds
 * neither the key derivation nor the account schemas; `core` is the session's shared state.
 */
export function sessionActions(core: SessionCore) {
  /** This device's signing key [P33]; a device set up before signing existed gets one now. */
  async function deviceSigner(keys: DataKeys, deviceId: string): Promise<Signer> {
    const entry = (await loadKeyring(core.db))?.device;
    if (entry) return openDeviceKey(keys.encryption, entry, deviceId);
    const made = await newDeviceKey(keys.encryption, deviceId);
    await updateKeyring(core.db, (current) => ({ ...current, device: current.device ?? made.entry }));
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
    const [keyring, deviceIdentity] = await Promise.all([loadKeyring(core.db), loadDeviceIdentity(core.db)]);
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
    core.secrets = { sessionKey, keyBlob: await aeadEncrypt(sessionKey, rawKey, 'session'), person };
    const device = await deviceSigner(keys, deviceIdentity.deviceId);
    const { encryptedCodec, encryptAtRest, sealPendingEvents } = await writes();
    // Plain rows are readable only until this device's one-time rewrite has finished.
    let plainAllowed = true;
    const codec = encryptedCodec(keys, () => plainAllowed);
    setCodec(codec);
    setCurrentActor({ userId: user.userId, name: user.displayName, role: user.role });
    setCurrentSigners({ person: { ...person, userId: user.userId }, device });
    core.pinTries = 0;
    await beforeShown?.();
    core.store.setState({ status: 'unlocked', user }, true);
    try {
      await encryptAtRest(core.db, codec);
      plainAllowed = false;
      await sealPendingEvents(core.db, codec);
      await core.afterUnlock?.(rawKey);
    } catch (error) {
      logger.error('session.after_unlock_failed', { error: errorName(error) });
    } finally {
      wipe(rawKey);
    }
  }

  /** Runs `task` with the raw data key, then wipes it. Only while signed in. */
  async function withDataKey<T>(task: (rawKey: Uint8Array<ArrayBuffer>) => Promise<T>): Promise<T> {
    if (!core.secrets || core.store.getState().status !== 'unlocked') throw new Error('Not signed in.');
    const raw = await aeadDecrypt(core.secrets.sessionKey, core.secrets.keyBlob, 'session');
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
    if (await loadKeyring(core.db)) return err(Reason.NotPermitted);
    const existing = await loadDeviceIdentity(core.db);
    const device = await saveDeviceIdentity(core.db, input.deviceCode);
    const userId = uuidv7(core.now());
    const rawKey = newDataKeyMaterial();
    const kdf = newKdf();
    const derived = await derivePassphraseSecrets(input.passphrase, kdf);
    const keys = await importDataKeys(rawKey, 1);
    // The admin's signing key, and this device's: everything recorded from now on is signed.
    const person = await newPersonKey(derived, kdf, userId);
    const deviceKey = await newDeviceKey(keys.encryption, device.deviceId);
    await saveKeyring(core.db, {
      keyVersion: 1,
      wraps: { [userId]: await sealWithKey(derived, kdf, rawKey, wrapAad(device.deviceId, userId, 1)) },
      pins: {},
      check: await aeadEncrypt(keys.encryption, utf8(CHECK_TEXT), checkAad(device.deviceId)),
      signers: { [userId]: { ...person.box, publicKey: person.publicKey } },
      device: deviceKey.entry,
    });
    // A new device never held plain records; one used before accounts is rewritten at unlock.
    if (!existing) await (await writes()).markEncryptedAtRest(core.db);
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
      ).recordUserCreated(core.db, {
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
    if (await loadKeyring(core.db)) return err('alreadySetUp');
    if (!core.join) return err('hubUnreachable');
    const existing = await loadDeviceIdentity(core.db);
    const device = await saveDeviceIdentity(core.db, input.deviceCode);
    const rawKey = newDataKeyMaterial();
    try {
      const keys = await importDataKeys(rawKey, 1);
      // The device's own signing key is given to the hub at enrollment [P33].
      const deviceKey = await newDeviceKey(keys.encryption, device.deviceId);
      const joined = await core.join(input.enrollmentCode, rawKey, deviceKey.entry.publicKey);
      if (!joined.ok) return joined;
      const { encryptedCodec, saveJoinedDevice } = await writes();
      const token = await encryptedCodec(keys, () => false).encode(joined.value.token, TOKEN_CONTEXT);
      await saveJoinedDevice(core.db, {
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
          enrolledAt: new Date(core.now()).toISOString(),
        },
        // A device used before accounts existed is rewritten at the first sign-in, as at set-up.
        heldPlainRecords: existing !== undefined,
      });
      core.store.setState({ status: 'signedOut', joined: joined.value.deviceCode }, true);
      return ok(undefined);
    } finally {
      wipe(rawKey);
    }
  }

  async function signIn(username: string, passphrase: string): Promise<Result<SessionUser, SignInFailure>> {
    const name = username.trim().toLowerCase();
    const wait = await waitBeforeSignIn(core.db, name, core.now());
    if (wait > 0) return err({ reason: 'wait', waitMs: wait });
    const [keyring, device, account] = await Promise.all([
      loadKeyring(core.db),
      loadDeviceIdentity(core.db),
      findUserByUsername(core.db, name),
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
        await clearSignInFailures(core.db, name);
        const user = toSessionUser(account);
        await unlock(raw, user, person);
        await recordSignIn();
        return ok(user);
      } catch (error) {
        if (!(error instanceof WrongPassphraseError)) throw error;
        const waitMs = await recordSignInFailure(core.db, name, core.now());
        return err(waitMs > 0 ? { reason: 'wait', waitMs } : { reason: 'wrongPassphrase' });
      }
    }
    // Never signed in here: the hub checks the passphrase and hands over this device's key.
    if (!core.release) return err({ reason: 'hubNeeded' });
    const released = await core.release(name, passphrase);
    if (!released.ok) {
      const failure = released.error.failure;
      if (failure === 'wrongPassphrase') {
        const waitMs = await recordSignInFailure(core.db, name, core.now());
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
    await clearSignInFailures(core.db, name);
    try {
      await unlock(rawKey.slice(), user, person);
    } catch (error) {
      wipe(rawKey);
      if (core.store.getState().status === 'unlocked') throw error;
      // Not this device's key (another escrow, a reset hub): refuse it, store no wrap, answer clearly.
      logger.warn('session.released_key_refused', { error: errorName(error) });
      return err({ reason: 'hub', detail: 'failed' });
    }
    await updateKeyring(core.db, (current) => ({
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
    const recorded = await (
      await writes()
    )
      .recordAudit(core.db, { action: 'signed_in' })
      .catch(() => undefined);
    if (recorded && !recorded.ok)
      logger.warn('session.audit_not_recorded', { reason: recorded.error[0]?.reason });
  }

  async function resumeWithPin(pin: string): Promise<Result<SessionUser, 'wrongPin' | 'pinExhausted'>> {
    const state = core.store.getState();
    if (state.status !== 'locked' || !state.pin || !core.secrets) return err('pinExhausted');
    const box = (await loadKeyring(core.db))?.pins[state.user.userId];
    const opened = box
      ? await openWithPassphrase(box, pin, pinAad(state.user.userId)).catch(() => undefined)
      : undefined;
    if (!opened || fromUtf8(opened) !== PIN_CHECK) {
      core.pinTries += 1;
      if (core.pinTries >= MAX_PIN_TRIES) {
        core.secrets = undefined; // the passphrase is needed now
        core.store.setState({ ...state, pin: false });
        return err('pinExhausted');
      }
      return err('wrongPin');
    }
    const raw = await aeadDecrypt(core.secrets.sessionKey, core.secrets.keyBlob, 'session');
    await unlock(raw, state.user, core.secrets.person);
    return ok(state.user);
  }

  /** Sets the signed-in user's screen-unlock PIN on this device. */
  async function setPin(pin: string): Promise<Result<void, Reason>> {
    const state = core.store.getState();
    if (state.status !== 'unlocked') return err(Reason.DeviceLocked);
    const problem = pinProblem(pin);
    if (problem) return err(problem);
    const box: PassphraseBox = await sealWithPassphrase(
      utf8(PIN_CHECK),
      pin,
      pinAad(state.user.userId),
      newKdf(PIN_ITERATIONS),
    );
    await updateKeyring(core.db, (keyring) => ({
      ...keyring,
      pins: { ...keyring.pins, [state.user.userId]: box },
    }));
    return ok(undefined);
  }

  return { setUpDevice, joinHub, signIn, resumeWithPin, setPin, withDataKey };
}

export type SessionActions = ReturnType<typeof sessionActions>;
