import type { FastifyReply } from 'fastify';
import type { HubErrorCode } from '@/domain/sync/hubRefusals';

/**
 * Every error the hub answers has this shape: a stable code to decide on (one of `HubError`, which
 * devices put into words), and an English message for logs and developers.
 */
export type HubErrorBody = { error: { code: HubErrorCode; message: string } };

export function sendError(
  reply: FastifyReply,
  status: number,
  code: HubErrorCode,
  message: string,
): FastifyReply {
  const body: HubErrorBody = { error: { code, message } };
  return reply.status(status).header('cache-control', 'no-store').send(body);
}
