import { err, ok, type Result } from '@/lib/result';
import {
  exportPublicKey,
  generateSealingKeyPair,
  importPublicKey,
  openSealed,
  sealTo,
} from '@/lib/crypto/sealedBox';
import { hubTokens, loadDeviceIdentity, loadHubCredentials, type SiagaDb } from '@/storage';
import { escrowAad, releaseAad, type KeyReleaseResponse } from '@/domain';
import { escrowWithHub, releaseFromHub, type HubCall } from './hubClient';

/**
 * Leaves the device's data key with the hub, sealed to the hub's public key [P22]: it never
 * crosses the network readable. Needs the device's full token (so: signed in).
 */
export async function escrowDataKey(
  db: SiagaDb,
  call: HubCall,
  rawKey: Uint8Array<ArrayBuffer>,
): Promise<Result<{ hubId: string }, 'notEnrolled' | 'failed'>> {
  const [credentials, device, tokens] = await Promise.all([
    loadHubCredentials(db),
    loadDeviceIdentity(db),
    hubTokens(db),
  ]);
  if (!credentials?.hubPublicKey || !device || !tokens?.pull) return err('notEnrolled');
  const sealed = await sealTo(
    await importPublicKey(credentials.hubPublicKey),
    rawKey,
    escrowAad(device.deviceId),
  );
  const answer = await escrowWithHub(call, tokens.pull, sealed);
  return answer.ok ? ok({ hubId: credentials.hubId }) : err('failed');
}

export type ReleaseFailure =
  'notEnrolled' | 'hubUnreachable' | 'wrongPassphrase' | 'tooManyAttempts' | 'notEscrowed' | 'failed';

/**
 * A colleague's first sign-in on this device [P22]: the hub checks the passphrase against the
 * account and answers with the device's data key sealed to a one-time key made here.
 */
export async function releaseDataKey(
  db: SiagaDb,
  call: HubCall,
  username: string,
  passphrase: string,
): Promise<
  Result<
    {
      user: KeyReleaseResponse['user'];
      rawKey: Uint8Array<ArrayBuffer>;
      signing?: NonNullable<KeyReleaseResponse['signing']>;
    },
    { failure: ReleaseFailure; retryAfterMs?: number }
  >
> {
  const [device, tokens] = await Promise.all([loadDeviceIdentity(db), hubTokens(db)]);
  // The push token suffices: the passphrase is the gate, and the hub limits guesses.
  const token = tokens?.pull ?? tokens?.push;
  if (!device || !token) return err({ failure: 'notEnrolled' });
  const oneTime = await generateSealingKeyPair();
  const answer = await releaseFromHub(call, token, {
    username,
    passphrase,
    devicePublicKey: await exportPublicKey(oneTime.publicKey),
  });
  if (!answer.ok) {
    const failure = answer.error;
    if (failure.kind === 'auth' && failure.code === 'sign_in_failed')
      return err({ failure: 'wrongPassphrase' });
    if (failure.kind === 'retry' && failure.status === 429)
      return err({
        failure: 'tooManyAttempts',
        ...(failure.retryAfterMs ? { retryAfterMs: failure.retryAfterMs } : {}),
      });
    if (failure.kind === 'retry') return err({ failure: 'hubUnreachable' });
    if (failure.kind === 'protocol' && failure.code === 'key_not_escrowed')
      return err({ failure: 'notEscrowed' });
    return err({ failure: 'failed' });
  }
  const { user, sealed, signing } = answer.value.body;
  const rawKey = await openSealed(oneTime.privateKey, sealed, releaseAad(device.deviceId, user.userId)).catch(
    () => undefined,
  );
  return rawKey ? ok({ user, rawKey, ...(signing ? { signing } : {}) }) : err({ failure: 'failed' });
}
