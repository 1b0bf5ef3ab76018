import type { FastifyBaseLogger } from 'fastify';
import type { PlanningProblem } from '@/domain/delivery/planVisitDeliveries';

/** What each logger has been told already: planning runs again and again over the same events. */
const told = new WeakMap<FastifyBaseLogger, Set<string>>();

/**
 * Logs what planning set aside [P31] — once per event or entity and logger, with ids and types
 * only (never patient data), so IT can find the stored event that does not fit.
 */
export function reportPlanningProblems(log: FastifyBaseLogger, problems: readonly PlanningProblem[]): void {
  const seen = told.get(log) ?? new Set<string>();
  told.set(log, seen);
  for (const problem of problems) {
    const key = `${problem.code}:${problem.eventId ?? problem.entityId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    log.warn(
      {
        code: problem.code,
        entityId: problem.entityId,
        ...(problem.eventId ? { eventId: problem.eventId, type: problem.type } : {}),
      },
      'delivery planning set aside a stored event or visit that does not fit; the rest is planned',
    );
  }
}
