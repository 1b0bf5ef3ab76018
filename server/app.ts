import Fastify, { type FastifyInstance } from 'fastify';
import type { HubDatabase } from './db/openHubDatabase';
import { sendError } from './httpErrors';
import { hubLoggerOptions } from './logging';
import { registerHealthRoute } from './routes/healthRoute';
import { registerRuntimeConfigRoute } from './routes/runtimeConfigRoute';
import { registerStaticAppRoutes } from './routes/staticAppRoutes';

export type HubDeps = {
  db: HubDatabase;
  appDir: string;
  configPath: string;
  version: string;
  logLevel?: string;
  now?: () => Date;
};

/** The hub's HTTP surface. Not listening yet: `main.ts` (or a test) decides where. */
export async function buildHubApp(deps: HubDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: hubLoggerOptions(deps.logLevel ?? 'info'),
    // Large enough for a sync batch (the sync issue sets its own, smaller per-route caps).
    bodyLimit: 5 * 1024 * 1024,
    return503OnClosing: true,
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(
      reply,
      status,
      status >= 500 ? 'internal' : (error.code ?? 'bad_request').toLowerCase(),
      status >= 500 ? 'The hub could not complete the request.' : error.message,
    );
  });

  registerHealthRoute(app, { version: deps.version, now: deps.now ?? (() => new Date()) });
  registerRuntimeConfigRoute(app, { configPath: deps.configPath });
  await registerStaticAppRoutes(app, { appDir: deps.appDir });
  return app;
}
