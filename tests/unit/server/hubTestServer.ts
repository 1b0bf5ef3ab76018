import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildHubApp } from '../../../server/app';
import { openHubDatabase, type HubDatabase } from '../../../server/db/openHubDatabase';
import { issueEnrollmentCode } from '../../../server/devices/deviceRegistry';
import { DEMO_CONFIG } from '../../../server/demoConfig';

export const TEST_ENROLLMENT_CODE = 'TEST-CODE-1';

export type TestHub = {
  url: string;
  readonly app: FastifyInstance;
  readonly db: HubDatabase;
  dir: string;
  configPath: string;
  /** Stops the hub and opens it again on the same port and SQLite file (a crash and reboot). */
  restart: () => Promise<void>;
  close: () => Promise<void>;
};

/** A real hub over HTTP on a random port, with a real SQLite file and a tiny fake app build. */
export async function startTestHub(): Promise<TestHub> {
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
  issueEnrollmentCode(db, new Date(), TEST_ENROLLMENT_CODE);
  const build = () => buildHubApp({ db, appDir, configPath, version: 'test-version', logLevel: 'silent' });
  let app = await build();
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const port = Number(new URL(url).port);

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
