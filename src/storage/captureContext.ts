import { type CaptureContext } from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { err, ok, type Result } from '@/lib/result';
import type { SiagaDb } from './db';
import { currentActor } from './access';
import { loadDeviceIdentity } from './deviceSetup';
import { loadStoredRuntimeConfig } from './runtimeConfigStore';
import { loadClockOffset } from './syncStore';

export type CaptureContextError = 'deviceNotSetUp' | 'notSignedIn' | 'configMissing';

/** Who is capturing, on which device, under which configuration, at what time. */
export async function loadCaptureContext(
  db: SiagaDb,
  now: Date,
): Promise<Result<CaptureContext, CaptureContextError>> {
  const [device, stored, clock] = await Promise.all([
    loadDeviceIdentity(db),
    loadStoredRuntimeConfig(db),
    loadClockOffset(db),
  ]);
  const actor = currentActor(db);
  if (!device) return err('deviceNotSetUp');
  if (!actor) return err('notSignedIn');
  if (!stored) return err('configMissing');
  return ok({
    deviceId: device.deviceId,
    deviceCode: device.deviceCode,
    actor,
    config: stored.config,
    now,
    // The offset known at capture travels with every event; occurredAt itself is never adjusted.
    clock: clock
      ? { offsetMs: clock.offsetMs, measuredAt: clock.measuredAt }
      : { offsetMs: null, measuredAt: null },
    newId: () => uuidv7(now.getTime()),
  });
}
