import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { usernameSchema, type UsernameCheckResponse } from '@/domain';
import { usernameHolder } from '../accounts/userStore';
import type { HubDatabase } from '../db/openHubDatabase';
import { sendError } from '../httpErrors';
import { deviceAuthenticator } from './deviceAuth';

const checkSchema = z.strictObject({ username: usernameSchema });

/**
 * Before a device creates an account it asks whether the username is free [P29], so two people
 * never get one name; a device that cannot ask creates it anyway and the hub settles a clash
 * when the account arrives [P21]. Only a signed-in device (full token) may ask: usernames are
 * not for anyone on the LAN to enumerate.
 */
export function registerUsernameRoute(
  app: FastifyInstance,
  deps: { db: HubDatabase; now: () => Date },
): void {
  app.post(
    '/api/v1/usernames/check',
    { preHandler: deviceAuthenticator(deps), bodyLimit: 1024 },
    async (request, reply) => {
      if (request.tokenScope !== 'full')
        return sendError(reply, 403, 'push_only_token', 'This token may only send events.');
      const parsed = checkSchema.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 400, 'invalid_request', 'Expected {username}.');
      const body: UsernameCheckResponse = { available: !usernameHolder(deps.db, parsed.data.username) };
      return reply.header('cache-control', 'no-store').send(body);
    },
  );
}
