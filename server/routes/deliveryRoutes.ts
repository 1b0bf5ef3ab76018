import type { FastifyInstance } from 'fastify';
import type { DeliveryStatus } from '@/domain/delivery/deliveryStatus';
import type { HubDatabase } from '../db/openHubDatabase';
import type { DeliveryTarget } from '../delivery/deliveryConfig';
import { queueSummary } from '../delivery/deliveryQueue';
import { sendError } from '../httpErrors';
import { deviceAuthenticator } from './deviceAuth';

/** The recovery console's view of delivery; starting and pausing are events [P27]. */
export function registerDeliveryRoutes(
  app: FastifyInstance,
  deps: { db: HubDatabase; now: () => Date; targets: readonly DeliveryTarget[] },
): void {
  const authenticate = deviceAuthenticator(deps);
  const stateOf = deps.db.prepare<
    [string],
    { state: 'paused' | 'running'; changed_at: string; changed_by: string }
  >('SELECT state, changed_at, changed_by FROM delivery_targets WHERE name = ?');

  app.get('/api/v1/delivery', { preHandler: authenticate, logLevel: 'warn' }, async (request, reply) => {
    if (request.tokenScope !== 'full')
      return sendError(reply, 403, 'push_only_token', 'This token may only send events.');
    const now = deps.now();
    const body: DeliveryStatus = {
      targets: deps.targets.map((target) => {
        const summary = queueSummary(deps.db, target.name, now);
        const state = stateOf.get(target.name);
        const perMinute = summary.deliveredRecently / 10;
        const due = summary.counts.pending + summary.counts.retrying;
        return {
          name: target.name,
          label: target.label,
          adapter: target.adapter,
          state: state?.state ?? 'paused',
          changedAt: state?.changed_at ?? null,
          changedBy: state?.changed_by ?? null,
          counts: summary.counts,
          failures: summary.failures,
          lastDeliveredAt: summary.lastDeliveredAt,
          perMinute,
          secondsLeft: perMinute > 0 ? Math.round((due / perMinute) * 60) : due === 0 ? 0 : null,
        };
      }),
      serverTime: now.toISOString(),
    };
    return reply.header('cache-control', 'no-store').send(body);
  });
}
