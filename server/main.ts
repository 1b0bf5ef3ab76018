import { existsSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHubApp } from './app';
import { openHubDatabase } from './db/openHubDatabase';
import { loadDeliveryFile, startDeliveryFor, startSimulator, type BootLog } from './delivery/startDelivery';
import { issueEnrollmentCode, revokeDevice } from './devices/deviceRegistry';
import { issueFirstAdminCode } from './accounts/firstAdmin';
import { loadKeyEncryptionKey } from './keys/keyEncryptionKey';
import { hasWrappedSealingKey } from './keys/sealingKey';
import { HUB_USAGE, parseHubOptions } from './options';
import { checkConfigFile, configReader, ensureConfigFile } from './runtimeConfigFile';
import { startSimrsProbe } from './simrsProbe';
import { fingerprintOf } from './tls/certificateAuthority';
import type { HubTls, RenewalLog } from './tls/hubTls';
import { startHubTls } from './tls/startHubTls';

const SHUTDOWN_GRACE_MS = 10_000;
// Injected by the production build; `npm run dev` runs this file unbundled.
const VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

/** Where people open Siaga, as printed at start: this computer, the LAN, and the install page. */
function addressLines(port: number, tls: HubTls | undefined): string {
  const lan = Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .find((entry) => entry.family === 'IPv4' && !entry.internal)?.address;
  const names = [hostname(), ...(lan ? [lan] : [])];
  if (!tls)
    return `Open http://localhost:${port} here; devices use the HTTPS address of the proxy in front.\n`;
  return (
    `  On this computer:        http://localhost:${port}\n` +
    `  On the hospital network: ${names.map((name) => `https://${name}:${port}`).join('  or  ')}\n` +
    (tls.caCertificate
      ? `  A device that does not trust the hub yet: open ${names.map((name) => `http://${name}:${port}`).join(' or ')}\n` +
        `  to install the hub's certificate. Its SHA-256 fingerprint: ${fingerprintOf(tls.caCertificate)}\n`
      : `  Devices trust the hospital CA that issued the hub's certificate.\n`)
  );
}

/** `2026-11-23 08:00 (UTC+07:00)`: the hub machine's own clock, as IT reads it beside the console. */
function localTime(iso: string): string {
  const at = new Date(iso);
  const offset = -at.getTimezoneOffset();
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const zone = `UTC${offset < 0 ? '-' : '+'}${pad(offset / 60)}:${pad(offset % 60)}`;
  return `${date} ${pad(at.getHours())}:${pad(at.getMinutes())} (${zone})`;
}

async function main(): Promise<void> {
  // The bundled hub lives in dist/server; the app it serves in dist/app.
  const defaultAppDir = fileURLToPath(new URL('../app', import.meta.url));
  const parsed = parseHubOptions(process.argv.slice(2), process.env, defaultAppDir);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n\n${HUB_USAGE}`);
    process.exit(2);
  }
  if (parsed.value === 'help') {
    process.stdout.write(HUB_USAGE);
    return;
  }
  const options = parsed.value;
  const db = openHubDatabase(join(options.dataDir, 'siaga-hub.sqlite'));

  if (options.revoke) {
    const revoked = revokeDevice(db, options.revoke, new Date());
    process.stdout.write(
      revoked ? `Device ${options.revoke} revoked.\n` : `No active device ${options.revoke}.\n`,
    );
    db.close();
    process.exit(revoked ? 0 : 1);
  }
  if (!existsSync(join(options.appDir, 'index.html'))) {
    process.stderr.write(`The app is not built in ${options.appDir}. Run: npm run build\n`);
    process.exit(2);
  }

  const kek = await loadKeyEncryptionKey(options.hubKey, { mayCreate: !hasWrappedSealingKey(db) });
  // Read once: nothing later in this process (a crash report, a library) needs to see it.
  delete process.env.SIAGA_HUB_KEY;
  if (!kek.ok) {
    process.stderr.write(`The hub cannot open its key: ${kek.error}\n`);
    process.exit(2);
  }

  const configState = ensureConfigFile(options.configPath);
  const readConfig = configReader(options.configPath);
  // Delivery is set up before the app (it serves the simulator switch); its lines wait for the logger.
  const early: { level: 'info' | 'warn' | 'error'; data: Record<string, unknown>; message: string }[] = [];
  if (options.hubKey.kind === 'file') {
    const keyFile = options.hubKey.path;
    if (kek.value.created)
      early.push({
        level: 'warn',
        data: { keyFile },
        message: 'made the hub key file: keep a copy apart from the database and its backups',
      });
    const fromDataDir = relative(options.dataDir, keyFile);
    if (!fromDataDir.startsWith('..') && !isAbsolute(fromDataDir))
      early.push({
        level: 'warn',
        data: { keyFile },
        message:
          'the hub key file is inside the data directory: it protects copies of the database file only; ' +
          'move it out of the data directory and its backups (--hub-key-file, decision 0011)',
      });
  }
  const logger: { info: RenewalLog } = {
    info: (data, message) => early.push({ level: 'info', data, message }),
  };
  const https = await startHubTls(options.tls, {
    dataDir: options.dataDir,
    config: readConfig,
    log: (data, message) => logger.info(data, message),
  });
  if (!https.ok) {
    process.stderr.write(`The hub cannot serve HTTPS: ${https.error}\n`);
    process.exit(2);
  }
  const { tls } = https.value;
  const bootLog: BootLog = {
    warn: (data, message) => early.push({ level: 'warn', data, message }),
    error: (data, message) => early.push({ level: 'error', data, message }),
  };
  const delivery = loadDeliveryFile(options.deliveryPath, bootLog);
  const simulator = await startSimulator(delivery, options.deliveryPath, bootLog);
  // The probe logs through the app's logger, so it starts once the app exists.
  const simrs: { probe?: ReturnType<typeof startSimrsProbe> } = {};
  const app = await buildHubApp({
    db,
    keyEncryptionKey: kek.value.key,
    appDir: options.appDir,
    configPath: options.configPath,
    version: VERSION,
    logLevel: process.env.LOG_LEVEL ?? 'info',
    config: readConfig,
    ...(tls ? { tls } : {}),
    hostNames: options.hostNames,
    deliveryTargets: delivery.targets,
    ...(simulator ? { simulator } : {}),
    simrs: () =>
      simrs.probe?.status() ?? { status: 'unknown', since: new Date().toISOString(), checkedAt: null },
  });
  simrs.probe = startSimrsProbe({
    healthUrl: () => readConfig()?.simrs.healthUrl,
    log: app.log,
    ...(options.simrsProbeMs ? { maxIntervalMs: options.simrsProbeMs } : {}),
  });
  logger.info = (data, message) => app.log.info(data, message);
  for (const line of early) app.log[line.level](line.data, line.message);
  const worker = startDeliveryFor(delivery, { db, config: readConfig, log: app.log });

  if (configState === 'created') {
    app.log.warn({ configPath: options.configPath }, 'no config.json found: wrote demo values; edit it');
  }
  const configIssues = checkConfigFile(options.configPath);
  if (configIssues.length > 0) {
    // Served anyway: devices keep their last valid copy and show these same issues to users.
    app.log.error({ configPath: options.configPath, issues: configIssues }, 'config.json is invalid');
  }
  const enrollment = issueEnrollmentCode(db, new Date(), options.enrollmentCode);
  const firstAdminCode = issueFirstAdminCode(db, new Date(), options.firstAdminCode);

  let shuttingDown = false;
  const shutdown = (signal: string): void => {
    if (shuttingDown) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    shuttingDown = true;
    app.log.info({ signal }, 'shutting down');
    simrs.probe?.stop();
    https.value.stop();
    const force = setTimeout(() => {
      app.log.error('shutdown timed out: exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    Promise.all([app.close(), worker.stop(), simulator?.close()])
      .then(() => {
        db.close();
        app.log.info('shutdown complete');
        process.exit(0);
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  app.log.info({ port, tls: options.tls.mode, dataDir: options.dataDir, version: VERSION }, 'hub listening');
  process.stdout.write(
    `\nSiaga ${VERSION} is running.\n${addressLines(port, tls)}` +
      `Enrollment code for devices (Siapkan perangkat → Hubungkan ke hub): ${enrollment.code}\n` +
      `  valid until ${localTime(enrollment.expiresAt)}; restart the hub for a new one, or issue\n` +
      `  one-time codes as IT (POST /api/v1/admin/enrollment-codes).\n` +
      firstAdminLine(firstAdminCode?.code) +
      '\n',
  );
}

/**
 * Printed only while the hub knows no admin: IT sets up the hospital's first device with a local
 * admin account and enrolls it with this code instead of the enrollment code [P35].
 */
function firstAdminLine(code: string | undefined): string {
  if (!code) return '';
  return (
    `First admin (once, only until an admin exists): set up the first device with a local admin\n` +
    `  account, then enroll it with this code instead: ${code}\n`
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Siaga hub failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
