import { createStore } from 'zustand/vanilla';
import { parseRuntimeConfigText, type ConfigIssue } from '@/domain/config';
import { errorName, logger } from '@/lib/logger';
import { saveRuntimeConfig, type SiagaDb } from '@/storage';

export type RuntimeConfigStatus =
  | { state: 'loading' }
  /** The served file is valid and now in force. */
  | { state: 'current'; checkedAt: number }
  /** The served file is invalid: the last valid one (if any) stays in force. */
  | { state: 'invalid'; issues: ConfigIssue[]; checkedAt: number }
  /** The hub did not answer: the last valid one (if any) stays in force. */
  | { state: 'unreachable'; checkedAt: number };

export const runtimeConfigStatusStore = createStore<RuntimeConfigStatus>(() => ({ state: 'loading' }));

/** `config.json` sits next to the app, on the origin that served it. */
export const RUNTIME_CONFIG_PATH = '/config.json';

/**
 * Fetches `config.json`, validates it and, only when valid, makes it the stored configuration.
 * An invalid or unreachable file never replaces the last valid one.
 */
export async function refreshRuntimeConfig(
  db: SiagaDb,
  deps: { fetch: typeof fetch; now: () => Date } = {
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
  },
): Promise<RuntimeConfigStatus> {
  const checkedAt = deps.now();
  let text: string;
  try {
    const response = await deps.fetch(RUNTIME_CONFIG_PATH, { cache: 'no-store' });
    if (!response.ok) throw new Error(`config.json answered ${response.status}`);
    text = await response.text();
  } catch (error) {
    logger.info('config.unreachable', { error: errorName(error) });
    return publish({ state: 'unreachable', checkedAt: checkedAt.getTime() });
  }
  const parsed = parseRuntimeConfigText(text);
  if (!parsed.ok) {
    logger.warn('config.invalid', { issues: parsed.error.length });
    return publish({ state: 'invalid', issues: parsed.error, checkedAt: checkedAt.getTime() });
  }
  await saveRuntimeConfig(db, parsed.value, checkedAt);
  return publish({ state: 'current', checkedAt: checkedAt.getTime() });
}

function publish(status: RuntimeConfigStatus): RuntimeConfigStatus {
  runtimeConfigStatusStore.setState(status, true);
  return status;
}
