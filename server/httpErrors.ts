import type { FastifyReply } from 'fastify';

/** Every error the hub answers has this shape: a stable code to decide on, a message to read. */
export type HubErrorBody = { error: { code: string; message: string } };

export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  const body: HubErrorBody = { error: { code, message } };
  return reply.status(status).header('cache-control', 'no-store').send(body);
}
