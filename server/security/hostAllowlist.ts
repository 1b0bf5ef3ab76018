import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { HubError } from '@/domain/sync/hubRefusals';
import { sendError } from '../httpErrors';

/** A name the hub was not known by a moment ago may be new (DHCP, an edited config): look again, at most this often. */
const REFRESH_MS = 30_000;

/**
 * A host name in one spelling: lower case, without a port, brackets or a final dot, IP addresses
 * as URLs write them (`::ffff:7f00:1`, `127.0.0.1`). Undefined for anything that is not a host.
 */
export function normalHostName(name: string): string | undefined {
  const bare = name.trim().replace(/\.$/, '');
  try {
    const url = new URL(`http://${isIP(bare) === 6 ? `[${bare}]` : bare}/`);
    return url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/** The host name of a `Host` header (`name`, `name:port`, `[v6]:port`); undefined when malformed. */
export function hostNameOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  try {
    const url = new URL(`http://${header}/`);
    // Credentials, a path or a query are not part of a Host header: someone is playing.
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return undefined;
    return normalHostName(url.hostname.replace(/^\[|\]$/g, ''));
  } catch {
    return undefined;
  }
}

const isLoopback = (name: string) => name === '::1' || (isIP(name) === 4 && name.startsWith('127.'));

/**
 * Serves only requests whose `Host` names this hub [P42]. Against DNS rebinding: a web page whose
 * own name an attacker points at the hub's address would otherwise talk to the hub from any
 * browser on the LAN as if it were the hub's app (same origin, so neither CORS nor the CSP stop
 * it). Such a request carries the attacker's name in `Host`, which the hub does not know:
 * `421 host_not_allowed`, before any other hook or route.
 *
 * `names` are the names and addresses the hub is reached by (those its certificate carries);
 * loopback addresses and `localhost` always pass.
 */
export function registerHostAllowlist(
  app: FastifyInstance,
  deps: { names: () => readonly string[]; now?: () => number },
): void {
  const now = deps.now ?? Date.now;
  let allowed = new Set<string>();
  let refreshedAt = -Infinity;
  const refresh = () => {
    allowed = new Set(deps.names().flatMap((name) => normalHostName(name) ?? []));
    refreshedAt = now();
  };
  const isAllowed = (name: string) => {
    if (name === 'localhost' || isLoopback(name) || allowed.has(name)) return true;
    if (now() - refreshedAt < REFRESH_MS) return false;
    refresh();
    return allowed.has(name);
  };

  app.addHook('onRequest', async (request, reply) => {
    const name = hostNameOf(request.headers.host);
    if (name && isAllowed(name)) return undefined;
    request.log.warn(
      { host: request.headers.host?.slice(0, 100) },
      'request for a host the hub is not known by',
    );
    return sendError(
      reply,
      421,
      HubError.HostNotAllowed,
      'The hub is not known by this host name. Use the address IT gave for the hub.',
    );
  });
}
