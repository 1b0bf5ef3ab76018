import { aeadDecrypt, aeadEncrypt } from '@/lib/crypto/aead';
import { IntegrityError } from '@/lib/crypto/errors';
import { blindIndex } from '@/lib/crypto/blindIndex';
import type { DataKeys } from '@/lib/crypto/dataKeys';
import { fromUtf8, utf8 } from '@/lib/crypto/encoding';
import { plainCodec, type CodecContext, type Encoded, type StorageCodec } from './codec';

/** The layout of an encrypted record; part of the associated data, so a change is detectable. */
const RECORD_FORMAT = 1;

/** Table, record id, key version and record format: a box only opens where it was written. */
const associatedData = (context: CodecContext, keyVersion: number) =>
  `${context.table}|${context.id}|k${keyVersion}|f${RECORD_FORMAT}`;

/**
 * AES-256-GCM for every record body (a fresh IV each time), keyed HMAC for lookup keys. A row
 * still in the clear (written before this device had keys) decodes as before while
 * `acceptsPlain()` says so, i.e. until `encryptAtRest` has rewritten them all; after that a plain
 * body is an attack (an encrypted body swapped for a forged one) and fails like a changed byte:
 * an `IntegrityError`, never garbage.
 */
export function encryptedCodec(keys: DataKeys, acceptsPlain: () => boolean = () => false): StorageCodec {
  return {
    encode: async (value, context) => ({
      codec: 'aes-gcm',
      k: keys.version,
      ...(await aeadEncrypt(
        keys.encryption,
        utf8(JSON.stringify(value)),
        associatedData(context, keys.version),
      )),
    }),
    decode: async (encoded: Encoded, context) => {
      if (encoded.codec === 'plain') {
        if (!acceptsPlain()) throw new IntegrityError(`${context.table}|${context.id}|plain`);
        return plainCodec.decode(encoded, context);
      }
      const plaintext = await aeadDecrypt(keys.encryption, encoded, associatedData(context, encoded.k));
      return JSON.parse(fromUtf8(plaintext)) as unknown;
    },
    lookupKey: (kind, value) => blindIndex(keys.index, kind, value),
  };
}
