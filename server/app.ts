import Fastify, { type FastifyInstance } from 'fastify';
import type { RuntimeConfig } from '@/domain';
import { readHubId, type HubDatabase } from './db/openHubDatabase';
import { sendError } from './httpErrors';
import { hubLoggerOptions } from './logging';
import { registerEnrollRoute } from './routes/enrollRoute';
import { registerEventsRoutes } from './routes/eventsRoutes';
import { registerHealthRoute } from './routes/healthRoute';
import { registerRuntimeConfigRoute } from './routes/runtimeConfigRoute';
import { registerStaticAppRoutes } from './routes/staticAppRoutes';
import { configReader } from './runtimeConfigFile';
import type { SimrsStatus } from './simrsProbe';

export type HubDeps = {
  db: HubDatabase;
  appDir: string;
  configPath: string;
  version: string;
  logLevel?: string;
  now?: () => Date;
  /** The SIMRS as the hub sees it; tests and the simulator-less demo may leave it unknown. */
  simrs?: () => SimrsStatus;
  config?: () => RuntimeConfig | undefined;
};

/** The hub's HTTP surface. Not listening yet: `main.ts` (or a test) decides where. */
export async function buildHubApp(deps: HubDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const hubId = readHubId(deps.db);
  const app = Fastify({
    logger: hubLoggerOptions(deps.logLevel ?? 'info'),
    // Sync routes set their own caps; everything else is small.
    bodyLimit: 64 * 1024,
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

  const startedAt = now().toISOString();
  registerHealthRoute(app, {
    version: deps.version,
    hubId,
    now,
    simrs: deps.simrs ?? (() => ({ status: 'unknown', since: startedAt, checkedAt: null })),
  });
  registerEnrollRoute(app, { db: deps.db, hubId, now });
  registerEventsRoutes(app, {
    db: deps.db,
    hubId,
    now,
    config: deps.config ?? configReader(deps.configPath),
  });
  registerRuntimeConfigRoute(app, { configPath: deps.configPath });
  await registerStaticAppRoutes(app, { appDir: deps.appDir });
  return app;
}
