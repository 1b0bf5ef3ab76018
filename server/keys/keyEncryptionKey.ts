import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { importAesKey } from '@/lib/crypto/aead';
import { wipe } from '@/lib/crypto/encoding';
import { err, ok, type Result } from '@/lib/result';

/** The hub's key-encryption key is 32 random bytes (AES-256), written as base64. */
export const KEY_ENCRYPTION_KEY_BYTES = 32;

/**
 * Where the key that wraps the hub's sealing key comes from (decision 0011): `SIAGA_HUB_KEY` in
 * the environment, or a key file (`--hub-key-file`, by default `<data-dir>/keys/hub-kek`).
 */
export type KeyEncryptionKeySource =
  { kind: 'environment'; key: Uint8Array } | { kind: 'file'; path: string };

/** Standard or URL-safe base64 of exactly 32 bytes, padding optional; undefined otherwise. */
export function decodeKeyEncryptionKey(text: string): Uint8Array<ArrayBuffer> | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return undefined;
  const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === KEY_ENCRYPTION_KEY_BYTES ? new Uint8Array(bytes) : undefined;
}

/**
 * Writes a new key file durably before anything is wrapped with it: a key lost in a power cut
 * would take the sealing key with it. Through a temporary file, so a crash never leaves half a
 * key under the real name; 0600 from the first byte.
 */
function writeKeyFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/**
 * The key file as the hub may use it: its own, readable by nobody else. A file others could read
 * is refused rather than narrowed, so IT learns the key may have been copied (modes are not
 * POSIX on Windows; there the folder's access list protects it).
 */
function readKeyFile(path: string): Result<Uint8Array<ArrayBuffer>, string> {
  const mode = statSync(path).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    return err(
      `the hub key file ${path} may be read by others (mode ${mode.toString(8)}): make it the hub ` +
        `user's alone (chmod 600) and consider whether it was copied.`,
    );
  }
  const key = decodeKeyEncryptionKey(readFileSync(path, 'utf8'));
  return key ? ok(key) : err(`the hub key file ${path} does not hold a base64 key of 32 bytes.`);
}

/**
 * The hub's key-encryption key as a non-extractable AES-GCM key. A key file that does not exist
 * yet is made (32 random bytes; folder 0700 when the hub creates it, file 0600) unless `mayCreate`
 * is false — the database already holds a key wrapped with one, so a missing file is a lost or
 * moved key, and a new one would only hide that. `created` says a file was made, for the start-up
 * lines that ask IT to keep a copy apart from the database's backups.
 */
export async function loadKeyEncryptionKey(
  source: KeyEncryptionKeySource,
  options: { mayCreate: boolean } = { mayCreate: true },
): Promise<Result<{ key: CryptoKey; created: boolean }, string>> {
  let raw: Uint8Array<ArrayBuffer>;
  let created = false;
  if (source.kind === 'environment') {
    raw = new Uint8Array(source.key);
  } else {
    try {
      if (!existsSync(source.path)) {
        if (!options.mayCreate)
          return err(
            `the hub key file ${source.path} is missing, and this database's sealing key is wrapped ` +
              'with it: put the key file back there, or give its path with --hub-key-file.',
          );
        writeKeyFile(source.path, `${randomBytes(KEY_ENCRYPTION_KEY_BYTES).toString('base64')}\n`);
        created = true;
      }
      const read = readKeyFile(source.path);
      if (!read.ok) return read;
      raw = read.value;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      return err(`cannot read or create the hub key file ${source.path} (${code}).`);
    }
  }
  const key = await importAesKey(raw, ['encrypt', 'decrypt']);
  wipe(raw);
  return ok({ key, created });
}
