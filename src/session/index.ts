export type { AccountActions } from './accounts';
export { lazyAccountActions } from './lazyAccounts';
export { DEFAULT_IDLE_LOCK_MINUTES, HIDDEN_LOCK_MS, startAutoLock } from './autoLock';
export { canDo, useSessionUser } from './rights';
export {
  createSession,
  MAX_PIN_TRIES,
  toSessionUser,
  type JoinFailure,
  type JoinHub,
  type KeyRelease,
  type LockReason,
  type Session,
  type SessionState,
  type SessionUser,
  type SignInFailure,
} from './session';
