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
