import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RuntimeConfig } from '@/domain';
import { sendError } from '../httpErrors';
import { currentConfig, hubOrigins } from './hubOrigins';

/**
 * What the app sends to a hub: sync, enrollment and admin calls (signing out is a DELETE [P23]),
 * with a bearer token, never cookies.
 */
const PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'GET, POST, DELETE',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
} as const;

/** The request's own origin as the browser would write it (default ports are left out by both). */
function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function appendVary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary');
  const fields = typeof current === 'string' && current ? current.split(/\s*,\s*/) : [];
  if (!fields.some((existing) => existing.toLowerCase() === field.toLowerCase())) {
    void reply.header('vary', [...fields, field].join(', '));
  }
}

/**
 * Cross-origin calls only from the app's own hubs: a device that loaded the app from the primary
 * hub may call the backup hub and the other way round. The allowed origins are those of the
 * config's hub URLs, read on each request because IT edits config.json live. Same-origin requests
 * (no Origin, or the hub's own) pass untouched. Any other origin gets no
 * Access-Control-Allow-Origin, so its page cannot read the answer, and its preflight gets a 403.
 */
export function registerCors(app: FastifyInstance, deps: { config: () => RuntimeConfig | undefined }): void {
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || origin === ownOrigin(request)) return undefined;
    // Whether the answer carries ACAO depends on the Origin: caches must not mix them up.
    appendVary(reply, 'Origin');
    const isPreflight =
      request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    const allowed = hubOrigins(currentConfig(deps.config)).includes(origin);
    if (!allowed) {
      if (!isPreflight) return undefined;
      return sendError(reply, 403, 'origin_not_allowed', 'This hub only answers calls from the Siaga app.');
    }
    void reply.header('access-control-allow-origin', origin);
    if (isPreflight) return reply.status(204).headers(PREFLIGHT_HEADERS).send();
    // The sync engine honours Retry-After on 429 [P15]; it is not readable cross-origin unless exposed.
    void reply.header('access-control-expose-headers', 'Retry-After');
    return undefined;
  });
}
