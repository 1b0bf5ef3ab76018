import { err, ok, type Result } from '@/lib/result';
import {
  loadDeviceSetup,
  loadHubCredentials,
  saveHubCredentials,
  savePullCursor,
  type SiagaDb,
} from '@/storage';
import { enrollWithHub, type HubCall, type HubFailure } from './hubClient';
import { browserRuntime } from './runtime';

export type EnrollFailure =
  'deviceNotSetUp' | 'codeInvalid' | 'deviceCodeTaken' | 'hubUnreachable' | 'hubError';

/**
 * Enrolls this device with the hub using the code from the hub's console [P1, P2] and keeps the
 * token. A different hub store than before means a fresh pull from the beginning.
 */
export async function enrollDevice(
  db: SiagaDb,
  code: string,
  call: Omit<HubCall, 'now'> & { now?: () => number },
): Promise<Result<{ deviceCode: string }, EnrollFailure>> {
  const setup = await loadDeviceSetup(db);
  if (!setup) return err('deviceNotSetUp');
  const answer = await enrollWithHub(
    { ...call, now: call.now ?? (() => Date.now()) },
    { code: code.trim(), deviceId: setup.device.deviceId, deviceCode: setup.device.deviceCode },
  );
  if (!answer.ok) return err(enrollFailureOf(answer.error));
  const previous = await loadHubCredentials(db);
  if (previous && previous.hubId !== answer.value.body.hubId) await savePullCursor(db, '');
  await saveHubCredentials(db, {
    token: answer.value.body.token,
    hubId: answer.value.body.hubId,
    deviceCode: answer.value.body.deviceCode,
    enrolledAt: new Date().toISOString(),
  });
  return ok({ deviceCode: answer.value.body.deviceCode });
}

function enrollFailureOf(failure: HubFailure): EnrollFailure {
  if (failure.kind === 'enrollment')
    return failure.code === 'device_code_taken' ? 'deviceCodeTaken' : 'codeInvalid';
  if (failure.kind === 'retry') return 'hubUnreachable';
  return 'hubError';
}

/** Enrollment from the browser, against the hub URL the device uses now. */
export function enrollDeviceInBrowser(db: SiagaDb, code: string, hubUrl: string) {
  return enrollDevice(db, code, { hubUrl, ...browserRuntime() });
}
