import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHubProbe, PROBE_INTERVAL_MS, ProbeFailure, type HubConnection, type HubProbe } from '@/sync';

const HEALTHY = { status: 'ok', serverTime: '2026-11-22T01:00:00.000Z', version: '0.1.0' };

type Answer = 'down' | 'timeout' | 500 | 'garbage' | typeof HEALTHY;

/** A fake network: answers per URL, records every request. */
function fakeNetwork(initial: Record<string, Answer>) {
  const answers = { ...initial };
  const requests: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = input instanceof Request ? input.url : input.toString();
    requests.push(url);
    const answer = answers[url] ?? 'down';
    if (answer === 'down') throw new TypeError('Failed to fetch');
    if (answer === 'timeout') throw new DOMException('signal timed out', 'TimeoutError');
    if (answer === 500) return new Response('{}', { status: 500 });
    if (answer === 'garbage') return new Response('<html>captive portal</html>', { status: 200 });
    return Response.json(answer);
  });
  return { answers, requests, fetch: fetch as unknown as typeof globalThis.fetch };
}

const PRIMARY = 'http://hub.local/api/v1/health';
const BACKUP = 'http://backup.local:8080/api/v1/health';

describe('createHubProbe', () => {
  let probe: HubProbe | undefined;
  let states: HubConnection[];

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-22T01:00:00Z') });
    states = [];
  });
  afterEach(() => {
    probe?.stop();
    vi.useRealTimers();
  });

  function start(network: ReturnType<typeof fakeNetwork>, hubUrls = ['/']) {
    probe = createHubProbe({
      hubUrls: () => Promise.resolve(hubUrls),
      appOrigin: 'http://hub.local',
      fetch: network.fetch,
      now: () => Date.now(),
      random: () => 0, // equal jitter at its floor: half the ceiling
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    });
    probe.store.subscribe((state) => states.push(state));
    probe.start();
    return probe;
  }

  it('reports reachable with the hub version when the health endpoint answers', async () => {
    const network = fakeNetwork({ [PRIMARY]: HEALTHY });
    const started = start(network);
    await vi.advanceTimersByTimeAsync(0);
    expect(started.store.getState()).toMatchObject({
      state: 'reachable',
      hubVersion: '0.1.0',
      viaBackup: false,
    });
    expect(network.requests).toEqual([PRIMARY]);
  });

  it('backs off exponentially while the hub is down, then recovers without outside help', async () => {
    const network = fakeNetwork({ [PRIMARY]: 'down' });
    const started = start(network);
    await vi.advanceTimersByTimeAsync(0);
    expect(started.store.getState()).toMatchObject({ state: 'unreachable', failures: 1, reason: 'network' });

    // With random() = 0 the waits are half of 1, 2, 4, 8, 16→15 s: 0.5, 1, 2, 4, 7.5 s.
    const probeTimes: number[] = [];
    const startedAt = Date.now();
    for (const wait of [500, 1_000, 2_000, 4_000, 7_500, 7_500]) {
      const before = network.requests.length;
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(network.requests.length).toBe(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(network.requests.length).toBe(before + 1);
      probeTimes.push(Date.now() - startedAt);
    }
    expect(probeTimes).toEqual([500, 1_500, 3_500, 7_500, 15_000, 22_500]);
    expect(started.store.getState()).toMatchObject({ state: 'unreachable', failures: 7 });

    network.answers[PRIMARY] = HEALTHY;
    await vi.advanceTimersByTimeAsync(7_500);
    expect(started.store.getState().state).toBe('reachable');
  });

  it('goes back to the steady interval after a success', async () => {
    const network = fakeNetwork({ [PRIMARY]: HEALTHY });
    start(network);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS - 1);
    expect(network.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(network.requests).toHaveLength(2);
  });

  it('classifies failures: timeout, HTTP error, an answer that is not our hub', async () => {
    for (const [answer, reason] of [
      ['timeout', ProbeFailure.Timeout],
      [500, ProbeFailure.HttpStatus],
      ['garbage', ProbeFailure.InvalidAnswer],
    ] as const) {
      const started = start(fakeNetwork({ [PRIMARY]: answer }));
      await vi.advanceTimersByTimeAsync(0);
      expect(started.store.getState()).toMatchObject({ state: 'unreachable', reason });
      started.stop();
    }
  });

  it('fails over to the backup hub when the primary does not answer', async () => {
    const network = fakeNetwork({ [PRIMARY]: 'down', [BACKUP]: HEALTHY });
    const started = start(network, ['/', 'http://backup.local:8080']);
    await vi.advanceTimersByTimeAsync(0);
    expect(started.store.getState()).toMatchObject({
      state: 'reachable',
      viaBackup: true,
      hubUrl: 'http://backup.local:8080',
    });
    expect(network.requests).toEqual([PRIMARY, BACKUP]);
  });

  it('probes at once on request instead of waiting out the backoff', async () => {
    const network = fakeNetwork({ [PRIMARY]: 'down' });
    const started = start(network);
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 5; i += 1) await vi.advanceTimersByTimeAsync(20_000);
    const before = network.requests.length;
    network.answers[PRIMARY] = HEALTHY;
    started.probeNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(network.requests.length).toBe(before + 1);
    expect(started.store.getState().state).toBe('reachable');
  });

  it('keeps the last contact time while unreachable', async () => {
    const network = fakeNetwork({ [PRIMARY]: HEALTHY });
    const started = start(network);
    await vi.advanceTimersByTimeAsync(0);
    const contactAt = Date.now();
    network.answers[PRIMARY] = 'down';
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS);
    expect(started.store.getState()).toMatchObject({ state: 'unreachable', lastContactAt: contactAt });
  });

  it('stops probing when stopped', async () => {
    const network = fakeNetwork({ [PRIMARY]: HEALTHY });
    const started = start(network);
    await vi.advanceTimersByTimeAsync(0);
    started.stop();
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS * 5);
    expect(network.requests).toHaveLength(1);
    expect(states.at(-1)?.state).toBe('reachable');
  });
});
