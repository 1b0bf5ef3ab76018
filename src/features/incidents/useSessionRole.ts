import { useStore } from 'zustand';
import type { Actor } from '@/domain';
import { accessStore } from '@/storage';

/** The signed-in person (undefined while locked): their role picks the unit they report for. */
export function useActor(): Actor | undefined {
  return useStore(accessStore, (state) => state.actor);
}

export function useSessionRole(): Actor['role'] | undefined {
  return useActor()?.role;
}
