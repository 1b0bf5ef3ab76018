/**
 * Sync throughput (issue 4):
 *  - 10,000 captured events replayed from a Chromium page to the hub on loopback: one request per
 *    event, sequential (what Workbox background sync does) vs Siaga's engine (pages of 500, one
 *    in flight) — plain and with 20 ms added to every request; plus 2 and 4 pages in flight, to
 *    choose the engine's concurrency by measurement. Target: engine ≤ 5 s and ≥ 25× per-event at 20 ms.
 *  - The hub's ingest rate into SQLite (no HTTP) and its pull rate over HTTP; a fresh device
 *    pulling and applying everything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from '../src/lib/ids';
import { openHubDatabase } from '../server/db/openHubDatabase';
import { storeEvents } from '../server/events/eventStore';
import { E2E_ENROLLMENT_CODE } from '../tests/e2e/fixtures/hubProcess';
import { visitRegistered } from '../tests/unit/domain/eventFactory';
import { letHubKnow, type BenchAccountKey } from './lib/hubAccounts';
import { harness, openBenchPage } from './lib/benchApp';
import { printTable } from './lib/stats';

const EVENTS = Number(process.env.BENCH_SYNC_EVENTS ?? 10_000);
/** One request per event at 20 ms is slow by nature (~4 min for 10,000); measure fewer and compare rates. */
const PER_EVENT_LATENT = Number(process.env.BENCH_PER_EVENT_LATENT ?? 1_000);

const { page, hub, close } = await openBenchPage();
let device = 0;
try {
  // The records are signed by a recovery clerk the hub knows, so the hub checks every signature.
  letHubKnow(hub, await harness<BenchAccountKey>(page, 'benchAccount'));
  type Row = { name: string; latency: number; events: number; ms: number };
  const rows: Row[] = [];
  const run = async (
    name: string,
    mode: 'engine' | 'parallel' | 'perEvent',
    latency: number,
    events: number,
    inFlight = 1,
  ) => {
    device += 1;
    const db = `bench-${device}`;
    const code = `B${String(device).padStart(2, '0')}`;
    const pending = await harness<number>(page, 'prepareDevice', db, code, events, E2E_ENROLLMENT_CODE);
    const ms = await harness<number>(page, 'replay', db, mode, latency, inFlight);
    rows.push({ name, latency, events: pending, ms });
  };
  for (const latency of [0, 20]) {
    await run(
      'one request per event (Workbox-like)',
      'perEvent',
      latency,
      latency === 0 ? EVENTS : PER_EVENT_LATENT,
    );
    await run('Siaga engine: 500/page, 1 in flight', 'engine', latency, EVENTS);
    await run('500/page, 2 in flight', 'parallel', latency, EVENTS, 2);
    await run('500/page, 4 in flight', 'parallel', latency, EVENTS, 4);
  }
  const rate = (row: Row) => row.events / (row.ms / 1_000);
  printTable(
    'Replay to the hub on loopback (Chromium → hub HTTP → SQLite, synchronous=FULL)',
    ['method', '+ms/request', 'events', 'seconds', 'events/s', '× per-event'],
    rows.map((row) => {
      const baseline = rows.find(
        (other) => other.latency === row.latency && other.name.startsWith('one request'),
      )!;
      const tenThousand = (EVENTS / rate(row)).toFixed(2);
      return [
        row.name,
        String(row.latency),
        String(row.events),
        row.events === EVENTS
          ? (row.ms / 1_000).toFixed(2)
          : `${(row.ms / 1_000).toFixed(2)} (${tenThousand} for ${EVENTS})`,
        rate(row).toFixed(0),
        (rate(row) / rate(baseline)).toFixed(1),
      ];
    }),
  );

  const pulled = await harness<{ ms: number; events: number }>(
    page,
    'pullEverything',
    'bench-pull',
    'BPL',
    E2E_ENROLLMENT_CODE,
  );

  // The hub alone: store batches into a fresh SQLite file, then page through them over HTTP.
  const dir = mkdtempSync(join(tmpdir(), 'siaga-ingest-'));
  const db = openHubDatabase(join(dir, 'hub.sqlite'));
  db.prepare(
    "INSERT INTO devices (device_id, device_code, token_hash, enrolled_at) VALUES ('d', 'BEN', 'x', '')",
  ).run();
  const events = Array.from({ length: EVENTS }, (_, index) =>
    visitRegistered(uuidv7(), `0${8 + Math.floor(index / 5000)}:00`),
  );
  const ingestStart = performance.now();
  for (let index = 0; index < events.length; index += 500)
    storeEvents(db, events.slice(index, index + 500), 'd', new Date());
  const ingestMs = performance.now() - ingestStart;
  db.close();
  rmSync(dir, { recursive: true, force: true });

  const pullStart = performance.now();
  const enrolled = (await (
    await fetch(`${hub.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: E2E_ENROLLMENT_CODE, deviceId: uuidv7(), deviceCode: 'BRW' }),
    })
  ).json()) as { token: string };
  let cursor = '';
  let pages = 0;
  let total = 0;
  for (;;) {
    const response = (await (
      await fetch(`${hub.url}/api/v1/events?after=${cursor}&limit=1000`, {
        headers: { authorization: `Bearer ${enrolled.token}` },
      })
    ).json()) as { events: unknown[]; cursor: string; more: boolean };
    pages += 1;
    total += response.events.length;
    cursor = response.cursor;
    if (!response.more) break;
  }
  const pullMs = performance.now() - pullStart;

  printTable(
    'Hub and device rates',
    ['measure', 'events', 'seconds', 'events/s'],
    [
      [
        'hub ingest into SQLite (500/transaction, FULL sync, no HTTP)',
        String(EVENTS),
        (ingestMs / 1_000).toFixed(2),
        (EVENTS / (ingestMs / 1_000)).toFixed(0),
      ],
      [
        `hub pull over HTTP (${pages} pages of ≤1,000)`,
        String(total),
        (pullMs / 1_000).toFixed(2),
        (total / (pullMs / 1_000)).toFixed(0),
      ],
      [
        'fresh device: pull + apply through reducers (Chromium)',
        String(pulled.events),
        (pulled.ms / 1_000).toFixed(2),
        (pulled.events / (pulled.ms / 1_000)).toFixed(0),
      ],
    ],
  );
} finally {
  await close();
}
