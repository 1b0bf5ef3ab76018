import { afterEach } from 'vitest';
import { createSession, type KeyRelease, type Session } from '@/session';
import { accountActions } from '@/session/accounts';
import {
  plainCodec,
  saveRuntimeConfig,
  setCodec,
  setCurrentActor,
  setCurrentSigners,
  type SiagaDb,
} from '@/storage';
import { DEMO_CONFIG } from '../../../server/demoConfig';

export const ADMIN = {
  deviceCode: 'PD1',
  displayName: 'Dewi Admin',
  username: 'dewi.it',
  passphrase: 'kuda lumping berlari pagi',
};

export const CLERK = {
  displayName: 'Rina Petugas',
  username: 'rina.p',
  role: 'registration' as const,
  passphrase: 'sate ayam pedas manis',
};

/** A clock for the session (sign-in waits), moved by hand. */
export function sessionClock(start = Date.parse('2026-11-22T01:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/**
 * A device with the hospital's configuration (commands need it) and a started session. Several
 * sessions may share one database: each stands for the app opened again (a reload).
 */
export async function startedSession(
  db: SiagaDb,
  deps: { now?: () => number; release?: KeyRelease } = {},
): Promise<Session> {
  await saveRuntimeConfig(db, DEMO_CONFIG, new Date('2026-11-22T00:00:00Z'));
  const session = createSession({ db, ...deps });
  await session.start();
  return session;
}

/** A device set up by IT: the admin is signed in. */
export async function setUpSession(
  db: SiagaDb,
  deps: { now?: () => number; release?: KeyRelease } = {},
): Promise<{ session: Session; adminId: string }> {
  const session = await startedSession(db, deps);
  const setUp = await session.setUpDevice(ADMIN);
  if (!setUp.ok) throw new Error(`setUpDevice failed: ${setUp.error}`);
  return { session, adminId: setUp.value.userId };
}

/** The codec and the actor are process-wide: every test leaves them as a fresh page has them. */
export function resetSessionGlobals(): void {
  afterEach(() => {
    setCodec(plainCodec);
    setCurrentActor(undefined);
    setCurrentSigners(undefined);
  });
}

export function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The admin sets the device up and creates a registration clerk, who then signs in (offline). */
export async function clerkSession(
  db: SiagaDb,
  deps: { now?: () => number; release?: KeyRelease } = {},
): Promise<{ session: Session; adminId: string; clerkId: string }> {
  const { session, adminId } = await setUpSession(db, deps);
  const created = await accountActions(db, session).createUser(CLERK);
  if (!created.ok) throw new Error(`createUser failed: ${JSON.stringify(created.error)}`);
  await session.signOut();
  const signedIn = await session.signIn(CLERK.username, CLERK.passphrase);
  if (!signedIn.ok) throw new Error(`clerk sign-in failed: ${JSON.stringify(signedIn.error)}`);
  return { session, adminId, clerkId: created.value.userId };
}
