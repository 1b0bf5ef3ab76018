import { hostname } from 'node:os';
import { join } from 'node:path';
import type { RuntimeConfig } from '@/domain';
import { err, ok, type Result } from '@/lib/result';
import { readTlsFiles, type TlsMode } from '../options';
import { hubNames } from './hubNames';
import { ownCaTls, providedTls, type HubTls, type RenewalLog } from './hubTls';

/** New addresses (DHCP) and expiry are checked this often; a check that changes nothing is cheap. */
const RENEWAL_CHECK_MS = 60 * 60 * 1000;

/**
 * HTTPS as the options say: the hub's own CA in `<dataDir>/tls` (checked hourly for renewal),
 * the hospital's files, or none. A failure is a sentence for IT; the hub then does not start.
 */
export async function startHubTls(
  mode: TlsMode,
  deps: { dataDir: string; config: () => RuntimeConfig | undefined; log: RenewalLog; now?: () => Date },
): Promise<Result<{ tls: HubTls | undefined; stop: () => void }, string>> {
  const now = deps.now ?? (() => new Date());
  if (mode.mode === 'off') return ok({ tls: undefined, stop: () => undefined });
  if (mode.mode === 'provided') {
    const files = readTlsFiles(mode);
    return files.ok ? ok({ tls: providedTls(files.value), stop: () => undefined }) : err(files.error);
  }
  const names = () => hubNames({ extra: mode.names, config: deps.config() });
  try {
    const tls = await ownCaTls({
      dir: join(deps.dataDir, 'tls'),
      caName: `Siaga hub CA (${hostname()})`,
      names: names(),
      now: now(),
      log: deps.log,
    });
    const timer = setInterval(() => {
      tls.renewIfDue(names(), now()).catch((error: unknown) => {
        deps.log(
          { error: error instanceof Error ? error.name : 'unknown' },
          'renewing the hub certificate failed',
        );
      });
    }, RENEWAL_CHECK_MS);
    timer.unref();
    return ok({ tls, stop: () => clearInterval(timer) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return err(
      `cannot prepare the hub's certificates in ${join(deps.dataDir, 'tls')}` +
        `${code ? ` (${code})` : ''}: check that the folder is writable by the hub.`,
    );
  }
}
