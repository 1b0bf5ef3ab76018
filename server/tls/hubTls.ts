import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createCertificateAuthority,
  fingerprintOf,
  issueServerCertificate,
  renewalReason,
  type PemPair,
} from './certificateAuthority';

/**
 * How the hub serves HTTPS: with certificates it makes and renews itself under its own CA (the
 * default), or with the hospital's certificate and key (`--tls-cert/--tls-key`, renewed by IT).
 * Servers follow `subscribe`, so a renewal takes effect without a restart.
 */
export type HubTls = {
  kind: 'own-ca' | 'provided';
  /** The CA certificate devices install (PEM); only when the hub is its own CA. */
  caCertificate: string | undefined;
  current: () => PemPair;
  subscribe: (listener: (credentials: PemPair) => void) => void;
};

export type RenewalLog = (data: Record<string, unknown>, message: string) => void;

/** A certificate chain the hospital's CA issued: served as given. */
export function providedTls(credentials: PemPair): HubTls {
  return {
    kind: 'provided',
    caCertificate: undefined,
    current: () => credentials,
    subscribe: () => undefined,
  };
}

/** Writes through a temporary file, so a crash never leaves half a key; keys readable by the hub only. */
function writeSecretly(path: string, content: string, mode: number): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, content, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, path);
}

/**
 * The hub's own CA and server certificate in `<dir>` (`ca.crt`, `ca.key`, `hub.crt`, `hub.key`;
 * keys 0600, the folder 0700): made at the first start, kept afterwards. `renewIfDue` issues a new
 * server certificate when it nears expiry or the hub is reached by a name it lacks; the CA stays,
 * so devices that trust it never have to install anything again.
 */
export async function ownCaTls(input: {
  dir: string;
  /** The name devices show for the installed CA (e.g. "Siaga hub CA (srv-rm)"). */
  caName: string;
  names: readonly string[];
  now: Date;
  log: RenewalLog;
}): Promise<HubTls & { renewIfDue: (names: readonly string[], now: Date) => Promise<boolean> }> {
  mkdirSync(input.dir, { recursive: true, mode: 0o700 });
  chmodSync(input.dir, 0o700);
  const path = (file: string) => join(input.dir, file);
  const read = (file: string) => readFileSync(path(file), 'utf8');

  if (!existsSync(path('ca.crt')) || !existsSync(path('ca.key'))) {
    const ca = await createCertificateAuthority(input.caName, input.now);
    writeSecretly(path('ca.key'), ca.key, 0o600);
    writeSecretly(path('ca.crt'), ca.cert, 0o644);
    input.log({ fingerprint: fingerprintOf(ca.cert) }, 'created the hub certificate authority');
  }
  const ca: PemPair = { cert: read('ca.crt'), key: read('ca.key') };
  const listeners: ((credentials: PemPair) => void)[] = [];
  let server: PemPair | undefined =
    existsSync(path('hub.crt')) && existsSync(path('hub.key'))
      ? { cert: read('hub.crt'), key: read('hub.key') }
      : undefined;

  async function renewIfDue(names: readonly string[], now: Date): Promise<boolean> {
    const reason = server ? renewalReason(server.cert, ca.cert, names, now) : 'missing';
    if (!reason) return false;
    const issued = await issueServerCertificate(ca, names, now);
    writeSecretly(path('hub.key'), issued.key, 0o600);
    writeSecretly(path('hub.crt'), issued.cert, 0o644);
    server = issued;
    input.log({ reason, names }, 'issued the hub server certificate');
    listeners.forEach((listener) => listener(issued));
    return true;
  }

  await renewIfDue(input.names, input.now);
  return {
    kind: 'own-ca',
    caCertificate: ca.cert,
    current: () => server!,
    subscribe: (listener) => void listeners.push(listener),
    renewIfDue,
  };
}
