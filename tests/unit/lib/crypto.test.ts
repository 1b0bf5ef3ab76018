import { describe, expect, it } from 'vitest';
import { aeadDecrypt, aeadEncrypt, importAesKey } from '@/lib/crypto/aead';
import { blindIndex } from '@/lib/crypto/blindIndex';
import { importDataKeys, newDataKeyMaterial } from '@/lib/crypto/dataKeys';
import { fromBase64Url, fromUtf8, randomBytes, toBase64Url, utf8 } from '@/lib/crypto/encoding';
import { IntegrityError, WrongPassphraseError } from '@/lib/crypto/errors';
import {
  derivePassphraseSecrets,
  newKdf,
  openWithPassphrase,
  sameVerifier,
  sealWithPassphrase,
} from '@/lib/crypto/passphrase';
import {
  exportPublicKey,
  generateSealingKeyPair,
  importPublicKey,
  openSealed,
  sealTo,
} from '@/lib/crypto/sealedBox';

/** Flips one bit of one byte of a base64url field. */
function flipped(field: string, at = 3): string {
  const bytes = fromBase64Url(field);
  bytes[at] = bytes[at]! ^ 0x01;
  return toBase64Url(bytes);
}

describe('crypto primitives (WebCrypto, as in the browser)', () => {
  it('round-trips base64url for every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    expect(toBase64Url(bytes)).not.toMatch(/[+/=]/);
  });

  it('encrypts with a fresh IV each time and opens only with the same associated data', async () => {
    const key = await importAesKey(randomBytes(32));
    const first = await aeadEncrypt(key, utf8('BUDI SANTOSO'), 'patients|p1|v1');
    const second = await aeadEncrypt(key, utf8('BUDI SANTOSO'), 'patients|p1|v1');
    expect(first.iv).not.toBe(second.iv);
    expect(first.ct).not.toBe(second.ct);
    expect(fromUtf8(await aeadDecrypt(key, first, 'patients|p1|v1'))).toBe('BUDI SANTOSO');
    // The same box moved onto another record does not open.
    await expect(aeadDecrypt(key, first, 'patients|p2|v1')).rejects.toBeInstanceOf(IntegrityError);
  });

  it('reports a changed ciphertext byte as an integrity error naming the place, not the content', async () => {
    const key = await importAesKey(randomBytes(32));
    const box = await aeadEncrypt(key, utf8('3171011708450003'), 'patients|p1|v1');
    const error = await aeadDecrypt(key, { ...box, ct: flipped(box.ct) }, 'patients|p1|v1').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toBe('Encrypted data failed its integrity check (patients|p1|v1).');
  });

  it('opens a passphrase box with the passphrase only', { timeout: 20_000 }, async () => {
    const secret = newDataKeyMaterial();
    const box = await sealWithPassphrase(secret, 'kuda lumping berlari', 'keyring|u1');
    expect(box.kdf).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: 600_000 });
    expect(await openWithPassphrase(box, 'kuda lumping berlari', 'keyring|u1')).toEqual(secret);
    await expect(openWithPassphrase(box, 'kuda lumping berlari!', 'keyring|u1')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await expect(
      openWithPassphrase({ ...box, ct: flipped(box.ct) }, 'kuda lumping berlari', 'keyring|u1'),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it(
    'derives a verifier that is stable, differs by salt, and is not the wrapping key',
    { timeout: 20_000 },
    async () => {
      const kdf = newKdf();
      const one = await derivePassphraseSecrets('kuda lumping berlari', kdf);
      const again = await derivePassphraseSecrets('kuda lumping berlari', kdf);
      const otherSalt = await derivePassphraseSecrets('kuda lumping berlari', newKdf());
      expect(sameVerifier(one.verifier, again.verifier)).toBe(true);
      expect(sameVerifier(one.verifier, otherSalt.verifier)).toBe(false);
      expect(one.wrappingKey.extractable).toBe(false);
      // A box sealed with the wrapping key does not open with the verifier used as a key.
      const box = await aeadEncrypt(one.wrappingKey, utf8('x'), 'a');
      const verifierAsKey = await importAesKey(fromBase64Url(one.verifier));
      await expect(aeadDecrypt(verifierAsKey, box, 'a')).rejects.toBeInstanceOf(IntegrityError);
    },
  );

  it('seals to a public key so only the private key opens it', async () => {
    const hub = await generateSealingKeyPair();
    const publicKey = await importPublicKey(await exportPublicKey(hub.publicKey));
    const box = await sealTo(publicKey, utf8('{"id":"e1"}'), 'event|e1');
    expect(fromUtf8(await openSealed(hub.privateKey, box, 'event|e1'))).toBe('{"id":"e1"}');
    await expect(openSealed(hub.privateKey, box, 'event|e2')).rejects.toBeInstanceOf(IntegrityError);
    const stranger = await generateSealingKeyPair();
    await expect(openSealed(stranger.privateKey, box, 'event|e1')).rejects.toBeInstanceOf(IntegrityError);
  });

  it('makes blind indexes that match equal values and depend on the device key', async () => {
    const keys = await importDataKeys(newDataKeyMaterial(), 1);
    const other = await importDataKeys(newDataKeyMaterial(), 1);
    const a = await blindIndex(keys.index, 'nik', '3171011708450003');
    expect(await blindIndex(keys.index, 'nik', '3171011708450003')).toBe(a);
    expect(await blindIndex(keys.index, 'mrn', '3171011708450003')).not.toBe(a);
    expect(await blindIndex(other.index, 'nik', '3171011708450003')).not.toBe(a);
    expect(a).toHaveLength(22);
  });
});
