import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimrsVisitDocument } from '@/domain/delivery/simrsDocument';
import { applyDeliveryEvent, queueSummary } from '../../../server/delivery/deliveryQueue';
import { startDeliveryWorker, type DeliveryWorker } from '../../../server/delivery/deliveryWorker';
import { simrsRestAdapter } from '../../../server/delivery/simrsRestAdapter';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { storeEvents } from '../../../server/events/eventStore';
import { createSimrsSimulator, type SimrsSimulator } from '../../../server/simrsSimulator/simrsSimulator';
import { outageDay, prng } from '../../fixtures/outageEvents';
import { deliveryStarted, silentLog, useDeliveryTestKit, waitFor } from './deliveryTestKit';

const TOKEN = 'fault-test-token-0123456789abcdef';
const { afterTest, hubDatabase } = useDeliveryTestKit();
const started = (target = 'simrs') => deliveryStarted(target);

/** The UTC instant of an ISO time with any offset. */
const utc = (iso: string) => new Date(iso).toISOString();

describe('delivery to the SIMRS survives a faulty SIMRS and a hub restart', () => {
  it('files every visit exactly once, in arrival order, with its original times (seeded faults)', async () => {
    const day = outageDay({ visits: 150, devices: 3, seed: 20261202 });
    const db = hubDatabase();
    // The devices' pushes, interleaved, as the hub stored them during the outage.
    for (let index = 0; index < day.events.length; index += 200)
      storeEvents(db, day.events.slice(index, index + 200), 'device', new Date());

    const simulatorDir = mkdtempSync(join(tmpdir(), 'siaga-simulator-'));
    const dbFile = join(simulatorDir, 'simrs.sqlite');
    const random = prng(7);
    const faults = { random, serverErrorRate: 0.12, timeoutRate: 0.05, lostAnswerRate: 0.12 };
    let simulator: SimrsSimulator = createSimrsSimulator({ dbFile, token: TOKEN, faults });
    const url = await simulator.app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(url).port);
    afterTest(async () => {
      await simulator.close();
      rmSync(simulatorDir, { recursive: true, force: true });
    });

    const startWorker = (): DeliveryWorker =>
      startDeliveryWorker({
        db,
        targets: [
          { name: 'simrs', adapter: simrsRestAdapter({ baseUrl: url, token: TOKEN, timeoutMs: 250 }) },
        ],
        config: () => DEMO_CONFIG,
        log: silentLog,
        backoff: { baseMs: 5, maxMs: 40, random },
        pollMs: 10,
      });
    let worker = startWorker();
    afterTest(() => worker.stop());
    const delivered = () => queueSummary(db, 'simrs', new Date()).counts.delivered;

    // Paused until a person starts it: nothing moves.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(delivered()).toBe(0);
    storeEvents(db, [started()], 'device', new Date());

    // The SIMRS restarts under load…
    await waitFor(() => delivered() >= 40, '40 delivered');
    await simulator.close();
    simulator = createSimrsSimulator({ dbFile, token: TOKEN, faults });
    await simulator.app.listen({ port, host: '127.0.0.1' });
    // …and so does the hub.
    await waitFor(() => delivered() >= 90, '90 delivered');
    await worker.stop();
    worker = startWorker();

    await waitFor(() => delivered() === 150, 'all 150 delivered');
    const summary = queueSummary(db, 'simrs', new Date());
    expect(summary.counts).toMatchObject({ delivered: 150, pending: 0, retrying: 0, needs_review: 0 });

    const filed = simulator.visits();
    // Exactly once: one row per visit, each written once (retries were answered from its record).
    expect(filed).toHaveLength(150);
    expect(new Set(filed.map((visit) => visit.localId)).size).toBe(150);
    expect(filed.every((visit) => visit.writes === 1)).toBe(true);
    // In arrival order: the SIMRS numbered them as they came, day by day.
    expect(filed.map((visit) => visit.localId)).toEqual(day.arrivalOrder);
    // With the times the services really happened.
    const occurredAt = new Map(day.events.map((event) => [event.id, event.occurredAt]));
    const registered = new Map(
      day.events.flatMap((event) => (event.type === 'visit.registered' ? [[event.entityId, event]] : [])),
    );
    for (const visit of filed) {
      const document = visit.document as SimrsVisitDocument;
      const registration = registered.get(visit.localId)!;
      expect(registration.type === 'visit.registered' && document.visit.arrivedAt.utc).toBe(
        registration.type === 'visit.registered' && utc(registration.payload.arrivedAt),
      );
      expect(document.timeline).toHaveLength(4);
      for (const entry of document.timeline) expect(entry.at.utc).toBe(utc(occurredAt.get(entry.eventId)!));
      expect(document.bpjsTasks.map((task) => task.taskId)).toEqual([3, 4, 5]);
    }

    // The faults really happened after the restart too, and lost answers were replayed, not refiled.
    const stats = simulator.stats();
    expect(stats.error).toBeGreaterThan(0);
    expect(stats.timeout).toBeGreaterThan(0);
    expect(stats.lost).toBeGreaterThan(0);
    expect(stats.replayed).toBeGreaterThan(0);
  }, 120_000);

  it('sends a changed visit again under a new key and keeps the SIMRS’s visit number', async () => {
    const day = outageDay({ visits: 3, seed: 5 });
    const db = hubDatabase();
    const withoutEnd = day.events.filter((event) => event.type !== 'queue.service_ended');
    storeEvents(db, withoutEnd, 'device', new Date());
    const simulator = createSimrsSimulator({ dbFile: ':memory:', token: TOKEN });
    const url = await simulator.app.listen({ port: 0, host: '127.0.0.1' });
    afterTest(() => simulator.close());
    const worker = startDeliveryWorker({
      db,
      targets: [
        { name: 'simrs', adapter: simrsRestAdapter({ baseUrl: url, token: TOKEN, timeoutMs: 2_000 }) },
      ],
      config: () => DEMO_CONFIG,
      log: silentLog,
      pollMs: 10,
    });
    afterTest(() => worker.stop());
    applyDeliveryEvent(db, started(), new Date());
    const delivered = () => queueSummary(db, 'simrs', new Date()).counts.delivered;
    await waitFor(() => delivered() === 3, 'first delivery');
    const numbers = simulator.visits().map((visit) => visit.visitNumber);
    expect(simulator.visits().map((visit) => (visit.document as SimrsVisitDocument).visit.status)).toEqual([
      'serving',
      'serving',
      'serving',
    ]);

    // The service ends are synced later: each visit is due again and updated in place.
    storeEvents(
      db,
      day.events.filter((event) => event.type === 'queue.service_ended'),
      'device',
      new Date(),
    );
    await waitFor(
      () =>
        simulator.visits().every((visit) => (visit.document as SimrsVisitDocument).visit.status === 'done'),
      'the updates',
    );
    expect(simulator.visits().map((visit) => visit.visitNumber)).toEqual(numbers);
    expect(simulator.visits().every((visit) => visit.writes === 2)).toBe(true);
  });
});
