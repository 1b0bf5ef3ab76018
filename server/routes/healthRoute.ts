import type { FastifyInstance } from 'fastify';
import type { HubHealth } from '@/domain/hubHealth';
import type { SimrsStatus } from '../simrsProbe';

export function registerHealthRoute(
  app: FastifyInstance,
  deps: { version: string; hubId: string; now: () => Date; simrs: () => SimrsStatus },
): void {
  // Every device asks every few seconds: log only problems, not each answer.
  app.get('/api/v1/health', { logLevel: 'warn' }, async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
    const body: HubHealth = {
      status: 'ok',
      serverTime: deps.now().toISOString(),
      version: deps.version,
      hubId: deps.hubId,
      simrs: deps.simrs(),
    };
    return body;
  });
}
