import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { afterEach } from 'vitest';
import type { DomainEvent } from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { openHubDatabase, type HubDatabase } from '../../../server/db/openHubDatabase';
import { eventAt } from '../domain/eventFactory';

export const silentLog = { info: () => {}, warn: () => {}, error: () => {} } as unknown as FastifyBaseLogger;

/** The recovery clerk's start of a target's delivery. */
export const deliveryStarted = (target: string): DomainEvent =>
  eventAt('delivery.started', uuidv7(), '13:00', { target });

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Hub databases on real SQLite files, and whatever else a test starts, closed after each test
 * in reverse order.
 */
export function useDeliveryTestKit() {
  let cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });
  return {
    afterTest: (step: () => Promise<void> | void) => cleanup.push(step),
    hubDatabase: (): HubDatabase => {
      const dir = mkdtempSync(join(tmpdir(), 'siaga-delivery-'));
      const db = openHubDatabase(join(dir, 'hub.sqlite'));
      // The devices' pushes arrive under an enrolled device (events reference it).
      db.prepare(
        `INSERT INTO devices (device_id, device_code, token_hash, enrolled_at) VALUES ('device', 'PD1', 'x', ?)`,
      ).run(new Date().toISOString());
      cleanup.push(() => {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      });
      return db;
    },
  };
}
