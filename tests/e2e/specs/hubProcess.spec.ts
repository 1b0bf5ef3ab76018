import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HubProcess } from '../fixtures/hubProcess';

test('the hub shuts down gracefully on SIGTERM and logs structured lines without query strings', async () => {
  const hub = await HubProcess.create();
  try {
    await hub.start();
    // This computer by plain HTTP, the LAN by HTTPS, and the certificate to compare.
    expect(hub.output).toContain(`On this computer:        http://localhost:${hub.port}`);
    expect(hub.output).toMatch(new RegExp(`On the hospital network: https://\\S+:${hub.port}`));
    expect(hub.output).toMatch(/SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    await fetch(`${hub.url}/pendaftaran?nik=3171234567890001`);
    expect(await hub.stop()).toBe(0);

    const logLines = hub.output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logLines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['shutting down', 'shutdown complete']),
    );
    expect(
      logLines.some((line) => (line.req as { path?: string } | undefined)?.path === '/pendaftaran'),
    ).toBe(true);
    expect(hub.output).not.toContain('3171234567890001');
  } finally {
    await hub.dispose();
  }
});

test('the hub writes a demo config.json on first start and keeps an edited one', async () => {
  const hub = await HubProcess.create();
  try {
    await hub.start();
    expect(hub.output).toContain('wrote demo values');
    await hub.stop();
    hub.output = '';
    await hub.start();
    expect(hub.output).not.toContain('wrote demo values');
  } finally {
    await hub.dispose();
  }
});

test('the hub keeps its data directory private and its sealing key under a key file it makes, and says how long the enrollment code lasts', async () => {
  const hub = await HubProcess.create();
  const elsewhere = mkdtempSync(join(tmpdir(), 'siaga-e2e-kek-'));
  const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
  try {
    await hub.start();
    expect(hub.output).toMatch(/valid until \d{4}-\d\d-\d\d \d\d:\d\d \(UTC[+-]\d\d:\d\d\)/);
    expect(mode(hub.dataDir)).toBe('700');
    expect(mode(join(hub.dataDir, 'siaga-hub.sqlite'))).toBe('600');
    expect(mode(join(hub.dataDir, 'keys'))).toBe('700');
    expect(mode(join(hub.dataDir, 'keys', 'hub-kek'))).toBe('600');
    expect(hub.output).toContain('made the hub key file');
    expect(hub.output).toContain('the hub key file is inside the data directory');
    await hub.stop();

    // Without its key, or with another one, the hub refuses the database rather than making a new
    // key file or a new sealing key.
    hub.output = '';
    hub.extraArgs = ['--hub-key-file', join(elsewhere, 'hub-kek')];
    await expect(hub.start()).rejects.toThrow(/hub key file \S+ is missing/);
    await hub.stop();
    writeFileSync(join(elsewhere, 'hub-kek'), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    await expect(hub.start()).rejects.toThrow(/does not open this database's sealing key/);
    await hub.stop();
    // The right key, moved out of the data directory as IT should: the hub starts and stops warning.
    copyFileSync(join(hub.dataDir, 'keys', 'hub-kek'), join(elsewhere, 'hub-kek'));
    chmodSync(join(elsewhere, 'hub-kek'), 0o600);
    rmSync(join(hub.dataDir, 'keys'), { recursive: true });
    hub.output = '';
    await hub.start();
    expect(hub.output).not.toContain('made the hub key file');
    expect(hub.output).not.toContain('inside the data directory');
  } finally {
    await hub.dispose();
    rmSync(elsewhere, { recursive: true, force: true });
  }
});
