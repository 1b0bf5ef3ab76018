import { get } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubHealthSchema } from '@/domain/hubHealth';
import { startTestHub, type TestHub } from './hubTestServer';

/** A certificate for the hub's address, as an internal CA or mkcert would issue it. */
async function hubCertificate() {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/**
 * GET over HTTPS trusting only `ca` (never a process-wide NODE_TLS_REJECT_UNAUTHORIZED, which
 * would switch checking off for every other test in the worker).
 */
function httpsGet(
  url: string,
  ca?: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false, ...(ca ? { ca } : {}) }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    }).on('error', reject);
  });
}

describe('the hub over TLS', () => {
  let hub: TestHub;
  let cert: string;
  beforeAll(async () => {
    const credentials = await hubCertificate();
    cert = credentials.cert;
    hub = await startTestHub({ https: credentials });
  });
  afterAll(async () => {
    await hub.close();
  });

  it('answers health over HTTPS with HSTS and the other security headers', async () => {
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const response = await httpsGet(`${hub.url}/api/v1/health`, cert);
    expect(response.status).toBe(200);
    expect(hubHealthSchema.parse(JSON.parse(response.body)).status).toBe('ok');
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the app page over HTTPS too', async () => {
    const response = await httpsGet(`${hub.url}/`, cert);
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Siaga</title>');
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('is refused by a client that does not trust the certificate', async () => {
    await expect(httpsGet(`${hub.url}/api/v1/health`)).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/) as unknown,
    });
  });
});
