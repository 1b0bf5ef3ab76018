/**
 * Delivery throughput (issue 7): the hub delivering an outage's visits to the SIMRS simulator
 * over HTTP on loopback, one visit at a time in arrival order (as in production), each visit
 * with its registration, slip, call, service start and end. Reports visits/s, how much of the
 * time the simulator itself spent answering, and the cost of replanning the queue (what the hub
 * pays each time new events arrive while delivering). 1,000 visits is the baseline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { planVisitDeliveries } from '../src/domain/delivery/planVisitDeliveries';
import { uuidv7 } from '../src/lib/ids';
import { openHubDatabase } from '../server/db/openHubDatabase';
import { planningEvents, queueSummary, replanQueue } from '../server/delivery/deliveryQueue';
import { startDeliveryWorker } from '../server/delivery/deliveryWorker';
import { simrsRestAdapter } from '../server/delivery/simrsRestAdapter';
import { DEMO_CONFIG } from '../server/demoConfig';
import { storeEvents } from '../server/events/eventStore';
import { createSimrsSimulator } from '../server/simrsSimulator/simrsSimulator';
import { outageDay } from '../tests/fixtures/outageEvents';
import { eventAt } from '../tests/unit/domain/eventFactory';
import { median, printTable } from './lib/stats';

const SIZES = (process.env.BENCH_DELIVERY_VISITS ?? '1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_DELIVERY_RUNS ?? 3);
const TOKEN = 'bench-token-0123456789abcdef0123';
const silent = { info: () => {}, warn: () => {}, error: () => {} } as unknown as FastifyBaseLogger;
const facility = { code: DEMO_CONFIG.facility.code, timeZone: DEMO_CONFIG.facility.timeZone };

type Run = { totalMs: number; simulatorMs: number; replanMs: number };

async function deliverOnce(visits: number, seed: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'siaga-bench-delivery-'));
  const db = openHubDatabase(join(dir, 'hub.sqlite'));
  db.prepare(
    `INSERT INTO devices (device_id, device_code, token_hash, enrolled_at) VALUES ('bench', 'PD1', 'x', ?)`,
  ).run(new Date().toISOString());
  const day = outageDay({ visits, devices: 4, seed });
  for (let index = 0; index < day.events.length; index += 1_000)
    storeEvents(db, day.events.slice(index, index + 1_000), 'bench', new Date());

  const simulator = createSimrsSimulator({ dbFile: join(dir, 'simrs.sqlite'), token: TOKEN });
  let simulatorMs = 0;
  const began = new WeakMap<object, number>();
  simulator.app.addHook('onRequest', (request, _reply, done) => {
    began.set(request, performance.now());
    done();
  });
  simulator.app.addHook('onResponse', (request, _reply, done) => {
    simulatorMs += performance.now() - (began.get(request) ?? performance.now());
    done();
  });
  const url = await simulator.app.listen({ port: 0, host: '127.0.0.1' });
  const worker = startDeliveryWorker({
    db,
    targets: [
      { name: 'simrs', adapter: simrsRestAdapter({ baseUrl: url, token: TOKEN, timeoutMs: 15_000 }) },
    ],
    config: () => DEMO_CONFIG,
    log: silent,
    pollMs: 5,
  });
  const start = performance.now();
  storeEvents(db, [eventAt('delivery.started', uuidv7(), '13:00', { target: 'simrs' })], 'bench', new Date());
  // Polled rarely: the count reads the whole queue, and this process is also the hub.
  while (queueSummary(db, 'simrs', new Date()).counts.delivered < visits)
    await new Promise((resolve) => setTimeout(resolve, 250));
  const totalMs = performance.now() - start;
  await worker.stop();
  if (simulator.visits().length !== visits) throw new Error('the simulator does not hold every visit');

  // What the hub pays when events arrive mid-delivery: read, project and compare everything.
  const replanStart = performance.now();
  replanQueue(db, 'simrs', planVisitDeliveries({ events: planningEvents(db), facility }), new Date());
  const replanMs = performance.now() - replanStart;

  await simulator.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { totalMs, simulatorMs, replanMs };
}

const rows: string[][] = [];
let baselineRate = 0;
for (const visits of SIZES) {
  const runs: Run[] = [];
  for (let run = 0; run < (visits > 5_000 ? Math.min(RUNS, 2) : RUNS); run += 1)
    runs.push(await deliverOnce(visits, 1_000 + run));
  const totalMs = median(runs.map((run) => run.totalMs));
  const rate = visits / (totalMs / 1000);
  if (!baselineRate) baselineRate = rate;
  rows.push([
    visits.toLocaleString('en'),
    String(runs.length),
    `${(totalMs / 1000).toFixed(1)} s`,
    rate.toFixed(0),
    `${(totalMs / visits).toFixed(2)} ms`,
    `${Math.round(median(runs.map((run) => run.simulatorMs / run.totalMs)) * 100)} %`,
    `${Math.round(median(runs.map((run) => run.replanMs)))} ms`,
    (rate / baselineRate).toFixed(2),
  ]);
}
printTable(
  'Hub → SIMRS simulator delivery over HTTP (medians)',
  [
    'visits',
    'runs',
    'delivered in',
    'visits/s',
    'per visit',
    'in simulator',
    'replan (unchanged)',
    'rate × 1,000',
  ],
  rows,
);
