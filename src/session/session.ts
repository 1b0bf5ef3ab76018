import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EnrollResponse, Reason, Role, UserAccount } from '@/domain';
import type { AeadBox } from '@/lib/crypto/aead';
import type { PassphraseBox } from '@/lib/crypto/passphrase';
import type { Result } from '@/lib/result';
import {
  currentSigners,
  getUser,
  loadDeviceIdentity,
  loadKeyring,
  lockedCodec,
  setCodec,
  setCurrentActor,
  setCurrentSigners,
  type Signer,
  type SiagaDb,
} from '@/storage';
import type { EnrollFailure } from '@/sync';
import type { SessionActions } from './sessionActions';

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
export const PIN_CHECK = 'siaga-pin';
export const pinAad = (userId: string) => `pin|${userId}`;

/**
 * What stays in memory while signed in; after lock only what a PIN resume needs, or nothing. The
 * signing keys are non-extractable: they can sign, never be read out.
 */
type Secrets = { sessionKey: CryptoKey; keyBlob: AeadBox; person: Signer };

/** What the session and its lazily loaded actions (`sessionActions.ts`) share. */
export type SessionCore = {
  db: SiagaDb;
  now: () => number;
  store: StoreApi<SessionState>;
  release?: KeyRelease | undefined;
  join?: JoinHub | undefined;
  afterUnlock?: AfterUnlock | undefined;
  secrets: Secrets | undefined;
  pinTries: number;
};

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
  const store: StoreApi<SessionState> = createStore<SessionState>(() => ({ status: 'starting' }));
  const core: SessionCore = {
    db,
    now: deps.now ?? (() => Date.now()),
    store,
    release: deps.release,
    join: deps.join,
    afterUnlock: deps.afterUnlock,
    secrets: undefined,
    pinTries: 0,
  };
  let loadingActions: Promise<SessionActions> | undefined;
  /** Set-up, sign-in and PIN code, fetched on first use (or ahead, by `prepare`). */
  const actions = () =>
    (loadingActions ??= import('./sessionActions').then(
      (module) => module.sessionActions(core),
      (error: unknown) => {
        loadingActions = undefined; // a chunk missing after an update may be tried again
        throw error;
      },
    ));

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

  /** Screen lock: keys out of the codec, no actor, no screens. A PIN may resume within the session. */
  async function lock(reason: LockReason): Promise<void> {
    const state = store.getState();
    if (state.status !== 'unlocked') return;
    const keyring = await loadKeyring(db);
    const pin = Boolean(keyring?.pins[state.user.userId]) && core.secrets !== undefined;
    if (!pin) core.secrets = undefined;
    setCodec(lockedCodec);
    setCurrentActor(undefined);
    setCurrentSigners(undefined);
    store.setState({ status: 'locked', user: state.user, reason, pin }, true);
  }

  /** Ends the session entirely: the next person signs in with a passphrase. */
  async function signOut(): Promise<void> {
    const state = store.getState();
    if (state.status === 'unlocked')
      await (await writes()).recordAudit(db, { action: 'signed_out' }).catch(() => undefined);
    core.secrets = undefined;
    setCodec(lockedCodec);
    setCurrentActor(undefined);
    setCurrentSigners(undefined);
    store.setState({ status: 'signedOut' }, true);
  }

  /** After one's own passphrase change: the new signing key replaces the old one in this session. */
  function useSigningKey(person: Signer): void {
    const state = store.getState();
    const current = currentSigners(db);
    if (state.status !== 'unlocked' || !core.secrets || !current) return;
    core.secrets = { ...core.secrets, person };
    setCurrentSigners({ ...current, person: { ...person, userId: state.user.userId } });
  }

  return {
    store,
    start,
    /** Fetches the actions' code ahead of use, e.g. once the sign-in screen is shown. */
    prepare: (): Promise<void> => actions().then(() => undefined),
    useSigningKey,
    setUpDevice: async (input: {
      deviceCode: string;
      displayName: string;
      username: string;
      passphrase: string;
    }): Promise<Result<SessionUser, Reason>> => (await actions()).setUpDevice(input),
    joinHub: async (input: {
      deviceCode: string;
      enrollmentCode: string;
    }): Promise<Result<void, JoinFailure>> => (await actions()).joinHub(input),
    signIn: async (username: string, passphrase: string): Promise<Result<SessionUser, SignInFailure>> =>
      (await actions()).signIn(username, passphrase),
    lock,
    resumeWithPin: async (pin: string): Promise<Result<SessionUser, 'wrongPin' | 'pinExhausted'>> =>
      (await actions()).resumeWithPin(pin),
    signOut,
    setPin: async (pin: string): Promise<Result<void, Reason>> => (await actions()).setPin(pin),
    /** Runs `task` with the raw data key, then wipes it. Only while signed in. */
    withDataKey: async <T>(task: (rawKey: Uint8Array<ArrayBuffer>) => Promise<T>): Promise<T> =>
      (await actions()).withDataKey(task),
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
