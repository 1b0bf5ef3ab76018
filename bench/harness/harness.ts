/**
 * Runs inside Chromium on the app's own origin (built only for `npm run bench`), so the numbers
 * are those of the real storage code on the real IndexedDB.
 */
import { planRegistration } from '@/domain';
import {
  applyPushResults,
  currentSigners,
  getDb,
  hubTokens,
  loadCaptureContext,
  pendingPage,
  registerVisit,
  saveDeviceIdentity,
  saveRuntimeConfig,
  signEvents,
  SiagaDb,
} from '@/storage';
import { createSyncEngine, enrollDevice, PUSH_PAGE_SIZE, pushToHub } from '@/sync';
import { DEMO_CONFIG } from '../../server/demoConfig';
import { actAs, benchAccount, knowBenchPeople } from './benchPeople';
import { incidentsApi } from './incidents';
import { purgeApi } from './purge';
import { deviceScaleApi } from './deviceScale';
import { signedInAppDb } from './appDb';
import { seedRegistrations } from './seed';
import { newPatientRegistration as input } from './registrations';
import { securityApi } from './security';
import { journalIn } from '@/storage';

async function setUp(db: SiagaDb, deviceCode: string): Promise<void> {
  await saveRuntimeConfig(db, DEMO_CONFIG, new Date());
  await saveDeviceIdentity(db, deviceCode);
  await actAs(db, 'recovery');
}

function engineFor(db: SiagaDb, latencyMs: number) {
  return createSyncEngine({
    db,
    hubUrl: () => '/',
    appOrigin: location.origin,
    fetch: withLatency(latencyMs),
    now: () => Date.now(),
    random: Math.random,
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
  });
}

/** Every request waits `latencyMs` first: a slower LAN or a busy hub. */
function withLatency(latencyMs: number): typeof fetch {
  return async (input, init) => {
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    return fetch(input, init);
  };
}

const benchDbs = new Map<string, SiagaDb>();

const api = {
  /** Sets up the app's own database (the one the screens read). */
  setUpAppDb: () => signedInAppDb(),

  /** `count` registrations one after another; each duration is submit → transaction committed. */
  async registerSequentially(count: number, durability: 'strict' | 'relaxed'): Promise<number[]> {
    const db = new SiagaDb(`siaga-bench-${durability}-${Date.now()}`, { durability });
    await setUp(db, 'PD9');
    const durations: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const started = performance.now();
      const result = await registerVisit(db, input(index));
      durations.push(performance.now() - started);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }
    await db.delete();
    return durations;
  },

  /**
   * What signing adds to a save: the events of `count` registrations signed by a person and a
   * device as `runCommand` does, timed per registration (its 3–4 events together).
   */
  async signingCost(count: number): Promise<{ perSave: number[]; eventsPerSave: number }> {
    const db = new SiagaDb(`siaga-bench-signing-${Date.now()}`);
    await setUp(db, 'PD8');
    const signers = currentSigners(db)!;
    const context = await loadCaptureContext(db, new Date());
    if (!context.ok) throw new Error(context.error);
    const perSave: number[] = [];
    let events = 0;
    for (let index = 0; index < count; index += 1) {
      const plan = planRegistration(input(index), { counterValue: () => 0 }, context.value);
      if (!plan.ok) throw new Error(JSON.stringify(plan.error));
      const started = performance.now();
      await signEvents(signers, plan.value.events);
      perSave.push(performance.now() - started);
      events += plan.value.events.length;
    }
    await db.delete();
    return { perSave, eventsPerSave: events / count };
  },

  /** The bench recovery clerk's account, for the hub to know (its public key only). */
  benchAccount: () => benchAccount('recovery'),

  /** Fills the app's database with `count` of today's visits (bulk, in batches), quickly. */
  /** Seeds the app's own database, encrypted as the app writes it (signed in again after a reload). */
  async seedVisits(count: number): Promise<void> {
    await signedInAppDb();
    await seedRegistrations(getDb(), count, input);
  },

  /** A fresh enrolled device database holding `events` pending events. */
  async prepareDevice(
    name: string,
    deviceCode: string,
    events: number,
    enrollmentCode: string,
  ): Promise<number> {
    const db = new SiagaDb(name);
    benchDbs.set(name, db);
    await setUp(db, deviceCode);
    await seedRegistrations(db, Math.ceil(events / 2), input);
    const enrolled = await enrollDevice(db, enrollmentCode, {
      hubUrl: '/',
      appOrigin: location.origin,
      fetch: (i, init) => fetch(i, init),
    });
    if (!enrolled.ok) throw new Error(enrolled.error);
    return journalIn(db, 'pending').count();
  },

  /**
   * Milliseconds until every pending event is acknowledged. `engine`: Siaga's replay (pages of
   * 500, one in flight). `parallel`: the same pages, `inFlight` at a time (to choose by
   * measurement). `perEvent`: one request per event, one after the other (Workbox background sync).
   */
  async replay(
    name: string,
    mode: 'engine' | 'parallel' | 'perEvent',
    latencyMs: number,
    inFlight = 1,
  ): Promise<number> {
    const db = benchDbs.get(name)!;
    const token = (await hubTokens(db))!.push!;
    const call = {
      hubUrl: '/',
      appOrigin: location.origin,
      fetch: withLatency(latencyMs),
      now: () => Date.now(),
    };
    const started = performance.now();
    if (mode === 'engine') {
      const outcome = await engineFor(db, latencyMs).runOnce({ pull: false });
      if (outcome.kind !== 'synced') throw new Error(JSON.stringify(outcome));
    } else {
      const rows = await db.journal
        .where('[syncState+localSeq]')
        .between(['pending', 0], ['pending', Infinity])
        .toArray();
      const pageSize = mode === 'perEvent' ? 1 : PUSH_PAGE_SIZE;
      const pages: number[][] = [];
      for (let index = 0; index < rows.length; index += pageSize)
        pages.push(rows.slice(index, index + pageSize).map((row) => row.localSeq));
      let next = 0;
      const worker = async () => {
        while (next < pages.length) {
          const seqs = pages[next++]!;
          const page = await pendingPage(db, seqs[0]! - 1, seqs.length);
          const answer = await pushToHub(call, token, page.items);
          if (!answer.ok) throw new Error(JSON.stringify(answer.error));
          await applyPushResults(db, answer.value.body.results, new Date());
        }
      };
      await Promise.all(Array.from({ length: mode === 'perEvent' ? 1 : inFlight }, worker));
    }
    const elapsed = performance.now() - started;
    const left = await journalIn(db, 'pending').count();
    if (left !== 0) throw new Error(`${left} events still pending`);
    return elapsed;
  },

  /** Milliseconds for a fresh enrolled device to pull and apply everything on the hub; and how many. */
  async pullEverything(
    name: string,
    deviceCode: string,
    enrollmentCode: string,
  ): Promise<{ ms: number; events: number }> {
    const db = new SiagaDb(name);
    benchDbs.set(name, db);
    await setUp(db, deviceCode);
    const enrolled = await enrollDevice(db, enrollmentCode, {
      hubUrl: '/',
      appOrigin: location.origin,
      fetch: (i, init) => fetch(i, init),
    });
    if (!enrolled.ok) throw new Error(enrolled.error);
    await knowBenchPeople(db);
    const started = performance.now();
    const outcome = await engineFor(db, 0).runOnce();
    if (outcome.kind !== 'synced') throw new Error(JSON.stringify(outcome));
    return { ms: performance.now() - started, events: await db.journal.count() };
  },
};

Object.assign(window, {
  siagaBench: { ...api, ...securityApi, ...incidentsApi, ...purgeApi, ...deviceScaleApi },
});
document.body.dataset.ready = 'true';
