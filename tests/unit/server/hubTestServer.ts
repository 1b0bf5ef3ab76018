import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildHubApp, type HubDeps } from '../../../server/app';
import { openHubDatabase, type HubDatabase } from '../../../server/db/openHubDatabase';
import { issueFirstAdminCode } from '../../../server/accounts/firstAdmin';
import { issueEnrollmentCode } from '../../../server/devices/deviceRegistry';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { seedTestAccounts } from '../testAccounts';

export const TEST_ENROLLMENT_CODE = 'TEST-CODE-1';

export type TestHub = {
  url: string;
  readonly app: FastifyInstance;
  readonly db: HubDatabase;
  dir: string;
  configPath: string;
  /**
   * Writes config.json (an object as JSON, a string as is) the way IT edits it live. The hub
   * re-reads the file when its mtime changes, and two writes within one kernel clock tick can
   * share an mtime, so each write gets a later one.
   */
  writeConfig: (config: unknown) => void;
  /** Stops the hub and opens it again on the same port and SQLite file (a crash and reboot). */
  restart: () => Promise<void>;
  close: () => Promise<void>;
};

/** Hub dependencies a test may choose; the rest (database, app, config file) the helper makes. */
export type TestHubOptions = Pick<
  HubDeps,
  | 'tls'
  | 'hostNames'
  | 'enrollAttempts'
  | 'signInAttempts'
  | 'logLevel'
  | 'now'
  | 'deliveryTargets'
  | 'simulator'
> &
  Partial<Pick<HubDeps, 'keyEncryptionKey'>> & {
    /**
     * A hub as a hospital's first start has it: no account at all, and this first-admin code [P35].
     * Without it the hub knows the test people (`testAccounts.ts`).
     */
    firstAdminCode?: string;
  };

/** A hub key-encryption key as `SIAGA_HUB_KEY` would give one (decision 0011). */
export function testKeyEncryptionKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/**
 * A real hub over HTTP (also HTTPS on the same port with `tls`) on a random port, with a real SQLite file and a tiny
 * fake app build.
 */
export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const dir = mkdtempSync(join(tmpdir(), 'siaga-hub-test-'));
  const appDir = join(dir, 'app');
  mkdirSync(join(appDir, 'assets'), { recursive: true });
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Siaga</title>');
  writeFileSync(join(appDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(appDir, 'manifest.webmanifest'), '{"name":"Siaga"}');
  writeFileSync(join(appDir, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)');
  const configPath = join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify(DEMO_CONFIG));
  const dbFile = join(dir, 'hub.sqlite');

  let db = openHubDatabase(dbFile);
  // Tests move their hub's clock by hours and days: the test code outlives any of them.
  issueEnrollmentCode(db, new Date(), TEST_ENROLLMENT_CODE, 365 * 24 * 60 * 60 * 1000);
  const { firstAdminCode, ...deps } = options;
  if (firstAdminCode) issueFirstAdminCode(db, new Date(), firstAdminCode);
  else seedTestAccounts(db);
  // One key for the hub's life, restarts included, as one data directory has.
  const keyEncryptionKey = options.keyEncryptionKey ?? (await testKeyEncryptionKey());
  const build = () =>
    buildHubApp({
      db,
      appDir,
      configPath,
      version: 'test-version',
      logLevel: 'silent',
      ...deps,
      keyEncryptionKey,
    });
  let app = await build();
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const port = Number(new URL(url).port);

  let lastConfigMtime = Date.now();
  return {
    url,
    get app() {
      return app;
    },
    get db() {
      return db;
    },
    dir,
    configPath,
    writeConfig: (config) => {
      writeFileSync(configPath, typeof config === 'string' ? config : JSON.stringify(config));
      lastConfigMtime = Math.max(Date.now(), lastConfigMtime + 1_000);
      utimesSync(configPath, lastConfigMtime / 1_000, lastConfigMtime / 1_000);
    },
    restart: async () => {
      await app.close();
      db.close();
      db = openHubDatabase(dbFile);
      app = await build();
      await app.listen({ port, host: '127.0.0.1' });
      // Let clients notice their pooled connections to the old server closed.
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
    close: async () => {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
