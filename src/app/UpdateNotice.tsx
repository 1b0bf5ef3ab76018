import { useStore } from 'zustand';
import { preloadedModule } from './preloadedModule';
import { serviceWorkerStore } from './serviceWorker';

/** The prompt's code loads only once a release is waiting (not at all on most starts). */
const prompt = preloadedModule(() => import('./UpdatePrompt'));

/** Offers a waiting release (`UpdatePrompt`); nothing otherwise. */
export function UpdateNotice() {
  const waiting = useStore(serviceWorkerStore, (state) => state.updateWaiting && !state.updateDeferred);
  return waiting ? <LoadedPrompt /> : null;
}

function LoadedPrompt() {
  const module = prompt.useModule();
  return module ? <module.UpdatePrompt /> : null;
}
