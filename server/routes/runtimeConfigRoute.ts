import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { sendError } from '../httpErrors';

/**
 * Serves the hospital's `config.json` exactly as IT wrote it, read fresh on every request so an
 * edit takes effect without a restart. The device validates it and keeps its last valid copy, so
 * even an invalid file is served: the device names the wrong field to the user.
 */
export function registerRuntimeConfigRoute(app: FastifyInstance, deps: { configPath: string }): void {
  app.get('/config.json', async (request, reply) => {
    let text: string;
    try {
      text = await readFile(deps.configPath, 'utf8');
    } catch (error) {
      request.log.error({ code: (error as NodeJS.ErrnoException).code }, 'config file unreadable');
      return sendError(reply, 503, 'config_unavailable', 'The hub cannot read its config.json.');
    }
    return reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8').send(text);
  });
}
