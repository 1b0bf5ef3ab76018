import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AUDIT_ACTIONS,
  DEVICE_CODE_PATTERN,
  deviceProfileSchema,
  formatCursor,
  parseCursor,
  unknownProfilePolis,
  usernameSchema,
  type DeviceProfile,
  type RuntimeConfig,
} from '@/domain';
import * as z from 'zod/mini';
import {
  adminSessionFor,
  endAdminSession,
  startAdminSession,
  type AdminSession,
} from '../accounts/adminSessions';
import { verifyPassphrase } from '../accounts/userStore';
import type { HubDatabase } from '../db/openHubDatabase';
import {
  deviceRecord,
  issueOneTimeEnrollmentCode,
  listDevices,
  revokeDeviceById,
} from '../devices/deviceRegistry';
import { setDeviceProfile } from '../devices/deviceProfiles';
import { auditEntriesBefore } from '../events/eventStore';
import { sendError } from '../httpErrors';
import { sendTooManyAttempts, type AttemptLimiter } from '../security/rateLimit';

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    adminSession?: AdminSession;
  }
}

/** Pages of `GET /api/v1/admin/audit` [P23]. */
export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 500;
/** One-time enrollment codes: a day unless IT says otherwise, at most a week (one use either way). */
const DEFAULT_CODE_MINUTES = 24 * 60;
const MAX_CODE_MINUTES = 7 * 24 * 60;

const signInSchema = z.strictObject({
  username: usernameSchema,
  passphrase: z.string().check(z.minLength(1), z.maxLength(1024)),
});
const enrollmentCodeSchema = z.optional(
  z.strictObject({
    expiresInMinutes: z.optional(z.number().check(z.int(), z.gte(5), z.lte(MAX_CODE_MINUTES))),
    /** What the device it enrolls is for [P45]; `full` when absent. */
    profile: z.optional(deviceProfileSchema),
  }),
);
const profileChangeSchema = z.strictObject({ profile: deviceProfileSchema });
const deviceParamsSchema = z.strictObject({ deviceId: z.string().check(z.regex(/^[0-9a-f-]{36}$/)) });
const auditQuerySchema = z.strictObject({
  after: z.optional(z.string()),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_AUDIT_LIMIT))),
  action: z.optional(z.enum(AUDIT_ACTIONS)),
  deviceCode: z.optional(z.string().check(z.regex(DEVICE_CODE_PATTERN))),
});

/** Switching the simulator down and up rehearses an outage (never a real SIMRS). */
export type SimulatorSwitch = { isDown: () => boolean; setDown: (down: boolean) => void };
const simulatorSwitchSchema = z.strictObject({ down: z.boolean() });

const SESSION_MESSAGES = {
  admin_session_missing: 'This needs an admin session (Authorization: Bearer …). Sign in first.',
  admin_session_invalid: 'The admin session has ended or is not known to the hub. Sign in again.',
} as const;

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/**
 * The hub's admin endpoints [P23]. IT signs in with an account whose role is `admin` (accounts
 * reach the hub as user.* events) and gets a session token for the others. Passphrases, tokens and
 * enrollment codes are never logged; the audit trail holds ids, never patient names.
 */
export function registerAdminRoutes(
  app: FastifyInstance,
  deps: {
    db: HubDatabase;
    hubId: string;
    now: () => Date;
    /** The hospital's configuration as last read: a clinic profile's polis must be in it [P45]. */
    config: () => RuntimeConfig | undefined;
    attempts: AttemptLimiter;
    /** The SIMRS SIMULATOR the demo runs inside the hub, when it does. */
    simulator?: SimulatorSwitch;
  },
): void {
  const authenticate = async (request: FastifyRequest, reply: FastifyReply) => {
    const check = adminSessionFor(deps.db, request.headers.authorization, deps.now());
    if (!check.ok) return sendError(reply, 401, check.code, SESSION_MESSAGES[check.code]);
    request.adminSession = check.session;
    return undefined;
  };

  /** A clinic profile naming a poli the configuration lacks would pull nothing: refused, by name. */
  const profileProblem = (reply: FastifyReply, profile: DeviceProfile) => {
    const config = deps.config();
    const unknown = config ? unknownProfilePolis(profile, config) : [];
    if (unknown.length === 0) return undefined;
    return sendError(
      reply,
      400,
      'invalid_request',
      `Poli ${unknown.join(', ')} is not in the hub's configuration (profile.polis).`,
    );
  };

  app.post('/api/v1/admin/sessions', { bodyLimit: 4 * 1024 }, async (request, reply) => {
    const parsed = signInSchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 400, 'invalid_request', 'Expected {username, passphrase}.');
    // Guesses are counted per account (shared with first sign-ins on devices [P22]) and per address,
    // from before the slow passphrase check [P40].
    const attempt = deps.attempts.reserve([`user:${parsed.data.username}`, `ip:${request.ip}`]);
    if (!attempt.allowed) return sendTooManyAttempts(reply, attempt.retryAfterSeconds);
    const user = await verifyPassphrase(deps.db, parsed.data.username, parsed.data.passphrase).catch(
      (error: unknown) => {
        attempt.fail();
        throw error;
      },
    );
    // One answer for an unknown name, a wrong passphrase, an inactive account and another role.
    if (user?.role !== 'admin') {
      if (!attempt.fail().allowed)
        request.log.warn({ ip: request.ip }, 'admin sign-in locked after repeated failures');
      return sendError(
        reply,
        401,
        'admin_sign_in_failed',
        'The username or passphrase is wrong, or the account may not administer the hub.',
      );
    }
    attempt.succeed();
    const { token, session } = startAdminSession(deps.db, user, deps.now());
    request.log.info({ userId: user.userId }, 'admin signed in');
    return noStore(reply)
      .status(201)
      .send({
        token,
        expiresAt: session.expiresAt,
        idleExpiresAt: session.idleExpiresAt,
        user: {
          userId: user.userId,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
        },
      });
  });

  app.delete('/api/v1/admin/sessions/current', { preHandler: authenticate }, async (request, reply) => {
    endAdminSession(deps.db, request.adminSession!.tokenHash);
    request.log.info({ userId: request.adminSession!.user.userId }, 'admin signed out');
    return noStore(reply).status(204).send();
  });

  app.get('/api/v1/admin/devices', { preHandler: authenticate }, async (_request, reply) =>
    noStore(reply).send({ devices: listDevices(deps.db) }),
  );

  app.post(
    '/api/v1/admin/devices/:deviceId/revoke',
    { preHandler: authenticate, bodyLimit: 1024 },
    async (request, reply) => {
      const parsed = deviceParamsSchema.safeParse(request.params);
      if (!parsed.success) return sendError(reply, 400, 'invalid_request', 'The device id is not valid.');
      const device = revokeDeviceById(deps.db, parsed.data.deviceId, deps.now());
      if (!device)
        return sendError(reply, 404, 'device_not_found', 'The hub has never enrolled this device.');
      request.log.info(
        { deviceCode: device.deviceCode, userId: request.adminSession!.user.userId },
        'device revoked',
      );
      return noStore(reply).send({ device });
    },
  );

  // What a device is for [P45]: a change makes its pull cursor stale, so it pulls again from the
  // start under the new profile [P47]. What it already holds stays until its retention purge.
  app.put(
    '/api/v1/admin/devices/:deviceId/profile',
    { preHandler: authenticate, bodyLimit: 4 * 1024 },
    async (request, reply) => {
      const params = deviceParamsSchema.safeParse(request.params);
      if (!params.success) return sendError(reply, 400, 'invalid_request', 'The device id is not valid.');
      const parsed = profileChangeSchema.safeParse(request.body);
      if (!parsed.success)
        return sendError(
          reply,
          400,
          'invalid_request',
          'Expected {profile: {kind: full | desk | records}} or {profile: {kind: clinic, polis: [codes]}}.',
        );
      const refused = profileProblem(reply, parsed.data.profile);
      if (refused) return refused;
      const changed = deps.db.transaction(() =>
        deviceRecord(deps.db, params.data.deviceId)
          ? setDeviceProfile(deps.db, params.data.deviceId, parsed.data.profile)
          : undefined,
      )();
      if (changed === undefined)
        return sendError(reply, 404, 'device_not_found', 'The hub has never enrolled this device.');
      const device = deviceRecord(deps.db, params.data.deviceId)!;
      request.log.info(
        {
          deviceCode: device.deviceCode,
          profile: device.profile.kind,
          changed,
          userId: request.adminSession!.user.userId,
        },
        'device profile set',
      );
      return noStore(reply).send({ device });
    },
  );

  app.post(
    '/api/v1/admin/enrollment-codes',
    { preHandler: authenticate, bodyLimit: 1024 },
    async (request, reply) => {
      const parsed = enrollmentCodeSchema.safeParse(request.body ?? undefined);
      if (!parsed.success) {
        return sendError(
          reply,
          400,
          'invalid_request',
          `Expected no body or {expiresInMinutes, profile}: minutes between 5 and ${MAX_CODE_MINUTES}, ` +
            'profile {kind: full | desk | records} or {kind: clinic, polis: [codes]}.',
        );
      }
      const profile = parsed.data?.profile ?? { kind: 'full' };
      const refused = profileProblem(reply, profile);
      if (refused) return refused;
      const minutes = parsed.data?.expiresInMinutes ?? DEFAULT_CODE_MINUTES;
      const issued = issueOneTimeEnrollmentCode(deps.db, deps.now(), minutes * 60_000, profile);
      request.log.info(
        { userId: request.adminSession!.user.userId, profile: profile.kind },
        'one-time enrollment code issued',
      );
      return noStore(reply)
        .status(201)
        .send({ ...issued, profile });
    },
  );

  app.get('/api/v1/admin/audit', { preHandler: authenticate }, async (request, reply) => {
    // An empty parameter (`after=`) is the same as none, as for pulls [P10].
    const query = Object.fromEntries(
      Object.entries((request.query ?? {}) as Record<string, unknown>).filter(([, value]) => value !== ''),
    );
    const parsed = auditQuerySchema.safeParse(query);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || 'the query';
      return sendError(reply, 400, 'invalid_request', `Invalid value at ${field}.`);
    }
    let beforeSeq: number | undefined;
    if (parsed.data.after !== undefined) {
      const cursor = parseCursor(parsed.data.after);
      if (!cursor) return sendError(reply, 400, 'cursor_invalid', 'The cursor is not one this hub gave out.');
      if (cursor.hubId !== deps.hubId)
        return sendError(reply, 409, 'cursor_foreign', 'The cursor belongs to another hub store.');
      beforeSeq = cursor.seq;
    }
    const page = auditEntriesBefore(deps.db, {
      limit: parsed.data.limit ?? DEFAULT_AUDIT_LIMIT,
      ...(beforeSeq !== undefined ? { beforeSeq } : {}),
      ...(parsed.data.action ? { action: parsed.data.action } : {}),
      ...(parsed.data.deviceCode ? { deviceCode: parsed.data.deviceCode } : {}),
    });
    return noStore(reply).send({
      entries: page.entries,
      cursor: page.lastSeq === null ? null : formatCursor(deps.hubId, page.lastSeq),
      more: page.more,
      serverTime: deps.now().toISOString(),
    });
  });

  const simulator = deps.simulator;
  const noSimulator = (reply: FastifyReply) =>
    sendError(reply, 404, 'no_simulator', 'This hub does not run the SIMRS simulator (delivery.json).');
  app.get('/api/v1/admin/simrs-simulator', { preHandler: authenticate }, async (_request, reply) =>
    simulator ? noStore(reply).send({ down: simulator.isDown() }) : noSimulator(reply),
  );
  app.put(
    '/api/v1/admin/simrs-simulator',
    { preHandler: authenticate, bodyLimit: 1024 },
    async (request, reply) => {
      if (!simulator) return noSimulator(reply);
      const parsed = simulatorSwitchSchema.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 400, 'invalid_request', 'Expected {down: true|false}.');
      simulator.setDown(parsed.data.down);
      request.log.warn(
        { down: parsed.data.down, userId: request.adminSession!.user.userId },
        'SIMRS simulator switched',
      );
      return noStore(reply).send({ down: simulator.isDown() });
    },
  );
}
