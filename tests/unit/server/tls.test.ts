import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type ConnectionOptions } from 'node:tls';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubHealthSchema } from '@/domain/hubHealth';
import { isLocalPlainRequest } from '../../../server/routes/installRoutes';
import {
  createCertificateAuthority,
  fingerprintOf,
  issueServerCertificate,
  renewalReason,
  type PemPair,
} from '../../../server/tls/certificateAuthority';
import { hubNames } from '../../../server/tls/hubNames';
import { ownCaTls, providedTls } from '../../../server/tls/hubTls';
import { startTestHub, type TestHub } from './hubTestServer';

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/**
 * One request, HTTPS trusting only `ca` (never a process-wide NODE_TLS_REJECT_UNAUTHORIZED, which
 * would switch checking off for every other test in the worker), or plain HTTP. `host` is the
 * name the browser would have used: the Host header and the TLS server name.
 */
function call(
  url: string,
  options: { ca?: string; host?: string; method?: string; body?: string } = {},
): Promise<Answer> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        agent: false,
        method: options.method ?? 'GET',
        ...(options.ca ? { ca: options.ca } : {}),
        ...(options.host ? { headers: { host: options.host }, servername: options.host.split(':')[0] } : {}),
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** The certificate a TLS client is shown at `port` when it asks for `servername`. */
function servedCertificate(port: number, servername: string): Promise<X509Certificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', servername, rejectUnauthorized: false }, () => {
      const raw = socket.getPeerX509Certificate();
      socket.end();
      if (raw) resolve(raw);
      else reject(new Error('no certificate'));
    });
    socket.on('error', reject);
  });
}

describe('the hub with a certificate from the hospital CA', () => {
  let hub: TestHub;
  let cert: string;
  let port: number;
  beforeAll(async () => {
    const pems = await generate([{ name: 'commonName', value: 'siaga.rs.local' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: false },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'siaga.rs.local' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    cert = pems.cert;
    hub = await startTestHub({ tls: providedTls({ cert: pems.cert, key: pems.private }) });
    port = Number(new URL(hub.url).port);
  });
  afterAll(async () => {
    await hub.close();
  });

  it('answers health over HTTPS with HSTS and the other security headers', async () => {
    const response = await call(`https://127.0.0.1:${port}/api/v1/health`, { ca: cert });
    expect(response.status).toBe(200);
    expect(hubHealthSchema.parse(JSON.parse(response.body)).status).toBe('ok');
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the app page over HTTPS, by the name the certificate carries', async () => {
    const response = await call(`https://127.0.0.1:${port}/pendaftaran`, {
      ca: cert,
      host: `siaga.rs.local:${port}`,
    });
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Siaga</title>');
  });

  it('[P42] serves only the names the hospital certificate carries, beside the hub’s own: another Host is 421', async () => {
    const named = await call(`https://127.0.0.1:${port}/api/v1/health`, {
      ca: cert,
      host: `siaga.rs.local:${port}`,
    });
    expect(named.status).toBe(200);
    for (const host of [`rebind.attacker.example:${port}`, `siaga.rs.local.attacker.example:${port}`]) {
      const plain = await call(`http://127.0.0.1:${port}/`, { host });
      expect(plain.status, host).toBe(421);
      expect(JSON.parse(plain.body)).toMatchObject({ error: { code: 'host_not_allowed' } });
    }
  });

  it('serves the app over plain HTTP on this machine only, where browsers count it as secure', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      const response = await call(`http://127.0.0.1:${port}/`, { host });
      expect(response.body, host).toContain('<title>Siaga</title>');
      expect(response.headers['strict-transport-security'], host).toBeUndefined();
    }
  });

  it('answers plain HTTP from the network with the install page only, pointing at the HTTPS address', async () => {
    const page = await call(`http://127.0.0.1:${port}/pendaftaran`, { host: `siaga.rs.local:${port}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Pasang sertifikat hub Siaga');
    expect(page.body).toContain(`href="https://siaga.rs.local:${port}/pendaftaran"`);
    // The hospital's CA is installed by IT: there is nothing of the hub's to download.
    expect(page.body).not.toContain('siaga-hub-ca.crt"');
    expect(page.body).toContain('CA rumah sakit');
    const english = await call(`http://127.0.0.1:${port}/?lang=en`, { host: `siaga.rs.local:${port}` });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('Install the Siaga hub&#39;s certificate');
  });

  it('refuses every API call over plain HTTP from the network: nothing about patients crosses in the clear', async () => {
    const host = `siaga.rs.local:${port}`;
    const health = await call(`http://127.0.0.1:${port}/api/v1/health`, { host });
    const push = await call(`http://127.0.0.1:${port}/api/v1/events`, { host, method: 'POST', body: '{}' });
    for (const answer of [health, push]) {
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'https_required' } });
    }
  });

  it('is refused by a client that does not trust the certificate', async () => {
    await expect(call(`https://127.0.0.1:${port}/api/v1/health`)).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/) as unknown,
    });
  });
});

describe('isLocalPlainRequest', () => {
  const request = (host: string, remoteAddress: string) =>
    ({ headers: { host }, socket: { remoteAddress } }) as unknown as Parameters<
      typeof isLocalPlainRequest
    >[0];

  it('needs both a loopback name in the address bar and a caller on this machine', () => {
    expect(isLocalPlainRequest(request('localhost:8080', '127.0.0.1'))).toBe(true);
    expect(isLocalPlainRequest(request('[::1]:8080', '::1'))).toBe(true);
    expect(isLocalPlainRequest(request('127.0.0.1:8080', '::ffff:127.0.0.1'))).toBe(true);
    // A tablet on the LAN claiming "localhost" is still a tablet on the LAN.
    expect(isLocalPlainRequest(request('localhost:8080', '10.0.5.31'))).toBe(false);
    expect(isLocalPlainRequest(request('siaga.rs.local:8080', '127.0.0.1'))).toBe(false);
    expect(isLocalPlainRequest(request('localhost:8080@evil', '127.0.0.1'))).toBe(false);
  });
});

describe("the hub's own certificate authority", () => {
  let dir: string;
  const at = new Date('2026-12-03T02:00:00Z');
  const log = () => undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'siaga-own-ca-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is made at the first start with keys only the hub can read, and kept at the next', async () => {
    const names = ['localhost', '127.0.0.1', 'siaga.rs.local', '10.0.5.20'];
    const first = await ownCaTls({ dir, caName: 'Siaga hub CA (test)', names, now: at, log });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'ca.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'hub.key')).mode & 0o777).toBe(0o600);
    const ca = new X509Certificate(first.caCertificate!);
    expect(ca.ca).toBe(true);
    const server = new X509Certificate(first.current().cert);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkHost('siaga.rs.local')).toBe('siaga.rs.local');
    expect(server.checkIP('10.0.5.20')).toBe('10.0.5.20');
    expect(server.checkHost('other.rs.local')).toBeUndefined();

    const again = await ownCaTls({ dir, caName: 'Siaga hub CA (test)', names, now: at, log });
    expect(again.caCertificate).toBe(first.caCertificate);
    expect(again.current().cert).toBe(first.current().cert);
    expect(readFileSync(join(dir, 'hub.crt'), 'utf8')).toBe(first.current().cert);
  });

  it('issues a new server certificate under the same CA when it nears expiry or the hub gets a new address', async () => {
    const names = ['localhost', 'siaga.rs.local'];
    const tls = await ownCaTls({
      dir: join(dir, 'renew'),
      caName: 'Siaga hub CA (test)',
      names,
      now: at,
      log,
    });
    const issued: string[] = [];
    tls.subscribe((credentials) => issued.push(credentials.cert));
    expect(await tls.renewIfDue(names, new Date('2027-06-01T00:00:00Z'))).toBe(false);
    // 397 days of validity, renewed within the last 30.
    expect(await tls.renewIfDue(names, new Date('2027-12-10T00:00:00Z'))).toBe(true);
    expect(await tls.renewIfDue([...names, '10.0.5.77'], new Date('2027-12-11T00:00:00Z'))).toBe(true);
    expect(issued).toHaveLength(2);
    const latest = new X509Certificate(tls.current().cert);
    expect(latest.checkIP('10.0.5.77')).toBe('10.0.5.77');
    expect(latest.verify(new X509Certificate(tls.caCertificate!).publicKey)).toBe(true);
  });

  it('names the reason a certificate must be issued again', async () => {
    const ca = await createCertificateAuthority('CA one', at);
    const other = await createCertificateAuthority('CA two', at);
    const server = await issueServerCertificate(ca, ['siaga.rs.local', '::1'], at);
    expect(renewalReason(server.cert, ca.cert, ['siaga.rs.local', '0:0:0:0:0:0:0:1'], at)).toBeUndefined();
    expect(renewalReason(server.cert, ca.cert, ['siaga.rs.local', '10.0.0.9'], at)).toBe('names');
    expect(renewalReason(server.cert, other.cert, ['siaga.rs.local'], at)).toBe('issuer');
    expect(renewalReason(server.cert, ca.cert, ['siaga.rs.local'], new Date('2027-12-20T00:00:00Z'))).toBe(
      'expiring',
    );
  });

  it('lists the names and addresses devices may use, not link-local ones', () => {
    const names = hubNames({
      extra: ['Siaga.RS.local'],
      config: undefined,
      host: 'srv-rm',
      interfaces: {
        eth0: [
          { address: '10.0.5.20', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null },
          {
            address: 'fe80::1',
            family: 'IPv6',
            internal: false,
            netmask: '',
            mac: '',
            cidr: null,
            scopeid: 2,
          },
        ],
      },
    });
    expect(names).toEqual([
      '10.0.5.20',
      '127.0.0.1',
      '::1',
      'localhost',
      'siaga.rs.local',
      'srv-rm',
      'srv-rm.local',
    ]);
  });
});

describe('one port for HTTPS and the install page under the hub’s own CA', () => {
  let hub: TestHub;
  let port: number;
  let caCertificate: string;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'siaga-own-ca-hub-'));
    const tls = await ownCaTls({
      dir,
      caName: 'Siaga hub CA (test)',
      names: ['localhost', '127.0.0.1', 'siaga.rs.local'],
      now: new Date(),
      log: () => undefined,
    });
    caCertificate = tls.caCertificate!;
    hub = await startTestHub({ tls });
    port = Number(new URL(hub.url).port);
    // Renewals reach the running server without a restart.
    await tls.renewIfDue(['localhost', '127.0.0.1', 'siaga.rs.local', 'siaga2.rs.local'], new Date());
  });
  afterAll(async () => {
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers the CA certificate and its fingerprint on the install page', async () => {
    const host = `siaga.rs.local:${port}`;
    const page = await call(`http://127.0.0.1:${port}/`, { host });
    expect(page.body).toContain('href="/siaga-hub-ca.crt"');
    expect(page.body).toContain(fingerprintOf(caCertificate));
    for (const platform of ['Android', 'iPad', 'Windows', 'Chromebook'])
      expect(page.body).toContain(platform);
    const download = await call(`http://127.0.0.1:${port}/siaga-hub-ca.crt`, { host });
    expect(download.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(download.body).toBe(caCertificate);
  });

  it('serves HTTPS on the same port to a device that trusts the CA, with the renewed certificate', async () => {
    const response = await call(`https://127.0.0.1:${port}/api/v1/health`, {
      ca: caCertificate,
      host: `siaga2.rs.local:${port}`,
    });
    expect(response.status).toBe(200);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    const served = await servedCertificate(port, 'siaga2.rs.local');
    expect(served.checkHost('siaga2.rs.local')).toBe('siaga2.rs.local');
  });
});

type Handshake = { protocol: string | null; cipher: string } | { error: string };

/** A TLS handshake with the hub as an old or a picky client would make it; no HTTP after it. */
function handshake(port: number, options: ConnectionOptions = {}): Promise<Handshake> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', rejectUnauthorized: false, ...options }, () => {
      resolve({ protocol: socket.getProtocol(), cipher: socket.getCipher().name });
      socket.end();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

describe('[P44] TLS: 1.3 as Node has it, 1.2 only with forward-secret AEAD suites', () => {
  let rsaHub: TestHub;
  let ownCaHub: TestHub;
  const renewals: ((credentials: PemPair) => void)[] = [];
  let ecdsa: PemPair;
  beforeAll(async () => {
    const pair = async (keyType: 'rsa' | 'ec') => {
      const pems = await generate([{ name: 'commonName', value: 'siaga.rs.local' }], {
        keyType,
        algorithm: 'sha256',
        ...(keyType === 'rsa' ? { keySize: 2048 } : {}),
      });
      return { cert: pems.cert, key: pems.private };
    };
    // A hospital CA's certificate is often RSA: the case where static-RSA key exchange exists.
    rsaHub = await startTestHub({ tls: providedTls(await pair('rsa')) });
    // The hub's own certificates are ECDSA, renewed while it runs.
    ecdsa = await pair('ec');
    let current = ecdsa;
    ownCaHub = await startTestHub({
      tls: {
        kind: 'own-ca',
        caCertificate: ecdsa.cert,
        current: () => current,
        subscribe: (listener) =>
          void renewals.push((credentials) => {
            current = credentials;
            listener(credentials);
          }),
      },
    });
  });
  afterAll(async () => {
    await rsaHub.close();
    await ownCaHub.close();
  });
  const portOf = (hub: TestHub) => Number(new URL(hub.url).port);
  const tls12 = (cipher: string): ConnectionOptions => ({ maxVersion: 'TLSv1.2', ciphers: cipher });

  it('[P44] refuses TLS 1.2 without forward secrecy (static RSA) and with CBC, and accepts ECDHE with GCM or ChaCha20', async () => {
    const port = portOf(rsaHub);
    for (const cipher of [
      'AES128-GCM-SHA256',
      'AES256-GCM-SHA384',
      'ECDHE-RSA-AES128-SHA256',
      'DHE-RSA-AES128-GCM-SHA256',
    ]) {
      expect(await handshake(port, tls12(cipher)), cipher).toHaveProperty('error');
    }
    for (const cipher of [
      'ECDHE-RSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-RSA-CHACHA20-POLY1305',
    ]) {
      expect(await handshake(port, tls12(cipher)), cipher).toEqual({ protocol: 'TLSv1.2', cipher });
    }
  });

  it('[P44] leaves TLS 1.3 as it is', async () => {
    expect(await handshake(portOf(rsaHub))).toEqual({
      protocol: 'TLSv1.3',
      cipher: 'TLS_AES_256_GCM_SHA384',
    });
    expect(await handshake(portOf(ownCaHub), { ciphers: 'TLS_CHACHA20_POLY1305_SHA256' })).toEqual({
      protocol: 'TLSv1.3',
      cipher: 'TLS_CHACHA20_POLY1305_SHA256',
    });
  });

  it('[P44] keeps the suites when the hub renews its certificate while running', async () => {
    const port = portOf(ownCaHub);
    const cbc = tls12('ECDHE-ECDSA-AES128-SHA256');
    const gcm = tls12('ECDHE-ECDSA-AES128-GCM-SHA256');
    expect(await handshake(port, cbc)).toHaveProperty('error');
    const renewed = await generate([{ name: 'commonName', value: 'siaga.rs.local' }], {
      keyType: 'ec',
      algorithm: 'sha256',
    });
    renewals.forEach((renew) => renew({ cert: renewed.cert, key: renewed.private }));
    expect(await handshake(port, cbc)).toHaveProperty('error');
    expect(await handshake(port, gcm)).toEqual({
      protocol: 'TLSv1.2',
      cipher: 'ECDHE-ECDSA-AES128-GCM-SHA256',
    });
    expect((await servedCertificate(port, 'siaga.rs.local')).toString()).toBe(
      new X509Certificate(renewed.cert).toString(),
    );
    expect(ecdsa.cert).not.toBe(renewed.cert);
  });
});
