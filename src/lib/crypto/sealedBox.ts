import { aeadDecrypt, aeadEncrypt, type AeadBox } from './aead';
import { fromBase64Url, toBase64Url, utf8 } from './encoding';

/**
 * ECIES on P-256: a fresh ephemeral key pair per box, ECDH with the recipient's public key, HKDF
 * to an AES-256-GCM key. Whoever holds only the public key (a device) can seal; only the
 * recipient (the hub) can open. Used so a locked device can still send its events, and to move
 * a device's data key to and from the hub without it ever crossing the network in the clear.
 */
export type SealedBox = { epk: string } & AeadBox;

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

export function generateSealingKeyPair(extractable = false): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ECDH, extractable, ['deriveBits']);
}

export async function exportPublicKey(key: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export function importPublicKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64Url(raw), ECDH, true, []);
}

async function boxKey(privateKey: CryptoKey, publicKey: CryptoKey, epk: string): Promise<CryptoKey> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: fromBase64Url(epk), info: utf8('siaga/sealed-box') },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealTo(
  recipient: CryptoKey,
  bytes: Uint8Array<ArrayBuffer>,
  aad: string,
): Promise<SealedBox> {
  const ephemeral = await generateSealingKeyPair();
  const epk = await exportPublicKey(ephemeral.publicKey);
  const key = await boxKey(ephemeral.privateKey, recipient, epk);
  return { epk, ...(await aeadEncrypt(key, bytes, aad)) };
}

/** Opens a box sealed to this private key; a wrong key or a changed box is `IntegrityError`. */
export async function openSealed(
  recipient: CryptoKey,
  box: SealedBox,
  aad: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await boxKey(recipient, await importPublicKey(box.epk), box.epk);
  return aeadDecrypt(key, box, aad);
}
