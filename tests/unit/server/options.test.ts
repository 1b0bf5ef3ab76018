import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHubOptions } from '../../../server/options';

describe('parseHubOptions', () => {
  it('uses defaults when nothing is given', () => {
    expect(parseHubOptions([], {}, '/opt/siaga/app')).toEqual({
      ok: true,
      value: {
        port: 8080,
        host: '0.0.0.0',
        dataDir: resolve('data'),
        configPath: resolve('data', 'config.json'),
        appDir: '/opt/siaga/app',
      },
    });
  });

  it('reads PORT and SIAGA_DATA_DIR from the environment, and flags win over both', () => {
    const fromEnv = parseHubOptions([], { PORT: '9000', SIAGA_DATA_DIR: '/var/siaga' }, '/app');
    expect(fromEnv.ok && fromEnv.value).toMatchObject({
      port: 9000,
      dataDir: '/var/siaga',
      configPath: '/var/siaga/config.json',
    });
    const fromFlags = parseHubOptions(
      ['--port', '9100', '--data-dir', '/srv/siaga', '--config', '/etc/siaga/config.json'],
      { PORT: '9000', SIAGA_DATA_DIR: '/var/siaga' },
      '/app',
    );
    expect(fromFlags.ok && fromFlags.value).toMatchObject({
      port: 9100,
      dataDir: '/srv/siaga',
      configPath: '/etc/siaga/config.json',
    });
  });

  it('rejects a bad port and unknown flags with a message', () => {
    const badPort = parseHubOptions(['--port', 'eighty'], {}, '/app');
    expect(badPort.ok).toBe(false);
    expect(!badPort.ok && badPort.error).toContain('port');
    const unknown = parseHubOptions(['--prot', '80'], {}, '/app');
    expect(!unknown.ok && unknown.error).toContain('--prot');
  });

  it('recognises --help', () => {
    expect(parseHubOptions(['--help'], {}, '/app')).toEqual({ ok: true, value: 'help' });
  });
});
