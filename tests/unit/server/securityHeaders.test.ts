import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { startTestHub, type TestHub } from './hubTestServer';

const FIXED = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
};

/** The CSP as a map from directive to its sources. */
function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '').split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe('security headers on every hub answer', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it.each([
    ['the app page', 'GET', '/'],
    ['a deep link', 'GET', '/pendaftaran'],
    ['a hashed asset', 'GET', '/assets/index-Ab12Cd34.js'],
    ['the service worker', 'GET', '/sw.js'],
    ['config.json', 'GET', '/config.json'],
    ['health', 'GET', '/api/v1/health'],
    ['an unknown API path (404)', 'GET', '/api/v1/nothing'],
    ['a missing token (401)', 'GET', '/api/v1/events'],
    ['a malformed enrollment (400)', 'POST', '/api/v1/enroll'],
  ])('sets them on %s', async (_name, method, path) => {
    const response = await fetch(`${hub.url}${path}`, {
      method,
      ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{"code":' } : {}),
    });
    for (const [header, value] of Object.entries(FIXED)) expect(response.headers.get(header)).toBe(value);
    const csp = directives(response.headers.get('content-security-policy'));
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'worker-src': ["'self'"],
      'manifest-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'object-src': ["'none'"],
    });
    // HSTS over plain HTTP would be ignored, and a hub without a certificate must stay usable.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('lets the app connect to the hub origins of the live config, and only to its own when it is invalid', async () => {
    const connectSrc = async () =>
      directives((await fetch(`${hub.url}/api/v1/health`)).headers.get('content-security-policy')).get(
        'connect-src',
      );
    hub.writeConfig({
      ...DEMO_CONFIG,
      hub: { primaryUrl: 'https://hub-a.rs.local:8443/', backupUrl: 'http://10.20.0.9:8080/siaga/' },
    });
    expect(await connectSrc()).toEqual(["'self'", 'https://hub-a.rs.local:8443', 'http://10.20.0.9:8080']);
    hub.writeConfig('{"configVersion": "not a config"}');
    expect(await connectSrc()).toEqual(["'self'"]);
    hub.writeConfig(DEMO_CONFIG);
    expect(await connectSrc()).toEqual(["'self'"]);
  });

  it('serves an app page without inline script, which the CSP would block', () => {
    const pages = ['index.html', 'dist/app/index.html'].filter((path) => existsSync(path));
    expect(pages).toContain('index.html');
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      for (const [, attributes = '', body = ''] of scripts) {
        expect({ page, attributes, body: body.trim() }).toEqual({
          page,
          attributes: expect.stringMatching(/\bsrc=/) as unknown,
          body: '',
        });
      }
      // Inline event handlers and style attributes are blocked just the same.
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/<style\b|\sstyle\s*=/i);
    }
  });
});
