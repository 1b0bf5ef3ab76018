import { err, ok, type Result } from '@/lib/result';
import {
  getCodec,
  loadDeviceIdentity,
  loadHubCredentials,
  saveHubCredentials,
  savePullCursor,
  sealPendingEvents,
  TOKEN_CONTEXT,
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
  const device = await loadDeviceIdentity(db);
  if (!device) return err('deviceNotSetUp');
  const answer = await enrollWithHub(
    { ...call, now: call.now ?? (() => Date.now()) },
    { code: code.trim(), deviceId: device.deviceId, deviceCode: device.deviceCode },
  );
  if (!answer.ok) return err(enrollFailureOf(answer.error));
  const { body } = answer.value;
  const previous = await loadHubCredentials(db);
  if (previous && previous.hubId !== body.hubId) await savePullCursor(db, '');
  const codec = getCodec();
  await saveHubCredentials(db, {
    token: await codec.encode(body.token, TOKEN_CONTEXT),
    pushToken: body.pushToken,
    hubPublicKey: body.hubPublicKey,
    hubId: body.hubId,
    deviceCode: body.deviceCode,
    enrolledAt: new Date().toISOString(),
  });
  // Events made before enrollment can now be sealed for sending while locked [P20].
  await sealPendingEvents(db, codec);
  return ok({ deviceCode: body.deviceCode });
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
