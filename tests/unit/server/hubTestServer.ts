import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildHubApp } from '../../../server/app';
import { openHubDatabase, type HubDatabase } from '../../../server/db/openHubDatabase';
import { DEMO_CONFIG } from '../../../server/demoConfig';

export type TestHub = {
  url: string;
  app: FastifyInstance;
  db: HubDatabase;
  dir: string;
  configPath: string;
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
  const db = openHubDatabase(join(dir, 'hub.sqlite'));
  const app = await buildHubApp({ db, appDir, configPath, version: 'test-version', logLevel: 'silent' });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    db,
    dir,
    configPath,
    close: async () => {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
