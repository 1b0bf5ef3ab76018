import { aeadDecrypt, aeadOpen, aeadSeal } from '@/lib/crypto/aead';
import { IntegrityError } from '@/lib/crypto/errors';
import { blindIndex } from '@/lib/crypto/blindIndex';
import type { DataKeys } from '@/lib/crypto/dataKeys';
import { fromUtf8, utf8 } from '@/lib/crypto/encoding';
import { plainCodec, type CodecContext, type Encoded, type StorageCodec } from './codec';

/**
 * The layout an encrypted record is written in; part of the associated data, so a record cannot
 * be passed off as another format. 1: base64url text (still read); 2: bytes (written since issue 16).
 */
const RECORD_FORMAT = 2;

/** Table, record id, key version and record format: a box only opens where it was written. */
const associatedData = (context: CodecContext, keyVersion: number, format: number) =>
  `${context.table}|${context.id}|k${keyVersion}|f${format}`;

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
      f: RECORD_FORMAT,
      bytes: await aeadSeal(
        keys.encryption,
        utf8(JSON.stringify(value)),
        associatedData(context, keys.version, RECORD_FORMAT),
      ),
    }),
    decode: async (encoded: Encoded, context) => {
      if (encoded.codec === 'plain') {
        if (!acceptsPlain()) throw new IntegrityError(`${context.table}|${context.id}|plain`);
        return plainCodec.decode(encoded, context);
      }
      const plaintext =
        'bytes' in encoded
          ? await aeadOpen(keys.encryption, encoded.bytes, associatedData(context, encoded.k, encoded.f))
          : await aeadDecrypt(keys.encryption, encoded, associatedData(context, encoded.k, 1));
      return JSON.parse(fromUtf8(plaintext)) as unknown;
    },
    lookupKey: (kind, value) => blindIndex(keys.index, kind, value),
  };
}
