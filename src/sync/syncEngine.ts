import type { StoreApi } from 'zustand/vanilla';
import { domainEventSchema, type DomainEvent } from '@/domain';
import { errorName, logger } from '@/lib/logger';
import {
  appendEvents,
  applyPushResults,
  hubTokens,
  loadPullCursor,
  onLocalEventsAppended,
  pendingPage,
  saveClockOffset,
  savePullCursor,
  verifyPulledEvents,
  type SiagaDb,
} from '@/storage';
import { backoffDelayMs, type BackoffPolicy } from './backoff';
import { browserRuntime, type SyncRuntime } from './runtime';
import { createSyncStatusStore, type SyncPhase, type SyncStatus } from './syncStatus';
import { clockOffsetMs, pullFromHub, pushToHub, type HubCall, type HubFailure } from './hubClient';
import { journalIn } from '@/storage';

/** Events per push [P14]: measured in bench/sync.bench.ts (500 per request, one in flight). */
export const PUSH_PAGE_SIZE = 500;
export const PULL_PAGE_SIZE = 500;
/**
 * Pulled events applied per hold of the journal lock (issue 16): a save waits behind one slice.
 * Measured in bench/device.bench.ts (the lock hold of one slice at each journal size).
 */
export const APPLY_SLICE = 100;
/** While the hub answers, push and pull this often (and at once after anything is captured). */
export const SYNC_INTERVAL_MS = 3_000;
/** Retries after failures: 1 s doubling to 60 s, full jitter so devices do not return in step [P15]. */
export const SYNC_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000, jitter: 'full' };
/** Above this many pending events a sync shows a progress bar with rate and time left. */
export const BULK_THRESHOLD = 50;
const LOCK_NAME = 'siaga-sync';

export type SyncEngineDeps = SyncRuntime & {
  db: SiagaDb;
  /** The hub that answers now (from the probe), or undefined while none does. */
  hubUrl: () => string | undefined;
  /** Web Locks, so one tab of a device syncs [P17]; absent in tests. */
  locks?: Pick<LockManager, 'request'>;
  /** Where the engine reports its status; a fresh one unless the caller made it before loading us. */
  store?: StoreApi<SyncStatus>;
};

export type RunOutcome =
  | { kind: 'synced' }
  | { kind: 'skipped'; phase: 'offline' | 'notEnrolled' }
  | { kind: 'failed'; failure: HubFailure };

export type SyncEngine = {
  store: StoreApi<SyncStatus>;
  /** One push-then-pull pass (push only with `pull: false`). The loop calls it; tests drive it. */
  runOnce: (options?: { pull?: boolean }) => Promise<RunOutcome>;
  start: () => void;
  stop: () => void;
  /** Sync at once ("Sinkronkan sekarang", the hub came back, something was captured). */
  syncNow: () => void;
};

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const store = deps.store ?? createSyncStatusStore();
  const set = (partial: Partial<SyncStatus>) => store.setState(partial);

  async function recordClock(serverTime: string, sentAt: number, receivedAt: number): Promise<void> {
    await saveClockOffset(deps.db, {
      offsetMs: clockOffsetMs(serverTime, sentAt, receivedAt),
      measuredAt: new Date(deps.now()).toISOString(),
    });
  }

  async function push(call: HubCall, token: string): Promise<HubFailure | undefined> {
    let afterSeq = 0;
    let pageSize = PUSH_PAGE_SIZE;
    const pendingTotal = await journalIn(deps.db, 'pending').count();
    if (pendingTotal >= BULK_THRESHOLD)
      set({ bulk: { total: pendingTotal, done: 0, startedAt: deps.now() } });
    for (;;) {
      const page = await pendingPage(deps.db, afterSeq, pageSize);
      if (page.lastSeq === undefined) return undefined;
      if (page.items.length > 0) {
        set({ sending: page.items.length });
        const answer = await pushToHub(call, token, page.items);
        set({ sending: 0 });
        if (!answer.ok) {
          if (answer.error.kind === 'tooLarge' && page.items.length > 1) {
            pageSize = Math.max(1, Math.floor(page.items.length / 2)); // [P15] send less and go on
            continue;
          }
          return answer.error;
        }
        if (answer.value.body.results.length !== page.items.length)
          return { kind: 'protocol', status: 200, code: 'result_count' };
        await applyPushResults(deps.db, answer.value.body.results, new Date(deps.now()));
        await recordClock(answer.value.body.serverTime, answer.value.sentAt, answer.value.receivedAt);
      }
      afterSeq = page.lastSeq;
      const bulk = store.getState().bulk;
      if (bulk) set({ bulk: { ...bulk, done: bulk.done + page.items.length } });
    }
  }

  async function pull(call: HubCall, token: string): Promise<HubFailure | undefined> {
    let cursor = await loadPullCursor(deps.db);
    for (;;) {
      const answer = await pullFromHub(call, token, cursor, PULL_PAGE_SIZE);
      if (!answer.ok) {
        if (answer.error.kind === 'cursorForeign' && cursor !== '') {
          cursor = ''; // [P11] another hub store: start over; known events are skipped by id
          continue;
        }
        return answer.error;
      }
      const events: DomainEvent[] = [];
      for (const item of answer.value.body.events) {
        const parsed = domainEventSchema.safeParse(item);
        if (parsed.success) events.push(parsed.data);
        else set({ unreadablePulled: store.getState().unreadablePulled + 1 });
      }
      // Applied only when each is signed by the person it names [P32]; the rest is logged and counted.
      const { trusted, refused } = await verifyPulledEvents(deps.db, events);
      if (refused.length > 0) {
        logger.warn('sync.pulled_unsigned_or_forged', {
          count: refused.length,
          first: refused[0]?.id,
        });
        set({ unverifiedPulled: store.getState().unverifiedPulled + refused.length });
      }
      // In slices, each its own hold of the journal lock: a save waits behind one slice, never a page.
      for (let start = 0; start < trusted.length; start += APPLY_SLICE)
        await appendEvents(deps.db, trusted.slice(start, start + APPLY_SLICE), { origin: 'remote' });
      // Saved only after the events are committed: a crash in between re-pulls them harmlessly.
      cursor = answer.value.body.cursor;
      await savePullCursor(deps.db, cursor);
      await recordClock(answer.value.body.serverTime, answer.value.sentAt, answer.value.receivedAt);
      if (!answer.value.body.more) return undefined;
    }
  }

  async function runOnce(options: { pull?: boolean } = {}): Promise<RunOutcome> {
    const tokens = await hubTokens(deps.db);
    if (!tokens) {
      set({ phase: 'notEnrolled' });
      return { kind: 'skipped', phase: 'notEnrolled' };
    }
    const hubUrl = deps.hubUrl();
    if (!hubUrl) {
      set({ phase: 'offline' });
      return { kind: 'skipped', phase: 'offline' };
    }
    set({ phase: 'syncing' });
    const call: HubCall = { hubUrl, appOrigin: deps.appOrigin, fetch: deps.fetch, now: deps.now };
    // Locked: the push token sends sealed events; pulling waits for someone to sign in [P20].
    const failure =
      (tokens.push ? await push(call, tokens.push) : undefined) ??
      (options.pull === false || !tokens.pull ? undefined : await pull(call, tokens.pull));
    set({ sending: 0, bulk: undefined });
    if (failure) return { kind: 'failed', failure };
    set({ lastSuccessAt: deps.now(), lastFailure: undefined });
    return { kind: 'synced' };
  }

  let running = false;
  let failures = 0;
  let wake: (() => void) | undefined;
  let unsubscribe: (() => void) | undefined;

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const handle = deps.setTimeout(() => {
        wake = undefined;
        resolve();
      }, ms);
      wake = () => {
        deps.clearTimeout(handle);
        wake = undefined;
        resolve();
      };
    });
  }

  function delayAfter(outcome: RunOutcome): { ms: number; phase: SyncPhase } {
    if (outcome.kind === 'synced') {
      failures = 0;
      return { ms: SYNC_INTERVAL_MS, phase: 'idle' };
    }
    if (outcome.kind === 'skipped') return { ms: SYNC_INTERVAL_MS, phase: outcome.phase };
    const { failure } = outcome;
    // Credentials were refused: nothing will change until the device is enrolled again.
    if (failure.kind === 'auth') return { ms: 60 * 60_000, phase: 'authFailed' };
    failures += 1;
    const backoff = backoffDelayMs(failures, SYNC_BACKOFF, deps.random);
    const retryAfter = failure.kind === 'retry' ? (failure.retryAfterMs ?? 0) : 0;
    return { ms: Math.max(backoff, retryAfter), phase: 'retrying' };
  }

  async function loop(): Promise<void> {
    while (running) {
      let outcome: RunOutcome;
      try {
        outcome = await runOnce();
      } catch (error) {
        // A storage failure (e.g. quota): keep everything pending, report, retry later.
        logger.error('sync.run_failed', { error: errorName(error) });
        outcome = { kind: 'failed', failure: { kind: 'protocol', status: 0, code: 'device_error' } };
      }
      const next = delayAfter(outcome);
      set({
        phase: next.phase,
        nextAttemptAt: deps.now() + next.ms,
        ...(outcome.kind === 'failed' ? { lastFailure: outcome.failure } : {}),
      });
      if (running) await sleep(next.ms);
    }
  }

  return {
    store,
    runOnce,
    start() {
      if (running) return;
      running = true;
      // Something captured on this device: send it now rather than at the next interval.
      unsubscribe = onLocalEventsAppended((db) => {
        if (db === deps.db) wake?.();
      });
      if (!deps.locks) {
        void loop();
        return;
      }
      set({ phase: 'otherTab' }); // until this tab holds the lock
      void deps.locks.request(LOCK_NAME, { mode: 'exclusive' }, () => (running ? loop() : Promise.resolve()));
    },
    stop() {
      running = false;
      unsubscribe?.();
      wake?.();
    },
    syncNow() {
      failures = 0;
      wake?.();
    },
  };
}

/** The engine wired to the browser (fetch, timers, Web Locks). */
export function createBrowserSyncEngine(
  db: SiagaDb,
  hubUrl: () => string | undefined,
  store?: StoreApi<SyncStatus>,
): SyncEngine {
  return createSyncEngine({
    db,
    hubUrl,
    ...(store ? { store } : {}),
    ...browserRuntime(),
    ...(navigator.locks ? { locks: navigator.locks } : {}),
  });
}
