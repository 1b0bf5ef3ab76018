import { aeadDecrypt, aeadEncrypt, type AeadBox } from '@/lib/crypto/aead';
import { wipe } from '@/lib/crypto/encoding';
import { IntegrityError, WrongPassphraseError } from '@/lib/crypto/errors';
import type { PassphraseBox, PassphraseKdf, PassphraseSecrets } from '@/lib/crypto/passphrase';
import {
  exportSigningPrivateKey,
  exportSigningPublicKey,
  generateSigningKeyPair,
  importSigningPrivateKey,
  signingKeyId,
} from '@/lib/crypto/signing';
import type { Signer } from '@/storage';

/** Associated data: a person's key box opens only as that person's, a device's only as its own. */
export const personKeyAad = (userId: string) => `signing|${userId}`;
export const deviceKeyAad = (deviceId: string) => `device-signing|${deviceId}`;

/**
 * A new signing key pair for a person (decision 0010): the public half for their account event,
 * the private half AES-GCM under the wrapping key of their passphrase — the same box goes to this
 * device's key ring and, inside the account's secrets, to the hub for their first sign-in
 * elsewhere [P34]. The private key is never stored in the clear.
 */
export async function newPersonKey(
  secrets: PassphraseSecrets,
  kdf: PassphraseKdf,
  userId: string,
): Promise<{ publicKey: string; box: PassphraseBox; signer: Signer }> {
  const pair = await generateSigningKeyPair(true);
  const pkcs8 = await exportSigningPrivateKey(pair.privateKey);
  try {
    const publicKey = await exportSigningPublicKey(pair.publicKey);
    const box: PassphraseBox = {
      kdf,
      ...(await aeadEncrypt(secrets.wrappingKey, pkcs8, personKeyAad(userId))),
    };
    return {
      publicKey,
      box,
      signer: { keyId: await signingKeyId(publicKey), privateKey: await importSigningPrivateKey(pkcs8) },
    };
  } finally {
    wipe(pkcs8);
  }
}

/** The person's key from its box, opened with their derived secrets; a wrong passphrase is `WrongPassphraseError`. */
export async function openPersonKey(
  secrets: PassphraseSecrets,
  box: AeadBox,
  userId: string,
  publicKey: string,
): Promise<Signer> {
  let pkcs8: Uint8Array<ArrayBuffer>;
  try {
    pkcs8 = await aeadDecrypt(secrets.wrappingKey, box, personKeyAad(userId));
  } catch (error) {
    if (error instanceof IntegrityError) throw new WrongPassphraseError();
    throw error;
  }
  try {
    const privateKey = await importSigningPrivateKey(pkcs8);
    return { keyId: await signingKeyId(publicKey), privateKey };
  } finally {
    wipe(pkcs8);
  }
}

/** A device's key ring entry: its public key and its private key under the device's data key. */
export type DeviceKeyEntry = { publicKey: string; box: AeadBox };

/** A new key for this device [P33], kept under its data key: usable whenever someone is signed in. */
export async function newDeviceKey(
  encryption: CryptoKey,
  deviceId: string,
): Promise<{ entry: DeviceKeyEntry; signer: Signer }> {
  const pair = await generateSigningKeyPair(true);
  const pkcs8 = await exportSigningPrivateKey(pair.privateKey);
  try {
    const publicKey = await exportSigningPublicKey(pair.publicKey);
    return {
      entry: { publicKey, box: await aeadEncrypt(encryption, pkcs8, deviceKeyAad(deviceId)) },
      signer: { keyId: await signingKeyId(publicKey), privateKey: await importSigningPrivateKey(pkcs8) },
    };
  } finally {
    wipe(pkcs8);
  }
}

export async function openDeviceKey(
  encryption: CryptoKey,
  entry: DeviceKeyEntry,
  deviceId: string,
): Promise<Signer> {
  const pkcs8 = await aeadDecrypt(encryption, entry.box, deviceKeyAad(deviceId));
  try {
    return { keyId: await signingKeyId(entry.publicKey), privateKey: await importSigningPrivateKey(pkcs8) };
  } finally {
    wipe(pkcs8);
  }
}
