import { useStore } from 'zustand';
import { hasRight, workflowOf, type EventType } from '@/domain';
import { accessStore } from '@/storage';

/**
 * Whether the signed-in person may record events of a type (`correct`: as a correction or void),
 * by the same table the domain enforces: screens offer only what a role may do.
 */
export function useMayRecord(): (type: EventType, right?: 'input' | 'correct') => boolean {
  const role = useStore(accessStore, (state) => state.actor?.role);
  return (type, right = 'input') => role !== undefined && hasRight(role, workflowOf(type), right);
}
