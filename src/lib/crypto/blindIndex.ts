import { toBase64Url, utf8 } from './encoding';

export function importMacKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/**
 * A keyed HMAC "blind index": equal inputs give equal keys, so an exact lookup (MRN, NIK, name
 * word + birth date) works on an index that reveals nothing without the device's key. Truncated
 * to 128 bits: plenty against collisions among a hospital's patients.
 */
export async function blindIndex(macKey: CryptoKey, kind: string, value: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', macKey, utf8(`${kind}\u0000${value}`));
  return toBase64Url(new Uint8Array(mac, 0, 16));
}
