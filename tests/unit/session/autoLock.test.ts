import { describe, expect, it, vi } from 'vitest';
import { HIDDEN_LOCK_MS, startAutoLock, type Session } from '@/session';
import { isLocked } from '@/storage';
import { useTestDb } from '../dbTestUtils';
import { ADMIN, expectOk, resetSessionGlobals, sessionClock, setUpSession } from './sessionFixture';

const IDLE_MS = 5 * 60_000;
const SLOW = { timeout: 60_000 };

/** A window whose timers run only when the test moves the clock. */
function fakeWindow(clock: ReturnType<typeof sessionClock>) {
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const target = Object.assign(new EventTarget(), {
    setTimeout: (run: () => void, ms: number) => {
      const id = nextId++;
      timers.set(id, { at: clock.now() + ms, run });
      return id;
    },
    clearTimeout: (id: number | undefined) => {
      if (id !== undefined) timers.delete(id);
    },
  });
  const visibility: { visibilityState: DocumentVisibilityState } = { visibilityState: 'visible' };
  const doc = Object.assign(new EventTarget(), visibility);
  return {
    target: target as unknown as Window,
    doc: doc as unknown as Document,
    /** Moves time on, running every timer that falls due, in order. */
    advance: (ms: number) => {
      const until = clock.now() + ms;
      for (;;) {
        const due = [...timers].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        clock.advance(due[1].at - clock.now());
        due[1].run();
      }
      clock.advance(until - clock.now());
    },
    activity: () => target.dispatchEvent(new Event('pointerdown')),
    setVisibility: (state: DocumentVisibilityState) => {
      doc.visibilityState = state;
      doc.dispatchEvent(new Event('visibilitychange'));
    },
    pendingTimers: () => timers.size,
  };
}

async function settled(session: Session, status: string) {
  await vi.waitFor(() => expect(session.store.getState().status).toBe(status));
}

describe('auto-lock', () => {
  const makeDb = useTestDb();
  resetSessionGlobals();

  it(
    'locks after the idle time without input; input (at most once a second) starts it again',
    SLOW,
    async () => {
      const clock = sessionClock();
      const { session } = await setUpSession(makeDb(), { now: clock.now });
      const page = fakeWindow(clock);
      const stop = startAutoLock(session, { idleMs: () => IDLE_MS, now: clock.now, ...page });

      page.advance(IDLE_MS - 1_000);
      page.activity();
      page.advance(IDLE_MS - 1_000);
      expect(session.store.getState().status).toBe('unlocked');
      page.activity();
      page.advance(500);
      page.activity(); // within a second of the last: ignored
      page.advance(IDLE_MS - 500);
      await settled(session, 'locked');
      expect(session.store.getState()).toMatchObject({ status: 'locked', reason: 'idle' });
      expect(isLocked()).toBe(true);
      // Nothing is armed while locked.
      expect(page.pendingTimers()).toBe(0);
      stop();
    },
  );

  it('locks when hidden for two minutes, also when a hidden tab’s timer came late', SLOW, async () => {
    const clock = sessionClock();
    const { session } = await setUpSession(makeDb(), { now: clock.now });
    const page = fakeWindow(clock);
    const stop = startAutoLock(session, { idleMs: () => IDLE_MS, now: clock.now, ...page });

    // Away briefly: nothing happens.
    page.setVisibility('hidden');
    page.advance(HIDDEN_LOCK_MS - 1_000);
    page.setVisibility('visible');
    page.advance(1_000);
    expect(session.store.getState().status).toBe('unlocked');

    // Away long enough.
    page.setVisibility('hidden');
    page.advance(HIDDEN_LOCK_MS);
    await settled(session, 'locked');
    expect(session.store.getState()).toMatchObject({ status: 'locked', reason: 'hidden' });

    expectOk(await session.signIn(ADMIN.username, ADMIN.passphrase));
    page.setVisibility('visible');
    // A throttled background tab: the clock moved on but no timer ran.
    page.setVisibility('hidden');
    clock.advance(HIDDEN_LOCK_MS + 5_000);
    page.setVisibility('visible');
    await settled(session, 'locked');
    expect(session.store.getState()).toMatchObject({ status: 'locked', reason: 'hidden' });
    stop();
  });

  it('arms again after a sign-in, and stops listening once stopped', SLOW, async () => {
    const clock = sessionClock();
    const { session } = await setUpSession(makeDb(), { now: clock.now });
    const page = fakeWindow(clock);
    const stop = startAutoLock(session, { idleMs: () => IDLE_MS, now: clock.now, ...page });
    await session.lock('manual');
    expect(page.pendingTimers()).toBe(0);

    expectOk(await session.signIn(ADMIN.username, ADMIN.passphrase));
    expect(page.pendingTimers()).toBe(1);
    page.advance(IDLE_MS);
    await settled(session, 'locked');
    expect(session.store.getState()).toMatchObject({ reason: 'idle' });

    expectOk(await session.signIn(ADMIN.username, ADMIN.passphrase));
    stop();
    expect(page.pendingTimers()).toBe(0);
    page.activity();
    page.setVisibility('hidden');
    page.advance(IDLE_MS + HIDDEN_LOCK_MS);
    expect(page.pendingTimers()).toBe(0);
    expect(session.store.getState().status).toBe('unlocked');
  });
});
