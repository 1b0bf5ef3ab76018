import type { FastifyInstance } from 'fastify';
import { enrollRequestSchema, type EnrollResponse } from '@/domain';
import type { HubDatabase } from '../db/openHubDatabase';
import { grantFirstAdmin } from '../accounts/firstAdmin';
import { enrollDevice } from '../devices/deviceRegistry';
import { sendError } from '../httpErrors';
import { sendTooManyAttempts, type AttemptLimiter } from '../security/rateLimit';

/**
 * `POST /api/v1/enroll` [P1, P2]. The enrollment code is short enough to type on a tablet, so
 * wrong codes are limited per client address (`attempts`); a malformed request is not a guess and
 * does not count. Enrolling gives device tokens only: nothing here makes anyone an admin [P41].
 */
export function registerEnrollRoute(
  app: FastifyInstance,
  deps: { db: HubDatabase; hubId: string; hubPublicKey: string; now: () => Date; attempts: AttemptLimiter },
): void {
  app.post('/api/v1/enroll', { bodyLimit: 4 * 1024 }, async (request, reply) => {
    const parsed = enrollRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendError(
        reply,
        400,
        'invalid_request',
        'Expected {code, deviceId, deviceCode} with a 3-character device code.',
      );
    }
    // Counted before the code is looked at [P40], like the passphrase checks.
    const attempt = deps.attempts.reserve([request.ip]);
    if (!attempt.allowed) return sendTooManyAttempts(reply, attempt.retryAfterSeconds);
    let outcome;
    try {
      outcome = enrollDevice(deps.db, parsed.data, deps.now());
    } catch (error) {
      attempt.fail();
      throw error;
    }
    if (!outcome.ok && outcome.code === 'enrollment_code_invalid') {
      if (!attempt.fail().allowed) {
        request.log.warn({ ip: request.ip }, 'enrollment locked after repeated wrong codes');
      }
      return sendError(
        reply,
        401,
        outcome.code,
        'The enrollment code is wrong or has expired. Ask IT for the code on the hub console.',
      );
    }
    // The code was right, even when the device code is taken: this address starts afresh.
    attempt.succeed();
    if (!outcome.ok) {
      return sendError(
        reply,
        409,
        outcome.code,
        `Device code ${parsed.data.deviceCode} is already used by another device.`,
      );
    }
    grantFirstAdmin(deps.db, parsed.data.code, outcome.device.deviceId, deps.now());
    request.log.info({ deviceCode: outcome.device.deviceCode }, 'device enrolled');
    const body: EnrollResponse = {
      token: outcome.token,
      pushToken: outcome.pushToken,
      hubPublicKey: deps.hubPublicKey,
      ...outcome.device,
      hubId: deps.hubId,
    };
    return reply.status(201).header('cache-control', 'no-store').send(body);
  });
}
