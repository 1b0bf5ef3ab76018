import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSecureContext } from 'node:tls';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { err, ok, type Result } from '@/lib/result';
import { decodeKeyEncryptionKey, type KeyEncryptionKeySource } from './keys/keyEncryptionKey';
import type { PemPair } from './tls/certificateAuthority';
import { isCertificateName } from './tls/hubNames';

const optionsSchema = z.object({
  port: z.coerce.number().check(z.int(), z.minimum(0), z.maximum(65535)),
  host: z.string().check(z.minLength(1)),
  dataDir: z.string().check(z.minLength(1)),
  configPath: z.optional(z.string().check(z.minLength(1))),
  deliveryPath: z.optional(z.string().check(z.minLength(1))),
  appDir: z.string().check(z.minLength(1)),
  enrollmentCode: z.optional(z.string().check(z.regex(/^[A-Za-z0-9-]{6,40}$/))),
  firstAdminCode: z.optional(z.string().check(z.regex(/^[A-Za-z0-9-]{6,40}$/))),
  revoke: z.optional(z.string().check(z.regex(/^[A-Z][A-Z0-9]{2}$/))),
  tlsCert: z.optional(z.string().check(z.minLength(1))),
  tlsKey: z.optional(z.string().check(z.minLength(1))),
  tlsNames: z.optional(z.string()),
  plainHttp: z.optional(z.boolean()),
  simrsProbeSeconds: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(300))),
  hubKeyFile: z.optional(z.string().check(z.minLength(1))),
});

export type TlsMode =
  | { mode: 'own-ca'; names: string[] }
  | { mode: 'provided'; certPath: string; keyPath: string }
  | { mode: 'off' };

export type HubOptions = {
  port: number;
  host: string;
  /** Holds the SQLite file and, unless `configPath` says otherwise, `config.json`. */
  dataDir: string;
  configPath: string;
  /** Delivery targets and their secrets (hub only); created with the demo simulator if absent. */
  deliveryPath: string;
  /** The built PWA (`dist/app`). */
  appDir: string;
  /** Use this enrollment code instead of a random one (scripted installs, tests). */
  enrollmentCode?: string;
  /** Use this first-admin code instead of a random one while the hub has no admin [P35]. */
  firstAdminCode?: string;
  /** Revoke this device code's token and exit, instead of serving. */
  revoke?: string;
  /**
   * How HTTPS is served: with certificates the hub issues itself under its own CA (the default;
   * `names` are extra names and addresses for them), with the hospital's certificate and key
   * files, or not at all (a reverse proxy in front terminates HTTPS).
   */
  tls: TlsMode;
  /**
   * `--tls-names` in every mode: requests naming these hosts are served [P42] (with the hub's own
   * CA its certificate carries them too; behind a proxy they are the names the proxy forwards).
   */
  hostNames: string[];
  /** Check the SIMRS this often while it answers, and at least this often while it does not. */
  simrsProbeMs?: number;
  /**
   * The key that wraps the hub's private sealing key in its database (decision 0011):
   * `SIAGA_HUB_KEY`, or a key file made at the first start (`<data-dir>/keys/hub-kek` unless
   * `--hub-key-file` says otherwise).
   */
  hubKey: KeyEncryptionKeySource;
};

export const HUB_USAGE = `Siaga hub

Usage: node dist/server/main.js [options]

Options (each also settable by environment variable):
  --port <n>        PORT             port to listen on (default 8080)
  --host <addr>     HOST             address to bind (default 0.0.0.0: reachable on the LAN)
  --data-dir <dir>  SIAGA_DATA_DIR   where the database lives (default ./data)
  --config <file>   SIAGA_CONFIG     the hospital's config.json (default <data-dir>/config.json;
                                     created with demo values when missing)
  --delivery <file> SIAGA_DELIVERY   where the hub delivers, with the credentials (default
                                     <data-dir>/delivery.json; created for the demo SIMRS
                                     simulator on port 8081 when missing)
  --app-dir <dir>   SIAGA_APP_DIR    the built app to serve (default dist/app)
  --enrollment-code <code>
                    SIAGA_ENROLLMENT_CODE
                                     the code devices enroll with, valid 24 hours from each
                                     start (default: a new random code, printed at start)
  --first-admin-code <code>
                    SIAGA_FIRST_ADMIN_CODE
                                     while the hub has no admin: the code the hospital's first
                                     device enrolls with to bring IT's admin account (default: a
                                     new random code, printed at start; valid 24 hours, never
                                     once an admin exists)
  HTTPS is the default: at the first start the hub makes its own small certificate authority
  and a certificate for its names and addresses (in <data-dir>/tls, renewed before expiry).
  Devices on the LAN open http://<hub>:<port> once to install the CA, then use https://.
  --tls-names <list>
                    SIAGA_TLS_NAMES  more host names or addresses devices reach the hub by,
                                     comma-separated (e.g. siaga.rs.local,10.0.5.20): the hub's
                                     own certificate carries them, and requests naming a host the
                                     hub does not know are refused (behind a proxy: the names the
                                     proxy forwards, unless they are in config.json's hub URLs)
  --tls-cert <file> SIAGA_TLS_CERT   serve HTTPS with this certificate instead (the hospital CA's;
                                     PEM, with any intermediates); needs --tls-key
  --tls-key <file>  SIAGA_TLS_KEY    the certificate's private key (PEM); needs --tls-cert
  --plain-http      SIAGA_PLAIN_HTTP=1
                                     serve plain HTTP only, behind a reverse proxy that serves
                                     HTTPS to the devices
  --simrs-probe-seconds <n>
                    SIAGA_SIMRS_PROBE_SECONDS
                                     how often the hub checks the SIMRS health URL (default 15
                                     while it answers; while down 5 s, backing off to 60 s; with
                                     this option never more than n seconds apart)
  --hub-key-file <file>
                    SIAGA_HUB_KEY_FILE
                                     the key that encrypts the hub's private key in its database
                                     (default <data-dir>/keys/hub-kek, made at the first start).
                                     Inside the data directory it protects only copies of the
                                     database file; put it outside the data directory and its
                                     backups, and keep a copy of it apart: without it the
                                     database's private key cannot be opened
                    SIAGA_HUB_KEY    that key itself instead (base64 of 32 random bytes, e.g.
                                     from openssl rand -base64 32); excludes --hub-key-file
  --revoke <device code>             revoke that device's token (a lost tablet) and exit
  --help                             show this text
`;

/**
 * Reads options from flags first, then the environment, then defaults. `defaultAppDir` is where
 * the built app sits relative to the running hub.
 */
export function parseHubOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  defaultAppDir: string,
): Result<HubOptions | 'help', string> {
  let flags;
  try {
    flags = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        config: { type: 'string' },
        delivery: { type: 'string' },
        'app-dir': { type: 'string' },
        'enrollment-code': { type: 'string' },
        'first-admin-code': { type: 'string' },
        revoke: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'tls-names': { type: 'string' },
        'plain-http': { type: 'boolean' },
        'simrs-probe-seconds': { type: 'string' },
        'hub-key-file': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
  if (flags.help) return ok('help');

  const parsed = optionsSchema.safeParse({
    port: flags.port ?? env.PORT ?? 8080,
    host: flags.host ?? env.HOST ?? '0.0.0.0',
    dataDir: flags['data-dir'] ?? env.SIAGA_DATA_DIR ?? 'data',
    configPath: flags.config ?? env.SIAGA_CONFIG,
    deliveryPath: flags.delivery ?? env.SIAGA_DELIVERY,
    appDir: flags['app-dir'] ?? env.SIAGA_APP_DIR ?? defaultAppDir,
    enrollmentCode: flags['enrollment-code'] ?? env.SIAGA_ENROLLMENT_CODE,
    firstAdminCode: flags['first-admin-code'] ?? env.SIAGA_FIRST_ADMIN_CODE,
    revoke: flags.revoke,
    tlsCert: flags['tls-cert'] ?? env.SIAGA_TLS_CERT,
    tlsKey: flags['tls-key'] ?? env.SIAGA_TLS_KEY,
    tlsNames: flags['tls-names'] ?? env.SIAGA_TLS_NAMES,
    plainHttp: flags['plain-http'] ?? (env.SIAGA_PLAIN_HTTP === '1' || env.SIAGA_PLAIN_HTTP === 'true'),
    simrsProbeSeconds: flags['simrs-probe-seconds'] ?? env.SIAGA_SIMRS_PROBE_SECONDS,
    hubKeyFile: flags['hub-key-file'] ?? env.SIAGA_HUB_KEY_FILE,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(`invalid option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  const { tlsCert, tlsKey, plainHttp } = parsed.data;
  if (Boolean(tlsCert) !== Boolean(tlsKey)) {
    return err(
      `--tls-cert and --tls-key go together: give both the certificate and its private key, or ` +
        `neither for the hub's own certificate (got only ${tlsCert ? '--tls-cert' : '--tls-key'}).`,
    );
  }
  if (plainHttp && tlsCert) return err('--plain-http and --tls-cert exclude each other: choose one.');
  const names = (parsed.data.tlsNames ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const wrongName = names.find((name) => !isCertificateName(name));
  if (wrongName) return err(`--tls-names: "${wrongName}" is not a host name or IP address.`);
  const tls: TlsMode = plainHttp
    ? { mode: 'off' }
    : tlsCert && tlsKey
      ? { mode: 'provided', certPath: resolve(tlsCert), keyPath: resolve(tlsKey) }
      : { mode: 'own-ca', names };
  const dataDir = resolve(parsed.data.dataDir);
  const hubKey = hubKeySource(env.SIAGA_HUB_KEY, parsed.data.hubKeyFile, dataDir);
  if (!hubKey.ok) return hubKey;
  return ok({
    port: parsed.data.port,
    host: parsed.data.host,
    dataDir,
    configPath: resolve(parsed.data.configPath ?? resolve(dataDir, 'config.json')),
    deliveryPath: resolve(parsed.data.deliveryPath ?? resolve(dataDir, 'delivery.json')),
    appDir: resolve(parsed.data.appDir),
    ...(parsed.data.enrollmentCode ? { enrollmentCode: parsed.data.enrollmentCode } : {}),
    ...(parsed.data.firstAdminCode ? { firstAdminCode: parsed.data.firstAdminCode } : {}),
    ...(parsed.data.revoke ? { revoke: parsed.data.revoke } : {}),
    tls,
    hostNames: names,
    ...(parsed.data.simrsProbeSeconds ? { simrsProbeMs: parsed.data.simrsProbeSeconds * 1000 } : {}),
    hubKey: hubKey.value,
  });
}

/** The key itself from the environment, or a key file; never both. The key is never echoed. */
function hubKeySource(
  environmentKey: string | undefined,
  keyFile: string | undefined,
  dataDir: string,
): Result<KeyEncryptionKeySource, string> {
  if (!environmentKey)
    return ok({ kind: 'file', path: resolve(keyFile ?? resolve(dataDir, 'keys', 'hub-kek')) });
  if (keyFile) return err('SIAGA_HUB_KEY and --hub-key-file exclude each other: give the key one way.');
  const key = decodeKeyEncryptionKey(environmentKey);
  return key
    ? ok({ kind: 'environment', key })
    : err('SIAGA_HUB_KEY must be 32 random bytes in base64 (e.g. from: openssl rand -base64 32).');
}

/**
 * Reads the certificate and key named by the options and checks they form a usable pair, so a
 * wrong path or a key from another certificate stops the hub at start with a sentence IT can act
 * on, not an OpenSSL error from deep inside the server.
 */
export function readTlsFiles(tls: { certPath: string; keyPath: string }): Result<PemPair, string> {
  const read = (path: string, what: string): Result<string, string> => {
    try {
      return ok(readFileSync(path, 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      return err(`cannot read the TLS ${what} ${path} (${code}).`);
    }
  };
  const cert = read(tls.certPath, 'certificate');
  if (!cert.ok) return cert;
  const key = read(tls.keyPath, 'private key');
  if (!key.ok) return key;
  try {
    createSecureContext({ cert: cert.value, key: key.value });
  } catch (error) {
    return err(
      `the TLS certificate ${tls.certPath} and key ${tls.keyPath} are not a usable PEM pair ` +
        `(${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  return ok({ cert: cert.value, key: key.value });
}
