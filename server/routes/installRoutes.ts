import { isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from '../httpErrors';
import { fingerprintOf } from '../tls/certificateAuthority';
import type { HubTls } from '../tls/hubTls';
import { INSTALL_PAGE_CSS, renderInstallPage } from './installPage';

export const CA_CERTIFICATE_PATH = '/siaga-hub-ca.crt';
const STYLESHEET_PATH = '/siaga-install.css';

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.replace(/^::ffff:/, '');
  return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'));
}

/** `Host` as a browser sends it: `name`, `name:port`, `[v6]:port`; anything else is not a host. */
function hostOf(request: FastifyRequest): { host: string; hostname: string } | undefined {
  const host = request.headers.host ?? '';
  try {
    const url = new URL(`http://${host}/`);
    return url.host === host.toLowerCase()
      ? { host, hostname: url.hostname.replace(/^\[|\]$/g, '') }
      : undefined;
  } catch {
    return undefined;
  }
}

const isEncrypted = (request: FastifyRequest) => (request.socket as Partial<TLSSocket>).encrypted === true;

/**
 * Plain HTTP may carry the app only where the browser itself counts it as secure: an address of
 * this very machine (`localhost`, 127.x, ::1), asked from this machine. The demo and IT's own
 * browser on the hub keep working; a tablet on the LAN is sent to the install page.
 */
export function isLocalPlainRequest(request: FastifyRequest): boolean {
  const host = hostOf(request);
  if (!host || !isLoopbackAddress(request.socket.remoteAddress)) return false;
  return host.hostname === 'localhost' || isLoopbackAddress(host.hostname);
}

/**
 * The hub serves HTTPS; over plain HTTP from the network it serves only the install page, the
 * CA certificate and the page's stylesheet — patient data, tokens and passphrases never cross
 * the LAN in the clear. API calls there are refused with `https_required`.
 */
export function registerInstallRoutes(app: FastifyInstance, deps: { tls: HubTls }): void {
  const caFingerprint = deps.tls.caCertificate ? fingerprintOf(deps.tls.caCertificate) : undefined;

  app.addHook('onRequest', async (request, reply) => {
    if (isEncrypted(request) || isLocalPlainRequest(request)) return;
    const path = request.url.split('?')[0] ?? '/';
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendError(reply, 403, 'https_required', 'Use the hub over HTTPS.');
    if (path === CA_CERTIFICATE_PATH && deps.tls.caCertificate) {
      return reply
        .header('content-type', 'application/x-x509-ca-cert')
        .header('content-disposition', 'attachment; filename="siaga-hub-ca.crt"')
        .header('cache-control', 'no-cache')
        .send(deps.tls.caCertificate);
    }
    if (path === STYLESHEET_PATH)
      return reply
        .header('content-type', 'text/css; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(INSTALL_PAGE_CSS);
    if (path.startsWith('/api/')) return sendError(reply, 403, 'https_required', 'Use the hub over HTTPS.');
    const host = hostOf(request);
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        renderInstallPage({
          language: query.get('lang') === 'en' ? 'en' : 'id',
          // Same host and port: the hub speaks HTTPS there too. A page path is kept; a query is not.
          httpsUrl: `https://${host?.host ?? 'localhost'}${path}`,
          caFingerprint,
        }),
      );
  });
}
