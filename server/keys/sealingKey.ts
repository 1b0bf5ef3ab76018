import { exportPublicKey, generateSealingKeyPair } from '@/lib/crypto/sealedBox';
import type { HubDatabase } from '../db/openHubDatabase';

export type HubSealingKey = { privateKey: CryptoKey; publicKey: string };

const META_KEY = 'sealing_private_jwk';
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

/**
 * The hub's P-256 key pair [P20]: devices seal events and their data keys to its public half.
 * Made at the first start and kept in the hub's database (back it up with the database; a new
 * key would leave sealed events unreadable).
 */
export async function loadSealingKey(db: HubDatabase): Promise<HubSealingKey> {
  const stored = db
    .prepare<[string], { value: string }>('SELECT value FROM hub_meta WHERE key = ?')
    .get(META_KEY);
  let jwk: JsonWebKey;
  if (stored) {
    jwk = JSON.parse(stored.value) as JsonWebKey;
  } else {
    const pair = await generateSealingKeyPair(true);
    jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    db.prepare('INSERT INTO hub_meta (key, value) VALUES (?, ?)').run(META_KEY, JSON.stringify(jwk));
  }
  const privateKey = await crypto.subtle.importKey('jwk', jwk, ECDH, false, ['deriveBits']);
  const { d: _private, ...publicJwk } = jwk;
  const publicKey = await crypto.subtle.importKey('jwk', { ...publicJwk, key_ops: [] }, ECDH, true, []);
  return { privateKey, publicKey: await exportPublicKey(publicKey) };
}
