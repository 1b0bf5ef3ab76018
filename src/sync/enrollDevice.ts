import { err, ok, type Result } from '@/lib/result';
import {
  getCodec,
  loadDeviceIdentity,
  loadKeyring,
  loadHubCredentials,
  saveHubCredentials,
  savePullCursor,
  sealPendingEvents,
  TOKEN_CONTEXT,
  type SiagaDb,
} from '@/storage';
import { escrowAad, type EnrollResponse } from '@/domain';
import { importPublicKey, sealTo } from '@/lib/crypto/sealedBox';
import { enrollWithHub, escrowWithHub, type HubCall, type HubFailure } from './hubClient';
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
  const signingKey = (await loadKeyring(db))?.device?.publicKey;
  const answer = await enrollWithHub(
    { ...call, now: call.now ?? (() => Date.now()) },
    {
      code: code.trim(),
      deviceId: device.deviceId,
      deviceCode: device.deviceCode,
      ...(signingKey ? { signingKey } : {}),
    },
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

/**
 * The first step of a new device joining the hospital's hub [P1, P22]: enroll with IT's code,
 * then leave the device's new data key with the hub (sealed to its key) — before anything is
 * stored here, so a device whose key the hub does not hold can never exist. What the hub answered
 * comes back for the session to store under that key; then a colleague signs in with an existing
 * account and the hub releases the key to them.
 */
export async function joinHub(
  db: SiagaDb,
  code: string,
  rawKey: Uint8Array<ArrayBuffer>,
  signingKey: string,
  call: HubCall,
): Promise<Result<EnrollResponse, EnrollFailure>> {
  const device = await loadDeviceIdentity(db);
  if (!device) return err('deviceNotSetUp');
  const answer = await enrollWithHub(call, {
    code: code.trim(),
    deviceId: device.deviceId,
    deviceCode: device.deviceCode,
    signingKey,
  });
  if (!answer.ok) return err(enrollFailureOf(answer.error));
  const { body } = answer.value;
  const sealed = await sealTo(await importPublicKey(body.hubPublicKey), rawKey, escrowAad(device.deviceId));
  const escrowed = await escrowWithHub(call, body.token, sealed);
  return escrowed.ok ? ok(body) : err(enrollFailureOf(escrowed.error));
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
