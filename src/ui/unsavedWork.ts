import { useEffect, useId } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Which on-screen forms hold input that is not saved yet. The shell reads it so that nothing —
 * an app update, a reload, closing the tab — throws such input away without asking.
 */
export const unsavedWorkStore = createStore<{ dirtyForms: ReadonlySet<string> }>(() => ({
  dirtyForms: new Set(),
}));

function setDirty(formId: string, isDirty: boolean): void {
  const current = unsavedWorkStore.getState().dirtyForms;
  if (current.has(formId) === isDirty) return;
  const next = new Set(current);
  if (isDirty) next.add(formId);
  else next.delete(formId);
  unsavedWorkStore.setState({ dirtyForms: next });
}

/** Call from a form with its dirty flag; the registration ends when the form unmounts. */
export function useUnsavedWork(isDirty: boolean): void {
  const formId = useId();
  useEffect(() => {
    setDirty(formId, isDirty);
    return () => setDirty(formId, false);
  }, [formId, isDirty]);
}

export function useHasUnsavedWork(): boolean {
  return useStore(unsavedWorkStore, (state) => state.dirtyForms.size > 0);
}

/** Asks the browser to confirm before the tab closes or reloads while input is unsaved. */
export function guardUnsavedWorkOnUnload(target: Window): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (unsavedWorkStore.getState().dirtyForms.size > 0) event.preventDefault();
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
