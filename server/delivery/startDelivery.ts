import { join, dirname } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { RuntimeConfig } from '@/domain';
import type { HubDatabase } from '../db/openHubDatabase';
import { createSimrsSimulator, type SimrsSimulator } from '../simrsSimulator/simrsSimulator';
import { ensureDeliveryFile, readDeliveryFile, type DeliveryFile } from './deliveryConfig';
import { startDeliveryWorker, type DeliveryWorker } from './deliveryWorker';
import { fhirR4Adapter } from './fhirR4Adapter';
import { simrsRestAdapter } from './simrsRestAdapter';
import { visitsFor } from './targetVisits';

/** What start-up logs before the hub's own logger exists. */
export type BootLog = {
  warn: (data: Record<string, unknown>, message: string) => void;
  error: (data: Record<string, unknown>, message: string) => void;
};

/**
 * Reads `delivery.json` (writing the demo one when there is none). An unreadable file leaves the
 * hub without targets rather than down: during an outage, capture matters more than delivery.
 */
export function loadDeliveryFile(path: string, log: BootLog): DeliveryFile {
  if (ensureDeliveryFile(path) === 'created')
    log.warn({ deliveryPath: path }, 'no delivery.json found: wrote the demo one (the SIMRS SIMULATOR)');
  const file = readDeliveryFile(path);
  if (file.ok) return file.value;
  log.error(
    { deliveryPath: path, problem: file.error },
    'delivery.json is invalid: nothing will be delivered',
  );
  return { targets: [] };
}

/** The demo's SIMRS simulator, on its own SQLite file beside the hub's. */
export async function startSimulator(
  file: DeliveryFile,
  deliveryPath: string,
  log: BootLog,
): Promise<SimrsSimulator | undefined> {
  if (!file.simulator) return undefined;
  const simulator = createSimrsSimulator({
    dbFile: join(dirname(deliveryPath), 'simrs-simulator.sqlite'),
    token: file.simulator.token,
  });
  try {
    await simulator.app.listen({ port: file.simulator.port, host: '127.0.0.1' });
    if (file.simulator.down) simulator.setDown(true);
    log.warn({ port: file.simulator.port }, 'SIMRS SIMULATOR running (demo only: not a SIMRS)');
    return simulator;
  } catch (error) {
    log.error({ err: error, port: file.simulator.port }, 'the SIMRS simulator could not start');
    await simulator.close();
    return undefined;
  }
}

export function startDeliveryFor(
  file: DeliveryFile,
  deps: { db: HubDatabase; config: () => RuntimeConfig | undefined; log: FastifyBaseLogger },
): DeliveryWorker {
  return startDeliveryWorker({
    ...deps,
    targets: file.targets.map((target) => ({
      name: target.name,
      adapter: target.adapter === 'fhir-r4' ? fhirR4Adapter(target) : simrsRestAdapter(target),
      select: (planned) => visitsFor(target, planned),
    })),
  });
}
