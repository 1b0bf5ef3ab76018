import type { RuntimeConfig } from '@/domain';

/**
 * The origins (`scheme://host:port`) of the hub URLs in the config other than the app's own: a
 * device that loaded the app from the primary hub calls the backup one when the primary is down,
 * so both the CSP and CORS must let it. A path such as "/" is the app's own origin: nothing to add.
 */
export function hubOrigins(config: RuntimeConfig | undefined): string[] {
  if (!config) return [];
  const origins = new Set<string>();
  for (const url of [config.hub.primaryUrl, config.hub.backupUrl]) {
    if (!url || url.startsWith('/')) continue;
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') origins.add(parsed.origin);
    } catch {
      // The schema checks only the start of the URL; an unparsable rest allows nothing.
    }
  }
  return [...origins];
}

/**
 * The config as a header hook may use it: a config file that vanishes between the stat and the
 * read must not turn an answer into a 500, it only narrows the policy to the app's own origin.
 */
export function currentConfig(read: () => RuntimeConfig | undefined): RuntimeConfig | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
