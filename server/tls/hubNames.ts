import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';
import type { RuntimeConfig } from '@/domain';

/** A DNS name a certificate can carry (letters, digits, hyphens, dots; no wildcard). */
const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function isCertificateName(name: string): boolean {
  return isIP(name) !== 0 || DNS_NAME.test(name.toLowerCase());
}

/** Host names in the config's hub URLs (a backup hub's name is not this hub's, but harmless). */
function configuredHostNames(config: RuntimeConfig | undefined): string[] {
  if (!config) return [];
  return [config.hub.primaryUrl, config.hub.backupUrl].flatMap((url) => {
    if (!url || url.startsWith('/')) return [];
    try {
      return [new URL(url).hostname.replace(/^\[|\]$/g, '')];
    } catch {
      return [];
    }
  });
}

/**
 * Every name and address devices may use to reach this hub: `localhost` and the loopback
 * addresses, the machine's host name (also as `<name>.local`, which tablets resolve by mDNS),
 * every address of its network interfaces, the names IT gave (`--tls-names`) and the host names
 * of the config's hub URLs. Sorted and without repeats, so the same machine gives the same list.
 */
export function hubNames(input: {
  extra: readonly string[];
  config: RuntimeConfig | undefined;
  host?: string;
  interfaces?: ReturnType<typeof networkInterfaces>;
}): string[] {
  const host = (input.host ?? hostname()).toLowerCase();
  const addresses = Object.values(input.interfaces ?? networkInterfaces())
    .flatMap((entries) => entries ?? [])
    // Link-local IPv6 addresses need a zone (`%eth0`) that URLs and certificates cannot carry.
    .filter((entry) => !(entry.family === 'IPv6' && entry.address.toLowerCase().startsWith('fe80')))
    .map((entry) => entry.address);
  const names = [
    'localhost',
    '127.0.0.1',
    '::1',
    host,
    ...(host.includes('.') ? [] : [`${host}.local`]),
    ...addresses,
    ...input.extra,
    ...configuredHostNames(input.config),
  ].map((name) => name.trim().toLowerCase());
  return [...new Set(names.filter(isCertificateName))].sort();
}
