import { importAesKey } from './aead';
import { importMacKey } from './blindIndex';
import { randomBytes } from './encoding';

/**
 * A device's data key: 32 bytes for AES-GCM (records), 32 for HMAC (blind indexes). Made once per
 * device; its raw bytes exist only while being wrapped or unwrapped, then the non-extractable
 * keys below are all that stays in memory.
 */
export const DATA_KEY_BYTES = 64;

export type DataKeys = { version: number; encryption: CryptoKey; index: CryptoKey };

export function newDataKeyMaterial(): Uint8Array<ArrayBuffer> {
  return randomBytes(DATA_KEY_BYTES);
}

export async function importDataKeys(raw: Uint8Array<ArrayBuffer>, version: number): Promise<DataKeys> {
  if (raw.length !== DATA_KEY_BYTES) throw new Error('A data key is 64 bytes.');
  return {
    version,
    encryption: await importAesKey(raw.slice(0, 32)),
    index: await importMacKey(raw.slice(32)),
  };
}
