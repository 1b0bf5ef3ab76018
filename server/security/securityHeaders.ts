import type { TLSSocket } from 'node:tls';
import type { FastifyInstance } from 'fastify';
import type { RuntimeConfig } from '@/domain';
import { currentConfig, hubOrigins } from './hubOrigins';

/** One year: browsers remember to use HTTPS for the hub's name even when a link says http. */
const HSTS = 'max-age=31536000';

/**
 * The app is one module script and one stylesheet from the hub itself (the build has no inline
 * script), so everything is `'self'`: an injected `<script>` or `onclick` cannot run. Images may be
 * `data:`/`blob:` (QR codes, photos of paper forms); `connect-src` adds the other hub origins of the
 * config so a device can fail over to the backup hub.
 */
export function contentSecurityPolicy(config: RuntimeConfig | undefined): string {
  const connect = ["'self'", ...hubOrigins(config)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

const FIXED_HEADERS = {
  'x-content-type-options': 'nosniff',
  // URLs can carry identifiers (a patient's page): never send them to another site.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  // The camera scans QR codes handed over between devices; nothing else is needed.
  'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
} as const;

/**
 * Sets the security headers on every answer: the app's pages, its files, the API and errors alike.
 * Set when the request arrives, so error and not-found answers carry them too. HSTS only on
 * answers over TLS (browsers ignore it over plain HTTP): from then on a browser turns the hub's
 * plain address into HTTPS by itself.
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  deps: { config: () => RuntimeConfig | undefined },
): void {
  // The config object is reused until the file changes, so the policy is rebuilt only then.
  let cached: { config: RuntimeConfig | undefined; policy: string } | undefined;
  app.addHook('onRequest', (request, reply, done) => {
    const config = currentConfig(deps.config);
    if (!cached || cached.config !== config) cached = { config, policy: contentSecurityPolicy(config) };
    void reply.headers({
      'content-security-policy': cached.policy,
      ...FIXED_HEADERS,
      ...((request.socket as Partial<TLSSocket>).encrypted ? { 'strict-transport-security': HSTS } : {}),
    });
    done();
  });
}
