import { fromBase64Url, randomBytes, toBase64Url, utf8 } from './encoding';
import { IntegrityError } from './errors';

/** AES-256-GCM ciphertext with its 96-bit IV, both base64url. */
export type AeadBox = { iv: string; ct: string };

/**
 * Encrypts with a fresh random IV. `aad` (associated data) binds the ciphertext to where it
 * belongs — e.g. table, record id and schema version — so a box copied onto another record
 * fails to open instead of showing the wrong patient.
 */
export async function aeadEncrypt(
  key: CryptoKey,
  plaintext: Uint8Array<ArrayBuffer>,
  aad: string,
): Promise<AeadBox> {
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(aad) }, key, plaintext);
  return { iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) };
}

export async function aeadDecrypt(
  key: CryptoKey,
  box: AeadBox,
  aad: string,
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(box.iv), additionalData: utf8(aad) },
      key,
      fromBase64Url(box.ct),
    );
    return new Uint8Array(plaintext);
  } catch {
    throw new IntegrityError(aad);
  }
}

/** IV length of AES-GCM as Siaga uses it (96 bits, the size GCM is designed for). */
const IV_BYTES = 12;

/**
 * `aeadEncrypt` as one byte array, IV ‖ ciphertext: what IndexedDB stores as it is, a quarter
 * smaller than the same box as base64url text.
 */
export async function aeadSeal(
  key: CryptoKey,
  plaintext: Uint8Array<ArrayBuffer>,
  aad: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const iv = randomBytes(IV_BYTES);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(aad) }, key, plaintext);
  const sealed = new Uint8Array(IV_BYTES + ct.byteLength);
  sealed.set(iv);
  sealed.set(new Uint8Array(ct), IV_BYTES);
  return sealed;
}

export async function aeadOpen(
  key: CryptoKey,
  sealed: Uint8Array,
  aad: string,
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(0, IV_BYTES), additionalData: utf8(aad) },
      key,
      sealed.slice(IV_BYTES),
    );
    return new Uint8Array(plaintext);
  } catch {
    throw new IntegrityError(aad);
  }
}

export function importAesKey(
  raw: Uint8Array<ArrayBuffer>,
  usages: KeyUsage[] = ['encrypt', 'decrypt'],
): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, usages);
}
