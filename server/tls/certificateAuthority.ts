import 'reflect-metadata'; // @peculiar/x509's dependency injection needs it before it loads
import { createPrivateKey, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as Crypto);

/** ECDSA P-256: accepted as a root and a server key by Android, iOS/iPadOS, Windows and ChromeOS. */
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;
/** Devices install the CA once; it outlives any hub hardware. */
export const CA_VALIDITY_DAYS = 10 * 365;
/** Apple refuses TLS server certificates valid longer than 398 days, also under a private root. */
export const SERVER_VALIDITY_DAYS = 397;
/** A server certificate is re-issued this long before it expires. */
export const RENEW_BEFORE_DAYS = 30;
/** Clocks of devices may run behind the hub's: certificates are valid from a day before. */
const BACKDATE_MS = DAY_MS;

export type PemPair = { cert: string; key: string };

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f; // a positive number, as RFC 5280 asks
  return bytes.toString('hex');
}

async function pkcs8Pem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({
    format: 'pem',
    type: 'pkcs8',
  }) as string;
}

async function importPkcs8(pem: string): Promise<CryptoKey> {
  const der = createPrivateKey(pem).export({ format: 'der', type: 'pkcs8' });
  return webcrypto.subtle.importKey('pkcs8', der, ALGORITHM, false, ['sign']);
}

/**
 * The hospital's own small certificate authority for one hub: devices trust it once, and every
 * server certificate the hub later issues for itself (new addresses, renewals) is trusted with it.
 * It may sign only server certificates (path length 0).
 */
export async function createCertificateAuthority(commonName: string, now: Date): Promise<PemPair> {
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: [{ CN: [commonName] }, { O: ['Siaga'] }],
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await pkcs8Pem(keys.privateKey) };
}

/** A server certificate for `names` (host names and IP addresses), signed by the hub's CA. */
export async function issueServerCertificate(
  ca: PemPair,
  names: readonly string[],
  now: Date,
): Promise<PemPair> {
  const caCert = new x509.X509Certificate(ca.cert);
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: [{ CN: [names.find((name) => isIP(name) === 0) ?? names[0] ?? 'siaga-hub'] }],
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter: new Date(now.getTime() + SERVER_VALIDITY_DAYS * DAY_MS),
    signingKey: await importPkcs8(ca.key),
    publicKey: keys.publicKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        names.map((name) => ({ type: isIP(name) === 0 ? ('dns' as const) : ('ip' as const), value: name })),
      ),
      await x509.AuthorityKeyIdentifierExtension.create(caCert, false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await pkcs8Pem(keys.privateKey) };
}

/** The names a certificate is valid for, as `DNS:…` / `IP:…` entries are written by OpenSSL. */
function coveredNames(cert: X509Certificate): Set<string> {
  return new Set(
    (cert.subjectAltName ?? '')
      .split(', ')
      .map((entry) => entry.replace(/^(DNS|IP Address):/, '').toLowerCase()),
  );
}

/** The DNS names and IP addresses a certificate (PEM) is valid for, e.g. the hospital CA's. */
export function certificateNames(pem: string): string[] {
  return [...coveredNames(new X509Certificate(pem))].filter(Boolean).map(normalName);
}

/** Node prints IPv6 SANs in full form; compare addresses in one spelling. */
function normalName(name: string): string {
  if (isIP(name) !== 6) return name.toLowerCase();
  return new URL(`http://[${name}]/`).hostname.slice(1, -1);
}

/**
 * Why the server certificate must be issued again, or undefined while it is good: it expires
 * within RENEW_BEFORE_DAYS, it lacks a name the hub is now reached by, or another CA signed it.
 */
export function renewalReason(
  serverCert: string,
  caCert: string,
  names: readonly string[],
  now: Date,
): 'expiring' | 'names' | 'issuer' | undefined {
  const cert = new X509Certificate(serverCert);
  if (!cert.verify(new X509Certificate(caCert).publicKey)) return 'issuer';
  if (Date.parse(cert.validTo) - now.getTime() < RENEW_BEFORE_DAYS * DAY_MS) return 'expiring';
  const covered = new Set([...coveredNames(cert)].map(normalName));
  return names.every((name) => covered.has(normalName(name))) ? undefined : 'names';
}

/** The SHA-256 fingerprint people compare on the install page and in the hub's start-up lines. */
export function fingerprintOf(cert: string): string {
  return new X509Certificate(cert).fingerprint256;
}
