import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type { RuntimeConfig } from '@/domain';
import { HubError, type HubErrorCode } from '@/domain/sync/hubRefusals';
import { readHubId, type HubDatabase } from './db/openHubDatabase';
import { sendError } from './httpErrors';
import { hubLoggerOptions } from './logging';
import { loadSealingKey } from './keys/sealingKey';
import type { DeliveryTarget } from './delivery/deliveryConfig';
import { simrsPatientDirectory, type PatientDirectory } from './delivery/simrsRestAdapter';
import { registerAdminRoutes, type SimulatorSwitch } from './routes/adminRoutes';
import { registerDeliveryRoutes } from './routes/deliveryRoutes';
import { registerDeviceKeyRoutes } from './routes/deviceKeyRoutes';
import { registerEnrollRoute } from './routes/enrollRoute';
import { registerEventsRoutes } from './routes/eventsRoutes';
import { registerHealthRoute } from './routes/healthRoute';
import { registerInstallRoutes } from './routes/installRoutes';
import { registerRuntimeConfigRoute } from './routes/runtimeConfigRoute';
import { registerStaticAppRoutes } from './routes/staticAppRoutes';
import { registerUsernameRoute } from './routes/usernameRoute';
import { configReader } from './runtimeConfigFile';
import { registerCors } from './security/cors';
import { registerHostAllowlist } from './security/hostAllowlist';
import { currentConfig } from './security/hubOrigins';
import { createAttemptLimiter, type AttemptLimiter } from './security/rateLimit';
import { registerSecurityHeaders } from './security/securityHeaders';
import type { SimrsStatus } from './simrsProbe';
import { certificateNames } from './tls/certificateAuthority';
import { createDualProtocolServer } from './tls/dualProtocolServer';
import { hubNames } from './tls/hubNames';
import type { HubTls } from './tls/hubTls';

/** Fastify's own default, which a custom server does not get by itself. */
const KEEP_ALIVE_TIMEOUT_MS = 72_000;

export type HubDeps = {
  db: HubDatabase;
  /**
   * Wraps the hub's private sealing key in the database (decision 0011): from `SIAGA_HUB_KEY` or
   * the hub key file (`loadKeyEncryptionKey`). The same key at every start of one data directory.
   */
  keyEncryptionKey: CryptoKey;
  appDir: string;
  configPath: string;
  version: string;
  logLevel?: string;
  now?: () => Date;
  /** The SIMRS as the hub sees it; tests and the simulator-less demo may leave it unknown. */
  simrs?: () => SimrsStatus;
  config?: () => RuntimeConfig | undefined;
  /**
   * Serve HTTPS (and, on the same port, plain HTTP only for this machine and the install page);
   * plain HTTP for everything without.
   */
  tls?: HubTls;
  /**
   * More names and addresses the hub is reached by (`--tls-names`), beside those it finds itself
   * and the config's hub URLs: requests naming any other host are refused [P42].
   */
  hostNames?: readonly string[];
  /** Limits wrong enrollment codes per client address; tests pass one with their own clock. */
  enrollAttempts?: AttemptLimiter;
  /** Passphrase checks on the hub (first sign-in on a device, IT admin sign-in). */
  signInAttempts?: AttemptLimiter;
  /** Where the hub delivers (`delivery.json`); none in tests that do not deliver. */
  deliveryTargets?: readonly DeliveryTarget[];
  /** Each target's SIMRS patients (search, create); made from `deliveryTargets` when absent. */
  patientDirectories?: ReadonlyMap<string, PatientDirectory>;
  simulator?: SimulatorSwitch;
};

/**
 * Requests Node's HTTP parser refuses (oversized headers, garbage, timeouts) never reach Fastify's
 * error handler; answer them in the hub's error shape too, then close the connection as Node does.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message]: [number, HubErrorCode, string] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, HubError.RequestTimeout, 'The request took too long to arrive.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, HubError.HeadersTooLarge, 'The request headers are too large.']
        : [400, HubError.BadRequest, 'The request is not valid HTTP.'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** The hub's HTTP surface. Not listening yet: `main.ts` (or a test) decides where. */
export async function buildHubApp(deps: HubDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const hubId = readHubId(deps.db);
  const config = deps.config ?? configReader(deps.configPath);
  const options = {
    logger: hubLoggerOptions(deps.logLevel ?? 'info'),
    // Sync routes set their own caps; everything else is small.
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    clientErrorHandler: answerClientError,
  };
  const { tls } = deps;
  const app = tls
    ? Fastify({
        ...options,
        serverFactory: (handler) => {
          const server = createDualProtocolServer(handler, tls);
          server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
          return server;
        },
      })
    : Fastify(options);

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(
      reply,
      status,
      // Fastify's own codes stay in the message: devices decide on the hub's closed set.
      status >= 500 ? HubError.Internal : HubError.BadRequest,
      status >= 500
        ? 'The hub could not complete the request.'
        : `${error.code ?? 'error'}: ${error.message}`,
    );
  });

  registerSecurityHeaders(app, { config });
  // Before anything else answers: a request for another host never reaches a route [P42].
  registerHostAllowlist(app, {
    now: () => now().getTime(),
    names: () => [
      ...hubNames({ extra: deps.hostNames ?? [], config: currentConfig(config) }),
      ...(tls ? certificateNames(tls.current().cert) : []),
    ],
  });
  if (tls) registerInstallRoutes(app, { tls });
  registerCors(app, { config });

  const startedAt = now().toISOString();
  registerHealthRoute(app, {
    version: deps.version,
    hubId,
    now,
    simrs: deps.simrs ?? (() => ({ status: 'unknown', since: startedAt, checkedAt: null })),
  });
  const sealing = await loadSealingKey(deps.db, deps.keyEncryptionKey);
  registerEnrollRoute(app, {
    db: deps.db,
    hubId,
    hubPublicKey: sealing.publicKey,
    now,
    attempts: deps.enrollAttempts ?? createAttemptLimiter(),
  });
  registerEventsRoutes(app, { db: deps.db, hubId, now, config, sealingKey: sealing.privateKey });
  // One count of passphrase guesses per account, whichever route they come through.
  const signInAttempts = deps.signInAttempts ?? createAttemptLimiter();
  registerDeviceKeyRoutes(app, { db: deps.db, sealing, now, attempts: signInAttempts });
  registerUsernameRoute(app, { db: deps.db, now });
  registerAdminRoutes(app, {
    db: deps.db,
    hubId,
    now,
    config,
    attempts: signInAttempts,
    ...(deps.simulator ? { simulator: deps.simulator } : {}),
  });
  const targets = deps.deliveryTargets ?? [];
  registerDeliveryRoutes(app, {
    db: deps.db,
    now,
    config,
    targets,
    directories:
      deps.patientDirectories ??
      new Map(
        targets.flatMap((target) =>
          target.adapter === 'simrs-rest' ? [[target.name, simrsPatientDirectory(target)] as const] : [],
        ),
      ),
  });
  registerRuntimeConfigRoute(app, { configPath: deps.configPath });
  await registerStaticAppRoutes(app, { appDir: deps.appDir });
  return app;
}
