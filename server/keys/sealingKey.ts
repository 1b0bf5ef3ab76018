import { aeadDecrypt, aeadEncrypt, type AeadBox } from '@/lib/crypto/aead';
import { fromUtf8, utf8 } from '@/lib/crypto/encoding';
import { exportPublicKey, generateSealingKeyPair } from '@/lib/crypto/sealedBox';
import { readHubId, type HubDatabase } from '../db/openHubDatabase';

export type HubSealingKey = { privateKey: CryptoKey; publicKey: string };

/** Where hubs before decision 0011 kept the private key, in the clear. */
const CLEAR_META_KEY = 'sealing_private_jwk';
/** The private key as a JWK, AES-256-GCM under the hub's key-encryption key. */
const WRAPPED_META_KEY = 'sealing_private_wrapped';
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

type WrappedKey = { v: 1 } & AeadBox;

/** Bound to this hub store: a wrapped key copied into another store does not open there. */
const wrapAad = (hubId: string) => `hub-sealing-key|${hubId}`;

const readMeta = (db: HubDatabase, key: string) =>
  db.prepare<[string], { value: string }>('SELECT value FROM hub_meta WHERE key = ?').get(key)?.value;

/** Whether this database's sealing key is already wrapped under a key-encryption key. */
export function hasWrappedSealingKey(db: HubDatabase): boolean {
  return readMeta(db, WRAPPED_META_KEY) !== undefined;
}

async function wrap(jwk: JsonWebKey, kek: CryptoKey, hubId: string): Promise<string> {
  const box = await aeadEncrypt(kek, utf8(JSON.stringify(jwk)), wrapAad(hubId));
  return JSON.stringify({ v: 1, ...box } satisfies WrappedKey);
}

async function unwrap(stored: string, kek: CryptoKey, hubId: string): Promise<JsonWebKey> {
  try {
    const box = JSON.parse(stored) as WrappedKey;
    return JSON.parse(fromUtf8(await aeadDecrypt(kek, box, wrapAad(hubId)))) as JsonWebKey;
  } catch {
    throw new Error(
      "the hub key (SIAGA_HUB_KEY or the hub key file) does not open this database's sealing key: " +
        'start the hub with the key this data directory was set up with (decision 0011).',
    );
  }
}

/**
 * Stores the wrapped key in place of a clear one, in one transaction. SQLite keeps deleted rows
 * in free pages and the WAL until overwritten, so the delete zeroes them (`secure_delete`) and the
 * WAL is checkpointed and truncated: afterwards neither file holds the clear key. Backups taken
 * before still do (decision 0011).
 */
function replaceClearKey(db: HubDatabase, wrapped: string): void {
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    db.transaction(() => {
      db.prepare('INSERT OR REPLACE INTO hub_meta (key, value) VALUES (?, ?)').run(WRAPPED_META_KEY, wrapped);
      db.prepare('DELETE FROM hub_meta WHERE key = ?').run(CLEAR_META_KEY);
    })();
  } finally {
    db.pragma(`secure_delete = ${secureDelete}`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * The hub's P-256 key pair [P20]: devices seal events and their data keys to its public half.
 * Made at the first start and kept in the hub's database wrapped under the key-encryption key
 * `kek` (decision 0011), so a copy of the database alone does not give it away; back up the
 * database and, apart from it, that key: a new pair would leave sealed boxes unreadable. A key
 * kept in the clear by an older hub is wrapped and its clear copy removed here.
 */
export async function loadSealingKey(db: HubDatabase, kek: CryptoKey): Promise<HubSealingKey> {
  const hubId = readHubId(db);
  const wrapped = readMeta(db, WRAPPED_META_KEY);
  const clear = readMeta(db, CLEAR_META_KEY);
  let jwk: JsonWebKey;
  if (wrapped) {
    jwk = await unwrap(wrapped, kek, hubId);
    if (clear) replaceClearKey(db, wrapped);
  } else if (clear) {
    jwk = JSON.parse(clear) as JsonWebKey;
    replaceClearKey(db, await wrap(jwk, kek, hubId));
  } else {
    const pair = await generateSealingKeyPair(true);
    jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    db.prepare('INSERT INTO hub_meta (key, value) VALUES (?, ?)').run(
      WRAPPED_META_KEY,
      await wrap(jwk, kek, hubId),
    );
  }
  const privateKey = await crypto.subtle.importKey('jwk', jwk, ECDH, false, ['deriveBits']);
  const { d: _private, ...publicJwk } = jwk;
  const publicKey = await crypto.subtle.importKey('jwk', { ...publicJwk, key_ops: [] }, ECDH, true, []);
  return { privateKey, publicKey: await exportPublicKey(publicKey) };
}
