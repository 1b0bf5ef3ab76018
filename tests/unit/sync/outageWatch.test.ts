import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { startOutageWatch, type HubConnection } from '@/sync';
import { DEMO_CONFIG } from '../../../server/demoConfig';

const reachable = (simrs: { status: 'up' | 'down'; since: string }, serverTime: string): HubConnection => ({
  state: 'reachable',
  hubUrl: '/',
  viaBackup: false,
  lastContactAt: 0,
  serverTime,
  hubVersion: '1',
  hubId: 'hub-1',
  simrs: { ...simrs, checkedAt: serverTime },
});

function setUp(options: { signedIn?: boolean; delayMs?: number } = {}) {
  const probe = createStore<HubConnection>(() => ({ state: 'checking' }));
  let signedIn = options.signedIn ?? true;
  const sessionListeners = new Set<() => void>();
  const recordSighting = vi.fn(async () => ({ ok: true }));
  const stop = startOutageWatch({
    probe,
    signedIn: () => signedIn,
    onSessionChange: (listener) => {
      sessionListeners.add(listener);
      return () => sessionListeners.delete(listener);
    },
    config: async () => ({
      ...DEMO_CONFIG,
      incidents: { autoOpenAfterSeconds: (options.delayMs ?? 60_000) / 1000 },
    }),
    recordSighting,
  });
  return {
    probe,
    recordSighting,
    stop,
    signIn: () => {
      signedIn = true;
      sessionListeners.forEach((listener) => listener());
    },
  };
}

const SINCE = '2026-11-22T01:00:00.000Z';

describe('opening incidents by itself', () => {
  it('waits until the hub has seen the SIMRS down long enough, by the hub clock, then records once', async () => {
    const watch = setUp();
    watch.probe.setState(reachable({ status: 'down', since: SINCE }, '2026-11-22T01:00:30.000Z'), true);
    await Promise.resolve();
    expect(watch.recordSighting).not.toHaveBeenCalled();
    watch.probe.setState(reachable({ status: 'down', since: SINCE }, '2026-11-22T01:01:00.000Z'), true);
    await vi.waitFor(() =>
      expect(watch.recordSighting).toHaveBeenCalledWith({ hubId: 'hub-1', since: SINCE }),
    );
    watch.probe.setState(reachable({ status: 'down', since: SINCE }, '2026-11-22T01:01:10.000Z'), true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(watch.recordSighting).toHaveBeenCalledTimes(1);
    watch.stop();
  });

  it('does nothing while the SIMRS is up or the hub out of reach, and waits for someone to sign in', async () => {
    const watch = setUp({ signedIn: false, delayMs: 0 });
    watch.probe.setState(reachable({ status: 'up', since: SINCE }, '2026-11-22T02:00:00.000Z'), true);
    watch.probe.setState({ state: 'unreachable', reason: 'network', failures: 1, nextProbeAt: 0 }, true);
    watch.probe.setState(reachable({ status: 'down', since: SINCE }, '2026-11-22T02:00:00.000Z'), true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(watch.recordSighting).not.toHaveBeenCalled();
    watch.signIn();
    await vi.waitFor(() => expect(watch.recordSighting).toHaveBeenCalledTimes(1));
    watch.stop();
  });

  it('tries again at the next answer when the sighting could not be recorded', async () => {
    const watch = setUp({ delayMs: 0 });
    watch.recordSighting.mockResolvedValueOnce({ ok: false });
    watch.probe.setState(reachable({ status: 'down', since: SINCE }, '2026-11-22T02:00:00.000Z'), true);
    await vi.waitFor(() => expect(watch.recordSighting).toHaveBeenCalledTimes(1));
    watch.probe.setState(reachable({ status: 'down', since: SINCE }, '2026-11-22T02:00:10.000Z'), true);
    await vi.waitFor(() => expect(watch.recordSighting).toHaveBeenCalledTimes(2));
    watch.stop();
  });
});
