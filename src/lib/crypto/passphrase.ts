import { aeadDecrypt, aeadEncrypt, importAesKey, type AeadBox } from './aead';
import { fromBase64Url, randomBytes, toBase64Url, utf8, wipe } from './encoding';
import { IntegrityError, WrongPassphraseError } from './errors';

/**
 * PBKDF2-SHA256 at 600,000 iterations (OWASP 2023). Measured in this machine's Chromium: ~0.1 s
 * (Argon2id 19 MiB/t=2 via WebAssembly: ~0.06 s; 64 MiB/t=3: ~0.25 s). PBKDF2 is native WebCrypto
 * in the browser and in Node, needs no WebAssembly (the CSP stays without 'wasm-unsafe-eval') and
 * no worker. The parameters are stored with every box, so they can be raised later.
 */
export const PASSPHRASE_ITERATIONS = 600_000;

export type PassphraseKdf = { algorithm: 'PBKDF2-SHA256'; iterations: number; salt: string };

/** What one passphrase derivation yields: a key to wrap with, and a verifier for the hub. */
export type PassphraseSecrets = { wrappingKey: CryptoKey; verifier: string };

export function newKdf(iterations = PASSPHRASE_ITERATIONS): PassphraseKdf {
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64Url(randomBytes(16)) };
}

/**
 * One slow derivation, then two independent outputs (HKDF): knowing the verifier (kept by the
 * hub to check sign-ins) does not give the wrapping key (kept by no one).
 */
export async function derivePassphraseSecrets(
  passphrase: string,
  kdf: PassphraseKdf,
): Promise<PassphraseSecrets> {
  const base = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFKC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const master = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64Url(kdf.salt), iterations: kdf.iterations },
      base,
      256,
    ),
  );
  const hkdf = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveBits']);
  wipe(master);
  const expand = async (label: string) =>
    new Uint8Array(
      await crypto.subtle.deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(label) },
        hkdf,
        256,
      ),
    );
  const wrapping = await expand('siaga/wrapping-key');
  const verifier = await expand('siaga/verifier');
  const wrappingKey = await importAesKey(wrapping);
  wipe(wrapping);
  return { wrappingKey, verifier: toBase64Url(verifier) };
}

/** Bytes protected by a passphrase: its KDF parameters and the AES-GCM box. */
export type PassphraseBox = { kdf: PassphraseKdf } & AeadBox;

export async function sealWithKey(
  secrets: PassphraseSecrets,
  kdf: PassphraseKdf,
  bytes: Uint8Array<ArrayBuffer>,
  aad: string,
): Promise<PassphraseBox> {
  return { kdf, ...(await aeadEncrypt(secrets.wrappingKey, bytes, aad)) };
}

export async function sealWithPassphrase(
  bytes: Uint8Array<ArrayBuffer>,
  passphrase: string,
  aad: string,
  kdf: PassphraseKdf = newKdf(),
): Promise<PassphraseBox> {
  return sealWithKey(await derivePassphraseSecrets(passphrase, kdf), kdf, bytes, aad);
}

/** Opens a passphrase box; a wrong passphrase (or a changed box) is `WrongPassphraseError`. */
export async function openWithPassphrase(
  box: PassphraseBox,
  passphrase: string,
  aad: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const { wrappingKey } = await derivePassphraseSecrets(passphrase, box.kdf);
  try {
    return await aeadDecrypt(wrappingKey, box, aad);
  } catch (error) {
    if (error instanceof IntegrityError) throw new WrongPassphraseError();
    throw error;
  }
}

/** Constant-time comparison of two verifiers (base64url strings of equal length). */
export function sameVerifier(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}
