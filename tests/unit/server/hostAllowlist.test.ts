import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@/lib/ids';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { hostNameOf } from '../../../server/security/hostAllowlist';
import { startTestHub, TEST_ENROLLMENT_CODE, type TestHub } from './hubTestServer';

type Answer = { status: number; body: string };

/** One request to the test hub with `host` as its Host header, as a browser that resolved it would send. */
function send(hub: TestHub, host: string, options: { method?: string; path?: string; body?: string } = {}) {
  const url = new URL(options.path ?? '/api/v1/health', hub.url);
  return new Promise<Answer>((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        agent: false,
        method: options.method ?? 'GET',
        headers: { host, ...(options.body ? { 'content-type': 'application/json' } : {}) },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** HTTP/1.0 allows a request without any Host header. */
function sendWithoutHost(hub: TestHub): Promise<string> {
  const { port } = new URL(hub.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write('GET /api/v1/health HTTP/1.0\r\n\r\n'),
    );
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('[P42] the Host allowlist against DNS rebinding, over HTTP and a real SQLite file', () => {
  let at = Date.parse('2026-11-22T08:00:00+07:00');
  let hub: TestHub;
  let port: string;
  beforeAll(async () => {
    hub = await startTestHub({ hostNames: ['siaga.rs.local', '10.0.5.20'], now: () => new Date(at) });
    port = new URL(hub.url).port;
  });
  afterAll(async () => {
    await hub.close();
  });

  const lanAddress = Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .find((entry) => entry.family === 'IPv4')?.address;

  it('[P42] serves this machine by localhost, its loopback addresses, its host name and addresses, and the names IT gave', async () => {
    const host = hostname().toLowerCase();
    const allowed = [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      '127.0.0.2',
      host,
      ...(host.includes('.') ? [] : [`${host}.local:${port}`]),
      ...(lanAddress ? [`${lanAddress}:${port}`] : []),
      `siaga.rs.local:${port}`,
      // Host names are case-insensitive, and a final dot names the same host.
      `SIAGA.RS.Local.:${port}`,
      '10.0.5.20',
    ];
    for (const name of allowed) expect((await send(hub, name)).status, name).toBe(200);
  });

  it('[P42] answers 421 host_not_allowed to any other host, before any route: nothing is read or stored', async () => {
    const enrolled = () => hub.db.prepare('SELECT count(*) AS n FROM devices').get();
    const before = enrolled();
    for (const name of [
      `rebind.attacker.example:${port}`,
      'rebind.attacker.example',
      `siaga.rs.local.attacker.example:${port}`,
      `localhost.attacker.example:${port}`,
      '10.0.5.21',
      `localhost:${port}@attacker.example`,
      `attacker.example/${port}`,
    ]) {
      for (const [method, path, body] of [
        ['GET', '/api/v1/health', undefined],
        ['GET', '/', undefined],
        [
          'POST',
          '/api/v1/enroll',
          JSON.stringify({ code: TEST_ENROLLMENT_CODE, deviceId: uuidv7(), deviceCode: 'RB1' }),
        ],
      ] as const) {
        const answer = await send(hub, name, { method, path, ...(body ? { body } : {}) });
        expect(answer.status, `${name} ${path}`).toBe(421);
        expect(JSON.parse(answer.body)).toEqual({
          error: { code: 'host_not_allowed', message: expect.any(String) as unknown },
        });
      }
    }
    expect(enrolled()).toEqual(before);
    expect(await sendWithoutHost(hub)).toMatch(/^HTTP\/1\.1 421 /);
  });

  it('[P42] follows the hub URLs of config.json as IT edits it', async () => {
    expect((await send(hub, 'siaga-cadangan.rs.local')).status).toBe(421);
    hub.writeConfig({
      ...DEMO_CONFIG,
      hub: { primaryUrl: 'https://siaga-utama.rs.local:8443', backupUrl: 'https://siaga-cadangan.rs.local' },
    });
    // Names are looked up again at most every 30 seconds, so a flood of strange hosts costs nothing.
    at += 30_000;
    expect((await send(hub, 'siaga-cadangan.rs.local')).status).toBe(200);
    expect((await send(hub, `siaga-utama.rs.local:${port}`)).status).toBe(200);
  });

  it('reads the host name of a Host header, and nothing else as one', () => {
    expect(hostNameOf('Siaga.RS.local:8080')).toBe('siaga.rs.local');
    expect(hostNameOf('siaga.rs.local.')).toBe('siaga.rs.local');
    expect(hostNameOf('[::1]:8080')).toBe('::1');
    expect(hostNameOf('[0:0:0:0:0:0:0:1]')).toBe('::1');
    for (const wrong of [undefined, '', 'a b', 'user@host', 'host/path', 'host?x', 'host:port'])
      expect(hostNameOf(wrong), String(wrong)).toBeUndefined();
  });
});
