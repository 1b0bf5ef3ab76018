import { useStore } from 'zustand';
import type { StoredRuntimeConfig } from '@/storage';
import { runtimeConfigStatusStore } from '@/sync';
import { preloadedModule } from './preloadedModule';

/** The notice and the text for every kind of configuration issue load only when there is one. */
const problemNotice = preloadedModule(() => import('./ConfigProblemNotice'));

/**
 * Explains the configuration in force: nothing when the served file is valid; the wrong fields
 * when it is not (the last valid configuration stays in use); a blocking notice when the device
 * has never received a valid configuration.
 */
export function ConfigNotice({ stored }: { stored: StoredRuntimeConfig | null }) {
  const status = useStore(runtimeConfigStatusStore, (state) => state.state);
  const problem = status === 'invalid' || (stored === null && status !== 'loading');
  return problem ? <LoadedProblemNotice stored={stored} /> : null;
}

function LoadedProblemNotice({ stored }: { stored: StoredRuntimeConfig | null }) {
  const module = problemNotice.useModule();
  return module ? <module.ConfigProblemNotice stored={stored} /> : null;
}
