import type { Session } from './session';

/** Locks when the app has been hidden (another app, a closed laptop lid) this long. */
export const HIDDEN_LOCK_MS = 2 * 60_000;
export const DEFAULT_IDLE_LOCK_MINUTES = 5;

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Auto-lock: after `idleMs()` without input (the hospital's setting, default 5 minutes), and when
 * the app stays hidden for more than 2 minutes. A hidden tab's timers may run late, so becoming
 * visible again checks the time it was away as well.
 */
export function startAutoLock(
  session: Pick<Session, 'lock' | 'store'>,
  deps: { idleMs: () => number; now?: () => number; target?: Window; doc?: Document },
): () => void {
  const target = deps.target ?? window;
  const doc = deps.doc ?? document;
  const now = deps.now ?? (() => Date.now());
  let idleTimer: number | undefined;
  let hiddenTimer: number | undefined;
  let hiddenSince: number | undefined;

  const unlocked = () => session.store.getState().status === 'unlocked';

  const armIdle = () => {
    target.clearTimeout(idleTimer);
    if (unlocked()) idleTimer = target.setTimeout(() => void session.lock('idle'), deps.idleMs());
  };

  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') {
      hiddenSince = now();
      hiddenTimer = target.setTimeout(() => void session.lock('hidden'), HIDDEN_LOCK_MS);
      return;
    }
    target.clearTimeout(hiddenTimer);
    if (hiddenSince !== undefined && now() - hiddenSince >= HIDDEN_LOCK_MS) void session.lock('hidden');
    hiddenSince = undefined;
    armIdle();
  };

  // Reset on activity at most once a second: a scroll fires many events.
  let lastActivity = 0;
  const onActivity = () => {
    if (now() - lastActivity < 1_000) return;
    lastActivity = now();
    armIdle();
  };

  ACTIVITY.forEach((type) => target.addEventListener(type, onActivity, { passive: true, capture: true }));
  doc.addEventListener('visibilitychange', onVisibility);
  const unsubscribe = session.store.subscribe((state, previous) => {
    if (state.status === 'unlocked' && previous.status !== 'unlocked') armIdle();
    if (state.status !== 'unlocked') target.clearTimeout(idleTimer);
  });
  armIdle();

  return () => {
    ACTIVITY.forEach((type) => target.removeEventListener(type, onActivity, { capture: true }));
    doc.removeEventListener('visibilitychange', onVisibility);
    target.clearTimeout(idleTimer);
    target.clearTimeout(hiddenTimer);
    unsubscribe();
  };
}
