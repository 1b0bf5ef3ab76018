import { describe, expect, it } from 'vitest';
import { availableMoves, type DomainEvent } from '@/domain';
import { journalCounts, moveInQueue, readJournal, registerVisit, visitsOfDay, type SiagaDb } from '@/storage';
import type { SyncEngine } from '@/sync';
import { manualClock, registration, type manualClock as ManualClock } from '../storage/captureFixture';
import type { TestHub } from '../server/hubTestServer';
import { prng } from '../../fixtures/outageEvents';
import { projectionSnapshot, useSyncWorld } from './syncFixture';

type Faults = { enabled: boolean; counts: Record<string, number> };

/**
 * Wraps fetch with the faults a hospital network and a hub on a UPS produce: synthetic 5xx and
 * 429 answers, answers lost after the hub committed, a batch delivered twice, and the hub
 * restarting while a request is in flight.
 */
function faultyFetch(random: () => number, hub: TestHub, faults: Faults): typeof fetch {
  return async (input, init) => {
    const roll = faults.enabled ? random() : 1;
    const count = (name: string) => (faults.counts[name] = (faults.counts[name] ?? 0) + 1);
    if (roll < 0.1) {
      count('503');
      return new Response(JSON.stringify({ error: { code: 'unavailable', message: 'x' } }), { status: 503 });
    }
    if (roll < 0.18) {
      count('429');
      return new Response(JSON.stringify({ error: { code: 'slow_down', message: 'x' } }), {
        status: 429,
        headers: { 'retry-after': '0' },
      });
    }
    if (roll < 0.28) {
      count('lostAnswer');
      await fetch(input, init); // the hub commits…
      throw new TypeError('Failed to fetch'); // …and the answer never arrives
    }
    if (roll < 0.36) {
      count('twice');
      await fetch(input, init);
      return fetch(input, init); // the same request (a batch, a pull) arrives twice
    }
    if (roll < 0.42) {
      count('hubRestart');
      const settled = fetch(input, init).then(
        (response) => ({ response }),
        () => ({ failed: true as const }),
      );
      await hub.restart();
      const outcome = await settled;
      if ('failed' in outcome) throw new TypeError('Failed to fetch');
      return outcome.response;
    }
    return fetch(input, init);
  };
}

type Device = {
  db: SiagaDb;
  engine: SyncEngine;
  newEngine: (fetchFn?: typeof fetch) => SyncEngine;
  code: string;
};

async function captureSomething(
  device: Device,
  random: () => number,
  clock: ReturnType<typeof ManualClock>,
  serial: number,
): Promise<void> {
  clock.advance(1 + Math.floor(random() * 3));
  const visits = (await visitsOfDay(device.db, '2026-11-22')).map((entry) => entry.visit);
  const open = visits.filter((visit) => availableMoves(visit.status).some((move) => move !== 'cancel'));
  if (open.length === 0 || random() < 0.45) {
    const identity = {
      kind: 'new' as const,
      name: `Pasien ${device.code} ${serial}`,
      birthDate: '1980-01-01',
      sex: 'L' as const,
      identityVerifiedBy: 'ktp' as const,
    };
    const poli =
      random() < 0.5 ? { poliCode: 'UMU', doctorCode: 'D001' } : { poliCode: 'ANA', doctorCode: 'D010' };
    await registerVisit(device.db, registration(identity, poli), clock);
    return;
  }
  const visit = open[Math.floor(random() * open.length)]!;
  const moves = availableMoves(visit.status).filter((move) => move !== 'cancel');
  const move = moves[Math.floor(random() * moves.length)]!;
  // The other device may have moved this visit later than our clock; a refusal is fine here.
  await moveInQueue(device.db, visit.id, { move, when: { mode: 'now' }, source: 'direct' }, clock);
}

async function runRandomised(seed: number, world: ReturnType<typeof useSyncWorld>): Promise<void> {
  const random = prng(seed);
  const hub = await world.startHub();
  const faults: Faults = { enabled: true, counts: {} };
  const fetchWithFaults = faultyFetch(random, hub, faults);
  const desk = { ...(await world.device('PD1', { fetch: fetchWithFaults })), code: 'PD1' };
  const tablet = {
    ...(await world.device('POL', { fetch: fetchWithFaults, role: 'recovery' })),
    code: 'POL',
  };
  const devices: Device[] = [desk, tablet];
  const clock = manualClock('2026-11-22T07:30:00+07:00');
  let crashes = 0;

  for (let step = 0; step < 160; step += 1) {
    const device = devices[Math.floor(random() * devices.length)]!;
    const roll = random();
    if (roll < 0.55) await captureSomething(device, random, clock, step);
    else if (roll < 0.93) await device.engine.runOnce();
    else {
      // The tab dies mid-batch: the request reaches the hub, the device never records the answer.
      crashes += 1;
      const dying: typeof fetch = async (input, init) => {
        await fetch(input, init);
        return new Promise<Response>(() => undefined);
      };
      void device.newEngine(dying).runOnce();
      await new Promise((resolve) => setTimeout(resolve, 30));
      device.engine = device.newEngine(fetchWithFaults);
    }
  }

  // The network heals: sync until nothing moves any more.
  faults.enabled = false;
  for (let round = 0; round < 4; round += 1) {
    for (const device of devices) expect(await device.engine.runOnce()).toEqual({ kind: 'synced' });
  }

  const local = new Map<string, DomainEvent>();
  for (const device of devices) for (const event of await readJournal(device.db)) local.set(event.id, event);
  const hubRows = hub.db
    .prepare<[], { id: string; occurred_at: string; body: string }>(
      'SELECT id, occurred_at, body FROM events',
    )
    .all();
  // Every event exactly once, with the time it really happened.
  expect(new Set(hubRows.map((row) => row.id)).size).toBe(hubRows.length);
  expect(hubRows.map((row) => row.id).sort()).toEqual([...local.keys()].sort());
  for (const row of hubRows) {
    expect(row.occurred_at).toBe(local.get(row.id)!.occurredAt);
    expect(JSON.parse(row.body), `event ${row.id}`).toEqual(local.get(row.id));
  }
  for (const device of devices)
    expect((await journalCounts(device.db)).byState).toMatchObject({ pending: 0, review: 0 });
  expect(await projectionSnapshot(tablet.db)).toEqual(await projectionSnapshot(desk.db));
  // The run really exercised the faults it claims to.
  expect(faults.counts['503'] ?? 0).toBeGreaterThan(0);
  expect(faults.counts.lostAnswer ?? 0).toBeGreaterThan(0);
  expect(faults.counts.twice ?? 0).toBeGreaterThan(0);
  expect(faults.counts.hubRestart ?? 0).toBeGreaterThan(0);
  expect(crashes).toBeGreaterThan(0);
  expect(hubRows.length).toBeGreaterThan(100);
}

describe('randomised faults between two devices and the hub', () => {
  const world = useSyncWorld();
  const seeds = process.env.FAULT_SEED
    ? [Number(process.env.FAULT_SEED)]
    : [Date.now() % 1_000_000, 4242, 90_210];

  for (const seed of seeds) {
    it(
      `holds every event exactly once with its original time, and both devices agree (seed ${seed})`,
      { timeout: 120_000 },
      async () => {
        try {
          await runRandomised(seed, world);
        } catch (error) {
          // eslint-disable-next-line no-console -- the seed is what makes a failure reproducible
          console.error(
            `Fault test failed with seed ${seed}: rerun with FAULT_SEED=${seed} npx vitest run tests/unit/sync/faultInjection.test.ts`,
          );
          throw error;
        }
      },
    );
  }
});
