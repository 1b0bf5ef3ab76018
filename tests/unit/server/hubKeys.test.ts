import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aeadDecrypt, aeadEncrypt } from '@/lib/crypto/aead';
import { fromUtf8, utf8 } from '@/lib/crypto/encoding';
import { exportPublicKey, generateSealingKeyPair } from '@/lib/crypto/sealedBox';
import { uuidv7 } from '@/lib/ids';
import { readHubId } from '../../../server/db/openHubDatabase';
import { loadKeyEncryptionKey } from '../../../server/keys/keyEncryptionKey';
import { hasWrappedSealingKey, loadSealingKey } from '../../../server/keys/sealingKey';
import { visitRegistered } from '../domain/eventFactory';
import { enrollTestDevice, push, sealedItem } from './hubCalls';
import { startTestHub, testKeyEncryptionKey, type TestHub } from './hubTestServer';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('the hub key file (decision 0011)', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'siaga-kek-'));
    dirs.push(dir);
    return dir;
  };

  it('is made at the first start in a 0700 folder as a 0600 file, and is the same key afterwards', async () => {
    const path = join(dataDir(), 'keys', 'hub-kek');
    const first = await loadKeyEncryptionKey({ kind: 'file', path });
    expect(first.ok && first.value.created).toBe(true);
    expect(modeOf(dirname(path))).toBe('700');
    expect(modeOf(path)).toBe('600');
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')).toHaveLength(32);
    const second = await loadKeyEncryptionKey({ kind: 'file', path });
    expect(second.ok && second.value.created).toBe(false);
    if (!first.ok || !second.ok) throw new Error('no key');
    const box = await aeadEncrypt(first.value.key, utf8('kunci'), 'test');
    expect(fromUtf8(await aeadDecrypt(second.value.key, box, 'test'))).toBe('kunci');
    // The key never leaves as bytes.
    expect(first.value.key.extractable).toBe(false);
  });

  it('is not made anew when the database already holds a key wrapped with one: a missing file is a lost key', async () => {
    const path = join(dataDir(), 'keys', 'hub-kek');
    const missing = await loadKeyEncryptionKey({ kind: 'file', path }, { mayCreate: false });
    expect(!missing.ok && missing.error).toMatch(/hub key file .*hub-kek is missing.*put the key file back/);
    expect(() => statSync(path)).toThrow();
  });

  it('refuses a key file others may read, and one that holds no 32-byte key, naming the file only', async () => {
    const path = join(dataDir(), 'hub-kek');
    const key = Buffer.alloc(32, 7).toString('base64');
    writeFileSync(path, `${key}\n`, { mode: 0o600 });
    chmodSync(path, 0o640);
    const open = await loadKeyEncryptionKey({ kind: 'file', path });
    expect(!open.ok && open.error).toMatch(/may be read by others \(mode 640\).*chmod 600/);
    expect(!open.ok && open.error).not.toContain(key);
    chmodSync(path, 0o600);
    expect((await loadKeyEncryptionKey({ kind: 'file', path })).ok).toBe(true);
    writeFileSync(path, 'bukan kunci\n');
    const wrong = await loadKeyEncryptionKey({ kind: 'file', path });
    expect(!wrong.ok && wrong.error).toContain('does not hold a base64 key of 32 bytes');
  });

  it('takes the key from the environment as given', async () => {
    const bytes = new Uint8Array(32).fill(9);
    const fromEnv = await loadKeyEncryptionKey({ kind: 'environment', key: bytes });
    const path = join(dataDir(), 'hub-kek');
    writeFileSync(path, Buffer.from(bytes).toString('base64'), { mode: 0o600 });
    const fromFile = await loadKeyEncryptionKey({ kind: 'file', path });
    if (!fromEnv.ok || !fromFile.ok) throw new Error('no key');
    expect(fromEnv.value.created).toBe(false);
    const box = await aeadEncrypt(fromEnv.value.key, utf8('sama'), 'test');
    expect(fromUtf8(await aeadDecrypt(fromFile.value.key, box, 'test'))).toBe('sama');
  });
});

describe('the hub sealing key, wrapped under the key-encryption key (decision 0011), over HTTP and a real SQLite file', () => {
  let kek: CryptoKey;
  let hub: TestHub;
  beforeAll(async () => {
    kek = await testKeyEncryptionKey();
    hub = await startTestHub({ keyEncryptionKey: kek });
  });
  afterAll(async () => {
    await hub.close();
  });

  const meta = (key: string) =>
    hub.db.prepare<[string], { value: string }>('SELECT value FROM hub_meta WHERE key = ?').get(key)?.value;
  /** Everything SQLite has on disk for the hub: the database, its WAL and shared memory. */
  const onDisk = () =>
    ['', '-wal', '-shm']
      .map((suffix) => {
        try {
          return readFileSync(join(hub.dir, `hub.sqlite${suffix}`)).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('\n');
  const unwrapped = async () => {
    const box = JSON.parse(meta('sealing_private_wrapped')!) as { iv: string; ct: string };
    const aad = `hub-sealing-key|${readHubId(hub.db)}`;
    return JSON.parse(fromUtf8(await aeadDecrypt(kek, box, aad))) as JsonWebKey;
  };

  it('keeps the private key only wrapped: no clear copy in the database, its WAL or shared memory', async () => {
    expect(meta('sealing_private_jwk')).toBeUndefined();
    const jwk = await unwrapped();
    expect(jwk.d).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(onDisk()).not.toContain(jwk.d);
    const device = await enrollTestDevice(hub, 'PD1');
    const event = visitRegistered(uuidv7(), '08:00');
    const pushed = await push(hub, device.pushToken, [await sealedItem(device.hubPublicKey, event)]);
    expect(pushed.body.results).toEqual([{ id: event.id, status: 'accepted' }]);
  });

  it('wraps the clear key an older hub left at its next start, removes every clear copy, and keeps the same key pair', async () => {
    const pair = await generateSealingKeyPair(true);
    const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    hub.db.prepare("DELETE FROM hub_meta WHERE key = 'sealing_private_wrapped'").run();
    hub.db
      .prepare("INSERT INTO hub_meta (key, value) VALUES ('sealing_private_jwk', ?)")
      .run(JSON.stringify(jwk));
    // A pending sealed event from a locked device, sealed to the old hub's key before the upgrade.
    const device = await enrollTestDevice(hub, 'PD2');
    const publicKey = await exportPublicKey(pair.publicKey);
    const event = visitRegistered(uuidv7(), '08:10');
    const sealed = await sealedItem(publicKey, event);
    expect(onDisk()).toContain(jwk.d);

    await hub.restart();
    expect(meta('sealing_private_jwk')).toBeUndefined();
    expect((await unwrapped()).d).toBe(jwk.d);
    expect(onDisk()).not.toContain(jwk.d);
    expect((await enrollTestDevice(hub, 'PD3')).hubPublicKey).toBe(publicKey);
    const pushed = await push(hub, device.pushToken, [sealed]);
    expect(pushed.body.results).toEqual([{ id: event.id, status: 'accepted' }]);
  });

  it('tells main whether the database already holds a wrapped key (then no new key file is made)', () => {
    expect(hasWrappedSealingKey(hub.db)).toBe(true);
  });

  it('does not start with another key-encryption key, and says which key is wrong', async () => {
    await expect(loadSealingKey(hub.db, await testKeyEncryptionKey())).rejects.toThrow(
      /the hub key \(SIAGA_HUB_KEY or the hub key file\) does not open this database's sealing key/,
    );
  });
});
