import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HubDatabase } from '../db/openHubDatabase';
import {
  deviceForToken,
  noteDeviceContact,
  type EnrolledDevice,
  type TokenScope,
} from '../devices/deviceRegistry';
import { sendError } from '../httpErrors';

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    device?: EnrolledDevice;
    tokenScope?: TokenScope;
  }
}

const MESSAGES = {
  token_missing: 'This request needs the device token (Authorization: Bearer …). Enroll the device first.',
  token_unknown: 'This device token is not known to the hub. Enroll the device again.',
  token_revoked: 'This device has been revoked by IT. Enroll it again if it is trusted.',
} as const;

/** A pre-handler admitting enrolled devices (either token) and noting when each was last seen. */
export function deviceAuthenticator(deps: { db: HubDatabase; now: () => Date }) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const check = deviceForToken(deps.db, request.headers.authorization);
    if (!check.ok) return sendError(reply, 401, check.code, MESSAGES[check.code]);
    request.device = check.device;
    request.tokenScope = check.scope;
    noteDeviceContact(deps.db, check.device.deviceId, deps.now());
    return undefined;
  };
}
