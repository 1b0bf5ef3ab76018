import { type CaptureContext } from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { err, ok, type Result } from '@/lib/result';
import type { SiagaDb } from './db';
import { loadDeviceSetup } from './deviceSetup';
import { loadStoredRuntimeConfig } from './runtimeConfigStore';
import { loadClockOffset } from './syncStore';

export type CaptureContextError = 'deviceNotSetUp' | 'configMissing';

/** Who is capturing, on which device, under which configuration, at what time. */
export async function loadCaptureContext(
  db: SiagaDb,
  now: Date,
): Promise<Result<CaptureContext, CaptureContextError>> {
  const [setup, stored, clock] = await Promise.all([
    loadDeviceSetup(db),
    loadStoredRuntimeConfig(db),
    loadClockOffset(db),
  ]);
  if (!setup) return err('deviceNotSetUp');
  if (!stored) return err('configMissing');
  return ok({
    deviceId: setup.device.deviceId,
    deviceCode: setup.device.deviceCode,
    actor: setup.user,
    config: stored.config,
    now,
    // The offset known at capture travels with every event; occurredAt itself is never adjusted.
    clock: clock
      ? { offsetMs: clock.offsetMs, measuredAt: clock.measuredAt }
      : { offsetMs: null, measuredAt: null },
    newId: () => uuidv7(now.getTime()),
  });
}
