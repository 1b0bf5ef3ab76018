import { fromBase64Url, toBase64Url } from './encoding';

/**
 * ECDSA P-256 with SHA-256, native WebCrypto in the browser and in Node: a person's (or a
 * device's) proof of having made an event. Public keys travel as raw points (base64url, 87
 * characters); signatures as the 64-byte IEEE P1363 form WebCrypto produces (86 characters).
 */
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export function generateSigningKeyPair(extractable = true): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ECDSA, extractable, ['sign', 'verify']);
}

export async function exportSigningPublicKey(key: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

/** The private half as PKCS#8 bytes, to be wrapped under a passphrase; wipe them after. */
export async function exportSigningPrivateKey(key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.exportKey('pkcs8', key));
}

/** A private key from its PKCS#8 bytes, no longer extractable: it can sign, never leave. */
export function importSigningPrivateKey(pkcs8: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', pkcs8, ECDSA, false, ['sign']);
}

/** A key's short name in signatures: SHA-256 of the raw public key, base64url (43 characters). */
export async function signingKeyId(publicKey: string): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', fromBase64Url(publicKey))));
}

export async function signBytes(privateKey: CryptoKey, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.sign(SIGN, privateKey, bytes)));
}

const imported = new Map<string, Promise<CryptoKey>>();

/** Public keys are imported once and kept: a hub verifies thousands of events by a few dozen keys. */
function publicKeyOf(raw: string): Promise<CryptoKey> {
  let key = imported.get(raw);
  if (!key) {
    key = crypto.subtle.importKey('raw', fromBase64Url(raw), ECDSA, false, ['verify']);
    imported.set(raw, key);
    key.catch(() => imported.delete(raw));
  }
  return key;
}

/** Whether `signature` is `publicKey`'s over `bytes`; malformed keys or signatures are simply false. */
export async function verifyBytes(
  publicKey: string,
  bytes: Uint8Array<ArrayBuffer>,
  signature: string,
): Promise<boolean> {
  try {
    return await crypto.subtle.verify(SIGN, await publicKeyOf(publicKey), fromBase64Url(signature), bytes);
  } catch {
    return false;
  }
}
