import type { FastifyInstance } from 'fastify';
import { enrollRequestSchema, type EnrollResponse } from '@/domain';
import type { HubDatabase } from '../db/openHubDatabase';
import { enrollDevice } from '../devices/deviceRegistry';
import { sendError } from '../httpErrors';

/** `POST /api/v1/enroll` [P1, P2]. */
export function registerEnrollRoute(
  app: FastifyInstance,
  deps: { db: HubDatabase; hubId: string; now: () => Date },
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
    const outcome = enrollDevice(deps.db, parsed.data, deps.now());
    if (!outcome.ok) {
      return outcome.code === 'device_code_taken'
        ? sendError(
            reply,
            409,
            outcome.code,
            `Device code ${parsed.data.deviceCode} is already used by another device.`,
          )
        : sendError(
            reply,
            401,
            outcome.code,
            'The enrollment code is wrong or has expired. Ask IT for the code on the hub console.',
          );
    }
    request.log.info({ deviceCode: outcome.device.deviceCode }, 'device enrolled');
    const body: EnrollResponse = { token: outcome.token, ...outcome.device, hubId: deps.hubId };
    return reply.status(201).header('cache-control', 'no-store').send(body);
  });
}
