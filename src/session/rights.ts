import { useStore } from 'zustand';
import { hasRight, type Right, type Workflow } from '@/domain';
import type { Session, SessionState, SessionUser } from './session';

/** The signed-in user, for screens; undefined while locked or signed out. */
export function useSessionUser(session: Session): SessionUser | undefined {
  return useStore(session.store, (state: SessionState) =>
    state.status === 'unlocked' ? state.user : undefined,
  );
}

/** What the signed-in user may do: screens show only what a role may do (the domain enforces it). */
export function canDo(user: SessionUser | undefined, workflow: Workflow, right: Right): boolean {
  return user !== undefined && hasRight(user.role, workflow, right);
}
