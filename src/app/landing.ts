import type { Role } from '@/domain';
import { matchRoute, mayOpen, paths, ROLE_WORKSPACE, type Route } from '@/features/common';
import type { Session, SessionState } from '@/session';
import { navigate } from '@/ui/navigation';

/** How a session began: a person signed in, or IT has just set the device up. */
export type SessionStart = 'signIn' | 'firstRun';

/**
 * Screens not worth returning to after sign-in: the home page, an unknown address, and settings
 * (its first section holds passphrase forms, and a previous person's settings are never the next
 * person's work).
 */
function isDeepLink(route: Route): boolean {
  return !['home', 'notFound', 'settings', 'queueDisplay'].includes(route.name);
}

/**
 * Where a person lands when their session begins; `undefined` keeps the address. A screen opened
 * while signed out (a bookmark, a link, a reload) is kept when the role may open it; anything else
 * leads to the role's own workspace. After setting up a device IT lands on its accounts: creating
 * the staff's accounts is the next step.
 */
export function landingPath(pathname: string, role: Role, start: SessionStart): string | undefined {
  if (start === 'firstRun') return paths.settingsSection('pengguna');
  const route = matchRoute(pathname);
  if (isDeepLink(route) && mayOpen(route, role)) return undefined;
  return paths[ROLE_WORKSPACE[role]];
}

function startOf(previous: SessionState['status']): SessionStart | undefined {
  if (previous === 'signedOut') return 'signIn';
  if (previous === 'setUp') return 'firstRun';
  return undefined; // `locked`: the same person resumes where they were
}

/**
 * Keeps the address in step with who works on the device: signing out leaves the previous
 * person's screen (the next person starts from the beginning), signing in lands in one's workspace.
 */
export function followSessionLanding(session: Pick<Session, 'store'>): void {
  session.store.subscribe((state, previous) => {
    // From a session only: at start-up the address is what the person opened (a deep link).
    if (state.status === 'signedOut' && (previous.status === 'unlocked' || previous.status === 'locked')) {
      navigate(paths.home, { replace: true });
      return;
    }
    if (state.status !== 'unlocked' || previous.status === 'unlocked') return;
    const start = startOf(previous.status);
    const target = start ? landingPath(window.location.pathname, state.user.role, start) : undefined;
    if (target) navigate(target, { replace: true });
  });
}
