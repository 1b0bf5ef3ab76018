/**
 * The one place stored records are turned into bytes and back. Features never see it: every
 * table's patient-identifying content goes through `encode`, and every lookup key through
 * `lookupKey`. On a device the codec is AES-GCM with HMAC blind indexes (`encryptedCodec.ts`),
 * installed at sign-in and replaced by `lockedCodec` at lock; the plain codec serves tests and
 * reads rows written before encryption existed, until they are re-encrypted.
 */
export type CodecContext = { table: string; id: string };

export type Encoded =
  | { codec: 'plain'; value: unknown }
  /** Record format 1: IV and ciphertext as base64url text (written before issue 16, still read). */
  | { codec: 'aes-gcm'; /** key version */ k: number; iv: string; ct: string }
  /** Record format 2: IV ‖ ciphertext as bytes, a quarter smaller. */
  | { codec: 'aes-gcm'; k: number; f: 2; bytes: Uint8Array<ArrayBuffer> };

export type StorageCodec = {
  encode: (value: unknown, context: CodecContext) => Promise<Encoded>;
  decode: (encoded: Encoded, context: CodecContext) => Promise<unknown>;
  /** An exact-match index key for a value such as an MRN, a NIK or a name token. */
  lookupKey: (kind: string, value: string) => Promise<string>;
};

/** Thrown by every codec call while no one is signed in: nothing can be read or written. */
export class DeviceLockedError extends Error {
  override readonly name = 'DeviceLockedError';
  constructor() {
    super('The device is locked.');
  }
}

export const plainCodec: StorageCodec = {
  encode: (value) => Promise.resolve({ codec: 'plain', value: structuredClone(value) }),
  decode: (encoded) =>
    encoded.codec === 'plain'
      ? Promise.resolve(encoded.value)
      : Promise.reject(new Error(`unsupported codec ${encoded.codec}`)),
  lookupKey: (kind, value) => Promise.resolve(`${kind}:${value}`),
};

export const lockedCodec: StorageCodec = {
  encode: () => Promise.reject(new DeviceLockedError()),
  decode: () => Promise.reject(new DeviceLockedError()),
  lookupKey: () => Promise.reject(new DeviceLockedError()),
};

let activeCodec: StorageCodec = plainCodec;

export function getCodec(): StorageCodec {
  return activeCodec;
}

/** Installed by the session: the encrypted codec at sign-in, `lockedCodec` at lock. */
export function setCodec(codec: StorageCodec): void {
  activeCodec = codec;
}

export function isLocked(): boolean {
  return activeCodec === lockedCodec;
}
