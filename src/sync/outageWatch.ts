import type { StoreApi } from 'zustand/vanilla';
import { autoOpenAfterMs, type RuntimeConfig } from '@/domain';
import { errorName, logger } from '@/lib/logger';
import type { HubConnection } from './hubProbe';

export type OutageWatchDeps = {
  probe: StoreApi<HubConnection>;
  /** Whether someone is signed in: an incident is an event, and events need an actor. */
  signedIn: () => boolean;
  /** Calls back when the session changes (someone signs in); returns the unsubscribe. */
  onSessionChange: (listener: () => void) => () => void;
  /** The hospital's configuration: how long the SIMRS must be down before an incident opens. */
  config: () => Promise<RuntimeConfig | undefined>;
  /** Records this device's sighting of the outage (the command is idempotent). */
  recordSighting: (outage: { hubId: string; since: string }) => Promise<{ ok: boolean }>;
};

/**
 * Opens the downtime incident by itself when the hub reports the SIMRS down long enough
 * (decision 0004): at each probe answer and at each sign-in, while someone is signed in. The
 * duration is read on the hub's clock (`serverTime − since`), so a device with a wrong clock
 * neither opens too early nor never. React-free; returns the stop function.
 */
export function startOutageWatch(deps: OutageWatchDeps): () => void {
  const recorded = new Set<string>();
  let running: Promise<void> | undefined;

  async function check(): Promise<void> {
    const connection = deps.probe.getState();
    if (connection.state !== 'reachable' || connection.simrs?.status !== 'down' || !connection.hubId) return;
    if (!deps.signedIn()) return;
    const outage = { hubId: connection.hubId, since: connection.simrs.since };
    const key = `${outage.hubId}|${outage.since}`;
    if (recorded.has(key)) return;
    const downForMs = Date.parse(connection.serverTime) - Date.parse(outage.since);
    const config = await deps.config();
    if (!config || downForMs < autoOpenAfterMs(config)) return;
    const result = await deps.recordSighting(outage);
    // Refused (locked meanwhile, no config yet): try again at the next probe answer.
    if (result.ok) recorded.add(key);
  }

  let again = false;
  const trigger = (): void => {
    if (running) {
      again = true; // a change while checking: look once more afterwards
      return;
    }
    running = check()
      .catch((error: unknown) => logger.error('incident.auto_open_failed', { error: errorName(error) }))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          trigger();
        }
      });
  };
  const unsubscribeProbe = deps.probe.subscribe(trigger);
  const unsubscribeSession = deps.onSessionChange(trigger);
  trigger();
  return () => {
    unsubscribeProbe();
    unsubscribeSession();
  };
}
