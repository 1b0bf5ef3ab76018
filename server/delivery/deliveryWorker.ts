import type { FastifyBaseLogger } from 'fastify';
import type { RuntimeConfig } from '@/domain';
import { planDeliveries, type PlannedVisit } from '@/domain/delivery/planVisitDeliveries';
import type { HubDatabase } from '../db/openHubDatabase';
import {
  headOfQueue,
  latestEventSeq,
  plannedEventsSince,
  planningInput,
  recordOutcome,
  replanQueue,
  targetState,
  type Backoff,
  type DeliveryOutcome,
  type QueueItem,
} from './deliveryQueue';
import { reportPlanningProblems } from './planningProblems';
import type { DeliveryAdapter } from './simrsRestAdapter';

const PAUSED_PLAN_MIN_MS = 2_000;

/** The refusal code of an item the hub itself could not send (not the target's). */
export const HUB_FAULT = 'hub_fault';

export type DeliveryWorker = {
  /** Look again now (a target was started, events arrived) instead of at the next poll. */
  kick: () => void;
  /** Finishes the attempt in flight, then stops. */
  stop: () => Promise<void>;
};

export type WorkerTarget = {
  name: string;
  adapter: DeliveryAdapter;
  /** The planned visits this target takes (all when absent). */
  select?: (planned: readonly PlannedVisit[]) => readonly PlannedVisit[];
};

/**
 * Delivers each running target's queue, one item at a time in arrival order, and keeps the
 * queues in line with the stored events. Everything it knows is in the hub's database, so a
 * restart carries on where it stopped; an item in flight at a crash is sent again under the
 * same idempotency key, which the SIMRS answers from its record of the first attempt.
 */
export function startDeliveryWorker(options: {
  db: HubDatabase;
  targets: readonly WorkerTarget[];
  config: () => RuntimeConfig | undefined;
  log: FastifyBaseLogger;
  now?: () => Date;
  backoff?: Partial<Backoff>;
  /** How often an idle or paused target looks again. */
  pollMs?: number;
}): DeliveryWorker {
  const { db, log } = options;
  const now = options.now ?? (() => new Date());
  const backoff: Backoff = { baseMs: 2_000, maxMs: 300_000, random: Math.random, ...options.backoff };
  const pollMs = options.pollMs ?? 1_000;
  let stopped = false;
  let plannedSeq = -1;
  let plannedAt = -Infinity;
  /**
   * While no target runs, queues are still planned (so the recovery console shows who waits for
   * an MRN before anyone starts delivery), but planning reads every event and during an outage
   * events arrive all the time: at most a sixth of the time goes to it, and never more than every 2 s.
   */
  let pausedPlanMs = PAUSED_PLAN_MIN_MS;
  const wakers = new Set<() => void>();

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
    });

  /** Re-plans every queue when events arrived since the last plan (shared by all targets). */
  function replanIfNeeded(running: boolean): void {
    const seq = latestEventSeq(db);
    if (seq === plannedSeq) return;
    if (plannedSeq >= 0 && !plannedEventsSince(db, plannedSeq)) {
      plannedSeq = seq; // only starts, audit entries, incidents…: the plan stands
      return;
    }
    if (!running && performance.now() - plannedAt < pausedPlanMs) return;
    const facility = options.config()?.facility;
    if (!facility) {
      log.warn('delivery: config.json is missing or invalid; nothing is planned until it is fixed');
      return;
    }
    const started = performance.now();
    try {
      const { visits: planned, problems } = planDeliveries({
        ...planningInput(db),
        facility: { code: facility.code, timeZone: facility.timeZone },
      });
      reportPlanningProblems(log, problems);
      for (const target of options.targets) {
        const counts = replanQueue(db, target.name, target.select?.(planned) ?? planned, now());
        if (counts.added + counts.changed > 0)
          log.info(
            { target: target.name, ...counts, ms: Math.round(performance.now() - started) },
            'delivery planned',
          );
      }
    } catch (error) {
      // Never a reason to stop delivering what is already queued: tried again when events arrive.
      log.error({ err: error }, 'delivery planning failed; the queues stay as they were');
    }
    plannedSeq = seq;
    plannedAt = performance.now();
    pausedPlanMs = Math.max(PAUSED_PLAN_MIN_MS, 5 * (plannedAt - started));
  }

  /**
   * One attempt. Adapters answer every failure with an outcome; should one throw all the same
   * (a document it cannot turn into its target's format), that item — not the queue behind it —
   * is set aside for a person, with the hub's own code.
   */
  async function attempt(target: WorkerTarget, item: QueueItem): Promise<DeliveryOutcome> {
    try {
      return await target.adapter.deliver(item);
    } catch (error) {
      log.error({ err: error, target: target.name, item: item.itemId }, 'delivery attempt failed in the hub');
      return {
        kind: 'rejected',
        code: HUB_FAULT,
        message: 'The hub could not prepare or send this visit (see the hub log).',
      };
    }
  }

  async function run(target: WorkerTarget): Promise<void> {
    while (!stopped) {
      try {
        const running = targetState(db, target.name) === 'running';
        replanIfNeeded(running);
        if (!running) {
          await pause(pollMs);
          continue;
        }
        const item = headOfQueue(db, target.name);
        const waitMs = item?.nextAttemptAt ? Date.parse(item.nextAttemptAt) - now().getTime() : 0;
        if (!item || waitMs > 0) {
          await pause(item ? Math.min(waitMs, pollMs) : pollMs);
          continue;
        }
        const outcome = await attempt(target, item);
        recordOutcome(db, item, outcome, now(), backoff);
        if (outcome.kind !== 'delivered')
          // Codes and item ids only: no patient data in the logs.
          log.warn(
            { target: target.name, item: item.itemId, code: outcome.code },
            `delivery ${outcome.kind}`,
          );
      } catch (error) {
        log.error({ err: error, target: target.name }, 'delivery loop failed; trying again');
        await pause(pollMs);
      }
    }
  }

  const loops = options.targets.map((target) => run(target));
  return {
    kick: () => {
      for (const wake of [...wakers]) wake();
    },
    stop: async () => {
      stopped = true;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
    },
  };
}
