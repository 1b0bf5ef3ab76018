/**
 * The one place stored records are turned into bytes and back. Features never see it: every
 * table's patient-identifying content goes through `encode`, and every lookup key through
 * `lookupKey`, so that encryption at rest (AES-GCM bodies, HMAC blind indexes) replaces this
 * plain codec without touching any feature.
 */
export type CodecContext = { table: string; id: string };

export type Encoded = { codec: 'plain'; value: unknown };

export type StorageCodec = {
  encode: (value: unknown, context: CodecContext) => Promise<Encoded>;
  decode: (encoded: Encoded, context: CodecContext) => Promise<unknown>;
  /** An exact-match index key for a value such as an MRN, a NIK or a name token. */
  lookupKey: (kind: string, value: string) => Promise<string>;
};

export const plainCodec: StorageCodec = {
  encode: (value) => Promise.resolve({ codec: 'plain', value: structuredClone(value) }),
  decode: (encoded) =>
    encoded.codec === 'plain'
      ? Promise.resolve(encoded.value)
      : Promise.reject(new Error(`unsupported codec ${String(encoded.codec)}`)),
  lookupKey: (kind, value) => Promise.resolve(`${kind}:${value}`),
};

let activeCodec: StorageCodec = plainCodec;

export function getCodec(): StorageCodec {
  return activeCodec;
}

/** Installed by the security layer once a user has unlocked the device's data key. */
export function setCodec(codec: StorageCodec): void {
  activeCodec = codec;
}
