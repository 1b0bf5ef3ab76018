import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '@/domain';
import { PUSH_PAGE_SIZE } from '@/sync';
import {
  correctEvent,
  getVisit,
  journalCounts,
  loadClockOffset,
  moveInQueue,
  readJournal,
  registerVisit,
  reviewItems,
  voidEvent,
} from '@/storage';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { manualClock, NEW_PATIENT, registration, RETURNING } from '../storage/captureFixture';
import { projectionSnapshot, useSyncWorld } from './syncFixture';
import { writeFileSync } from 'node:fs';

function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const hubCount = (db: { prepare: (sql: string) => { get: () => unknown } }) =>
  (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;

describe('sync engine against the real hub', () => {
  const world = useSyncWorld();

  // 400 registrations through the real command take seconds on fake-indexeddb; the sync is quick.
  it(
    '[P14] sends the outbox in pages, one request at a time, and acknowledges what the hub stored',
    { timeout: 30_000 },
    async () => {
      const hub = await world.startHub();
      const requests: number[] = [];
      const counting: typeof fetch = async (input, init) => {
        if (init?.method === 'POST' && (input as string).endsWith('/api/v1/events')) {
          requests.push((JSON.parse(init.body as string) as { events: unknown[] }).events.length);
        }
        return fetch(input, init);
      };
      const desk = await world.device('PD1', { fetch: counting });
      const clock = manualClock();
      for (let index = 0; index < 400; index += 1) {
        expectOk(
          await registerVisit(
            desk.db,
            registration({ ...NEW_PATIENT, nik: undefined, name: `Pasien ${index}` }),
            clock,
          ),
        );
      }
      expect((await journalCounts(desk.db)).byState.pending).toBe(800);
      expect(await desk.engine.runOnce()).toEqual({ kind: 'synced' });
      expect(requests).toEqual([PUSH_PAGE_SIZE, 300]);
      expect((await journalCounts(desk.db)).byState).toMatchObject({ pending: 0, acked: 800 });
      expect(hubCount(hub.db)).toBe(800);
    },
  );

  it("[P18] brings one device's registration into the other's queue, through the same reducers", async () => {
    await world.startHub();
    const desk = await world.device('PD1');
    const tablet = await world.device('POL', { role: 'clinician' });
    const plan = expectOk(await registerVisit(desk.db, registration(RETURNING), manualClock()));
    await desk.engine.runOnce();
    await tablet.engine.runOnce();
    expect((await getVisit(tablet.db, plan.visitId))?.ticketLabel).toBe('A-001');
    expect(await projectionSnapshot(tablet.db)).toEqual(await projectionSnapshot(desk.db));
    expect((await journalCounts(tablet.db)).byState).toMatchObject({ pending: 0, acked: 3 });
  });

  it('[P16] puts a refused event in review with the reason, never resends it, and takes a correction', async () => {
    const hub = await world.startHub();
    const desk = await world.device('PD1');
    const clock = manualClock();
    const plan = expectOk(
      await registerVisit(desk.db, registration(NEW_PATIENT, { poliCode: 'GIG', doctorCode: 'D040' }), clock),
    );
    // IT removed Poli Gigi from the hub's configuration while the desk was offline.
    writeFileSync(
      hub.configPath,
      JSON.stringify({ ...DEMO_CONFIG, polis: DEMO_CONFIG.polis.filter((poli) => poli.code !== 'GIG') }),
    );
    await desk.engine.runOnce();
    const [item] = await reviewItems(desk.db);
    expect(item).toMatchObject({
      event: { type: 'visit.registered', entityId: plan.visitId },
      error: { status: 'rejected', code: 'unknown_poli', field: 'payload.poliCode' },
    });
    expect(hubCount(hub.db)).toBe(1); // the patient went through
    await desk.engine.runOnce();
    expect(hubCount(hub.db)).toBe(1); // not retried blindly

    const original = item!.event as Extract<DomainEvent, { type: 'visit.registered' }>;
    const invalid = await correctEvent(desk.db, original.id, { ...original.payload, doctorCode: '' }, clock);
    expect(invalid.ok).toBe(false);
    const corrected = expectOk(
      await correctEvent(
        desk.db,
        original.id,
        { ...original.payload, poliCode: 'UMU', doctorCode: 'D001' },
        clock,
      ),
    );
    expect(corrected.events[0]).toMatchObject({
      corrects: original.id,
      occurredAt: original.occurredAt,
      entityId: plan.visitId,
    });
    expect((await getVisit(desk.db, plan.visitId))?.poliCode).toBe('UMU');
    await desk.engine.runOnce();
    expect((await journalCounts(desk.db)).byState).toMatchObject({
      pending: 0,
      review: 0,
      resolved: 1,
      acked: 2,
    });
    expect(hubCount(hub.db)).toBe(2);
  });

  it('[P16] voids a refused event with a reason: an event of its own, and the projection leaves it out', async () => {
    const hub = await world.startHub();
    const desk = await world.device('PD1');
    const clock = manualClock();
    const plan = expectOk(
      await registerVisit(desk.db, registration(NEW_PATIENT, { poliCode: 'GIG', doctorCode: 'D040' }), clock),
    );
    writeFileSync(hub.configPath, JSON.stringify({ ...DEMO_CONFIG, polis: DEMO_CONFIG.polis.slice(0, 2) }));
    await desk.engine.runOnce();
    const [item] = await reviewItems(desk.db);
    expect((await voidEvent(desk.db, item!.event.id, '', clock)).ok).toBe(false);
    expectOk(await voidEvent(desk.db, item!.event.id, 'Pasien salah didaftarkan', clock));
    expect(await getVisit(desk.db, plan.visitId)).toBeUndefined();
    expect(await desk.db.tickets.get(plan.visitId)).toBeUndefined();
    await desk.engine.runOnce();
    expect((await journalCounts(desk.db)).byState).toMatchObject({ review: 0, resolved: 1, pending: 0 });
    expect(hub.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'event.voided'").get()).toEqual({
      n: 1,
    });
    expect((await readJournal(desk.db)).map((event) => event.type)).toContain('visit.registered'); // kept, not deleted
  });

  it("[P17] resends after a crash between the hub's commit and the device's bookkeeping, getting duplicates", async () => {
    const hub = await world.startHub();
    let crash = true;
    const crashing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (crash && init?.method === 'POST') return new Promise<Response>(() => undefined); // the tab died here
      return response;
    };
    const desk = await world.device('PD1');
    expectOk(await registerVisit(desk.db, registration(RETURNING), manualClock()));
    void desk.newEngine(crashing).runOnce(); // never finishes: the device "crashed"
    await expect.poll(() => hubCount(hub.db)).toBe(3);
    expect((await journalCounts(desk.db)).byState.pending).toBe(3);
    crash = false;
    const statuses: string[] = [];
    const watching: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'POST')
        statuses.push(
          ...((await response.clone().json()) as { results: { status: string }[] }).results.map(
            (result) => result.status,
          ),
        );
      return response;
    };
    expect(await desk.newEngine(watching).runOnce()).toEqual({ kind: 'synced' });
    expect(statuses).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect((await journalCounts(desk.db)).byState).toMatchObject({ pending: 0, acked: 3 });
    expect(hubCount(hub.db)).toBe(3);
  });

  it('[P15] classifies failures: 503 with Retry-After, 429, 401, and halves the page on 413', async () => {
    await world.startHub();
    const answer = (status: number, headers: Record<string, string> = {}) =>
      (async () =>
        new Response(JSON.stringify({ error: { code: 'x', message: 'x' } }), {
          status,
          headers,
        })) as typeof fetch;
    const desk = await world.device('PD1');
    expectOk(await registerVisit(desk.db, registration(RETURNING), manualClock()));
    expect(await desk.newEngine(answer(503, { 'retry-after': '7' })).runOnce()).toEqual({
      kind: 'failed',
      failure: { kind: 'retry', reason: 'status', status: 503, retryAfterMs: 7_000 },
    });
    expect(await desk.newEngine(answer(429)).runOnce()).toMatchObject({
      kind: 'failed',
      failure: { kind: 'retry', status: 429 },
    });
    expect(await desk.newEngine(answer(401)).runOnce()).toMatchObject({
      kind: 'failed',
      failure: { kind: 'auth', status: 401 },
    });
    const network: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await desk.newEngine(network).runOnce()).toMatchObject({
      kind: 'failed',
      failure: { kind: 'retry', reason: 'network' },
    });

    const sizes: number[] = [];
    const tooLargeAboveOne: typeof fetch = async (input, init) => {
      if (init?.method === 'POST') {
        const size = (JSON.parse(init.body as string) as { events: unknown[] }).events.length;
        sizes.push(size);
        if (size > 1) return answer(413)(input, init);
      }
      return fetch(input, init);
    };
    expect(await desk.newEngine(tooLargeAboveOne).runOnce()).toEqual({ kind: 'synced' });
    expect(sizes).toEqual([3, 1, 1, 1]);
    expect((await journalCounts(desk.db)).byState.pending).toBe(0);
  });

  it('[P13] records the clock offset at each contact; later events carry it, occurredAt untouched', async () => {
    await world.startHub();
    const fiveMinutesAhead: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = (await response.json()) as { serverTime?: string };
      if (body.serverTime) body.serverTime = new Date(Date.parse(body.serverTime) + 5 * 60_000).toISOString();
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const desk = await world.device('PD1', { fetch: fiveMinutesAhead });
    await desk.engine.runOnce();
    const offset = await loadClockOffset(desk.db);
    expect(Math.abs(offset!.offsetMs - 300_000)).toBeLessThan(2_000);
    const clock = manualClock('2026-11-22T09:00:00+07:00');
    const plan = expectOk(await registerVisit(desk.db, registration(RETURNING), clock));
    expect(plan.events[1]).toMatchObject({
      occurredAt: '2026-11-22T09:00:00.000+07:00',
      clock: { offsetMs: offset!.offsetMs },
    });
  });

  it('[P11] starts the pull over when the hub store changed', async () => {
    const hub = await world.startHub();
    const desk = await world.device('PD1');
    const tablet = await world.device('POL', { role: 'clinician' });
    const plan = expectOk(await registerVisit(desk.db, registration(RETURNING), manualClock()));
    await desk.engine.runOnce();
    await tablet.db.meta.put({ key: 'pullCursor', value: `${'a'.repeat(32)}.999`, updatedAt: '' });
    expect(await tablet.engine.runOnce()).toEqual({ kind: 'synced' });
    expect(await getVisit(tablet.db, plan.visitId)).toBeDefined();
    void hub;
  });

  it(
    'runs by itself: pushes what is captured and pulls what others did, within seconds',
    { timeout: 30_000 },
    async () => {
      await world.startHub();
      const desk = await world.device('PD1');
      const tablet = await world.device('POL', { role: 'clinician' });
      desk.engine.start();
      tablet.engine.start();
      try {
        const clock = manualClock();
        const plan = expectOk(await registerVisit(desk.db, registration(RETURNING), clock));
        await expect.poll(() => getVisit(tablet.db, plan.visitId), { timeout: 10_000 }).toBeDefined();
        clock.advance(10);
        expectOk(
          await moveInQueue(
            tablet.db,
            plan.visitId,
            { move: 'called', when: { mode: 'now' }, source: 'direct' },
            clock,
          ),
        );
        await expect
          .poll(async () => (await getVisit(desk.db, plan.visitId))?.status, { timeout: 10_000 })
          .toBe('called');
      } finally {
        desk.engine.stop();
        tablet.engine.stop();
      }
    },
  );
});
