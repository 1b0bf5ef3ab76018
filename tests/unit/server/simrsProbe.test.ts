import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSimrsProbe } from '../../../server/simrsProbe';

const silentLog = { info: () => undefined } as unknown as FastifyBaseLogger;

/** A stand-in SIMRS health endpoint on a real socket whose answer the test switches. */
async function simrsHealth(): Promise<{ url: string; answer: (status: number) => void; server: Server }> {
  let status = 200;
  const server = createServer((_request, response) => {
    response.statusCode = status;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/health`, answer: (next) => (status = next), server };
}

describe('the hub watching the SIMRS [P12]', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('reports up, then down since the first failed check, then up again', async () => {
    const simrs = await simrsHealth();
    let clock = Date.parse('2026-11-22T01:00:00Z');
    const probe = startSimrsProbe({ healthUrl: () => simrs.url, log: silentLog, now: () => new Date(clock) });
    cleanups.push(probe.stop, () => simrs.server.close());

    // The first check starts with the probe; later ones are driven by the test.
    await vi.waitFor(() => expect(probe.status()).toMatchObject({ status: 'up' }));

    simrs.answer(503);
    clock += 60_000;
    await probe.probeNow();
    const downSince = probe.status().since;
    expect(probe.status()).toMatchObject({ status: 'down', since: '2026-11-22T01:01:00.000Z' });

    // Further failed checks move checkedAt, not since: the banner keeps the start of the outage.
    clock += 60_000;
    await probe.probeNow();
    expect(probe.status()).toMatchObject({
      status: 'down',
      since: downSince,
      checkedAt: '2026-11-22T01:02:00.000Z',
    });

    simrs.answer(200);
    clock += 60_000;
    await probe.probeNow();
    expect(probe.status()).toMatchObject({ status: 'up', since: '2026-11-22T01:03:00.000Z' });
  });

  it('notices the SIMRS going and coming back by itself, never waiting longer than its cap', async () => {
    const simrs = await simrsHealth();
    const probe = startSimrsProbe({ healthUrl: () => simrs.url, log: silentLog, maxIntervalMs: 100 });
    cleanups.push(probe.stop, () => simrs.server.close());
    await vi.waitFor(() => expect(probe.status().status).toBe('up'));
    simrs.answer(500);
    await vi.waitFor(() => expect(probe.status().status).toBe('down'), { timeout: 2_000 });
    simrs.answer(200);
    await vi.waitFor(() => expect(probe.status().status).toBe('up'), { timeout: 2_000 });
  });

  it('counts an SIMRS that does not answer at all as down', async () => {
    const simrs = await simrsHealth();
    const url = simrs.url;
    await new Promise((resolve) => simrs.server.close(resolve));
    const probe = startSimrsProbe({ healthUrl: () => url, log: silentLog });
    cleanups.push(probe.stop);
    await probe.probeNow();
    expect(probe.status().status).toBe('down');
  });

  it('says unknown, not down, while the hub has no valid SIMRS address', async () => {
    const probe = startSimrsProbe({ healthUrl: () => undefined, log: silentLog });
    cleanups.push(probe.stop);
    await probe.probeNow();
    expect(probe.status().status).toBe('unknown');
  });
});
