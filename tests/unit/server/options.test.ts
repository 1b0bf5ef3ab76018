import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_USAGE, parseHubOptions, readTlsFiles } from '../../../server/options';

describe('parseHubOptions', () => {
  it('uses defaults when nothing is given', () => {
    expect(parseHubOptions([], {}, '/opt/siaga/app')).toEqual({
      ok: true,
      value: {
        port: 8080,
        host: '0.0.0.0',
        dataDir: resolve('data'),
        configPath: resolve('data', 'config.json'),
        deliveryPath: resolve('data', 'delivery.json'),
        appDir: '/opt/siaga/app',
        // HTTPS is the default, under the hub's own CA.
        tls: { mode: 'own-ca', names: [] },
        hostNames: [],
        // The key that wraps the hub's private key: a file made at the first start.
        hubKey: { kind: 'file', path: resolve('data', 'keys', 'hub-kek') },
      },
    });
  });

  it('reads PORT and SIAGA_DATA_DIR from the environment, and flags win over both', () => {
    const fromEnv = parseHubOptions([], { PORT: '9000', SIAGA_DATA_DIR: '/var/siaga' }, '/app');
    expect(fromEnv.ok && fromEnv.value).toMatchObject({
      port: 9000,
      dataDir: '/var/siaga',
      configPath: '/var/siaga/config.json',
      deliveryPath: '/var/siaga/delivery.json',
    });
    const fromFlags = parseHubOptions(
      [
        '--port',
        '9100',
        '--data-dir',
        '/srv/siaga',
        '--config',
        '/etc/siaga/config.json',
        '--delivery',
        '/etc/siaga/delivery.json',
      ],
      { PORT: '9000', SIAGA_DATA_DIR: '/var/siaga', SIAGA_DELIVERY: '/var/siaga/other.json' },
      '/app',
    );
    expect(fromFlags.ok && fromFlags.value).toMatchObject({
      port: 9100,
      dataDir: '/srv/siaga',
      configPath: '/etc/siaga/config.json',
      deliveryPath: '/etc/siaga/delivery.json',
    });
  });

  it('rejects a bad port and unknown flags with a message', () => {
    const badPort = parseHubOptions(['--port', 'eighty'], {}, '/app');
    expect(badPort.ok).toBe(false);
    expect(!badPort.ok && badPort.error).toContain('port');
    const unknown = parseHubOptions(['--prot', '80'], {}, '/app');
    expect(!unknown.ok && unknown.error).toContain('--prot');
  });

  it('takes how often to check the SIMRS, in seconds, from a flag or the environment', () => {
    const fromEnv = parseHubOptions([], { SIAGA_SIMRS_PROBE_SECONDS: '5' }, '/app');
    expect(fromEnv.ok && fromEnv.value).toMatchObject({ simrsProbeMs: 5_000 });
    const fromFlag = parseHubOptions(
      ['--simrs-probe-seconds', '2'],
      { SIAGA_SIMRS_PROBE_SECONDS: '5' },
      '/app',
    );
    expect(fromFlag.ok && fromFlag.value).toMatchObject({ simrsProbeMs: 2_000 });
    expect(parseHubOptions(['--simrs-probe-seconds', '0'], {}, '/app').ok).toBe(false);
  });

  it('recognises --help', () => {
    expect(parseHubOptions(['--help'], {}, '/app')).toEqual({ ok: true, value: 'help' });
  });

  it('takes a TLS certificate and key from flags or the environment, flags first', () => {
    const fromEnv = parseHubOptions(
      [],
      { SIAGA_TLS_CERT: 'tls/hub.crt', SIAGA_TLS_KEY: 'tls/hub.key' },
      '/app',
    );
    expect(fromEnv.ok && fromEnv.value).toMatchObject({
      tls: { mode: 'provided', certPath: resolve('tls/hub.crt'), keyPath: resolve('tls/hub.key') },
    });
    const fromFlags = parseHubOptions(
      ['--tls-cert', '/etc/siaga/hub.crt', '--tls-key', '/etc/siaga/hub.key'],
      { SIAGA_TLS_CERT: 'tls/hub.crt', SIAGA_TLS_KEY: 'tls/hub.key' },
      '/app',
    );
    expect(fromFlags.ok && fromFlags.value).toMatchObject({
      tls: { mode: 'provided', certPath: '/etc/siaga/hub.crt', keyPath: '/etc/siaga/hub.key' },
    });
    expect(HUB_USAGE).toContain('--tls-cert <file>');
    expect(HUB_USAGE).toContain('SIAGA_TLS_KEY');
  });

  it('takes more names for the own certificate, or plain HTTP behind a proxy, and refuses nonsense', () => {
    const named = parseHubOptions(['--tls-names', 'siaga.rs.local, 10.0.5.20'], {}, '/app');
    expect(named.ok && named.value).toMatchObject({
      tls: { mode: 'own-ca', names: ['siaga.rs.local', '10.0.5.20'] },
      hostNames: ['siaga.rs.local', '10.0.5.20'],
    });
    const fromEnv = parseHubOptions([], { SIAGA_TLS_NAMES: 'hub.rs' }, '/app');
    expect(fromEnv.ok && fromEnv.value).toMatchObject({ tls: { mode: 'own-ca', names: ['hub.rs'] } });
    const wrong = parseHubOptions(['--tls-names', 'hub rs'], {}, '/app');
    expect(!wrong.ok && wrong.error).toContain('"hub rs" is not a host name');
    expect(parseHubOptions(['--plain-http'], {}, '/app')).toMatchObject({
      ok: true,
      value: { tls: { mode: 'off' } },
    });
    // Behind a proxy the names still say which hosts the hub answers for [P42].
    expect(parseHubOptions(['--plain-http', '--tls-names', 'siaga.rs.local'], {}, '/app')).toMatchObject({
      ok: true,
      value: { tls: { mode: 'off' }, hostNames: ['siaga.rs.local'] },
    });
    expect(parseHubOptions([], { SIAGA_PLAIN_HTTP: '1' }, '/app')).toMatchObject({
      ok: true,
      value: { tls: { mode: 'off' } },
    });
    const both = parseHubOptions(['--plain-http', '--tls-cert', 'a', '--tls-key', 'b'], {}, '/app');
    expect(!both.ok && both.error).toContain('exclude each other');
  });

  it('takes the hub key file from a flag or the environment, by default in <data-dir>/keys', () => {
    const byDefault = parseHubOptions(['--data-dir', '/srv/siaga'], {}, '/app');
    expect(byDefault.ok && byDefault.value).toMatchObject({
      hubKey: { kind: 'file', path: '/srv/siaga/keys/hub-kek' },
    });
    const fromEnv = parseHubOptions([], { SIAGA_HUB_KEY_FILE: 'secrets/hub-kek' }, '/app');
    expect(fromEnv.ok && fromEnv.value).toMatchObject({
      hubKey: { kind: 'file', path: resolve('secrets/hub-kek') },
    });
    const fromFlag = parseHubOptions(
      ['--hub-key-file', '/etc/siaga/hub-kek'],
      { SIAGA_HUB_KEY_FILE: 'secrets/hub-kek' },
      '/app',
    );
    expect(fromFlag.ok && fromFlag.value).toMatchObject({
      hubKey: { kind: 'file', path: '/etc/siaga/hub-kek' },
    });
    expect(HUB_USAGE).toContain('--hub-key-file <file>');
    expect(HUB_USAGE).toContain('SIAGA_HUB_KEY ');
  });

  it('takes the hub key itself from SIAGA_HUB_KEY (32 bytes, base64), never with a key file, never echoed', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, index) => index * 7);
    for (const text of [
      Buffer.from(bytes).toString('base64'),
      Buffer.from(bytes).toString('base64url'),
      ` ${Buffer.from(bytes).toString('base64')}\n`,
    ]) {
      const parsed = parseHubOptions([], { SIAGA_HUB_KEY: text }, '/app');
      expect(parsed.ok && parsed.value, text).toMatchObject({ hubKey: { kind: 'environment', key: bytes } });
    }
    for (const wrong of [
      'too-short',
      Buffer.alloc(31).toString('base64'),
      Buffer.alloc(33).toString('base64'),
    ]) {
      const parsed = parseHubOptions([], { SIAGA_HUB_KEY: wrong }, '/app');
      expect(!parsed.ok && parsed.error, wrong).toContain('SIAGA_HUB_KEY must be 32 random bytes in base64');
      expect(!parsed.ok && parsed.error).not.toContain(wrong);
    }
    const key = Buffer.from(bytes).toString('base64');
    for (const both of [
      parseHubOptions(['--hub-key-file', '/etc/siaga/hub-kek'], { SIAGA_HUB_KEY: key }, '/app'),
      parseHubOptions([], { SIAGA_HUB_KEY: key, SIAGA_HUB_KEY_FILE: '/etc/siaga/hub-kek' }, '/app'),
    ]) {
      expect(!both.ok && both.error).toContain('exclude each other');
    }
  });

  it('refuses a certificate without its key and the other way round', () => {
    const certOnly = parseHubOptions(['--tls-cert', 'hub.crt'], {}, '/app');
    expect(!certOnly.ok && certOnly.error).toMatch(/--tls-cert and --tls-key go together.*only --tls-cert/);
    const keyOnly = parseHubOptions([], { SIAGA_TLS_KEY: 'hub.key' }, '/app');
    expect(!keyOnly.ok && keyOnly.error).toMatch(/only --tls-key/);
  });
});

describe('readTlsFiles', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'siaga-tls-'));
    const options = { keyType: 'ec', algorithm: 'sha256' } as const;
    const [hub, other] = await Promise.all([
      generate([{ name: 'commonName', value: 'hub.rs.local' }], options),
      generate([{ name: 'commonName', value: 'other.rs.local' }], options),
    ]);
    writeFileSync(file('hub.crt'), hub.cert);
    writeFileSync(file('hub.key'), hub.private);
    writeFileSync(file('other.key'), other.private);
    writeFileSync(file('garbage.crt'), 'not a certificate');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a matching certificate and key', () => {
    const read = readTlsFiles({ certPath: file('hub.crt'), keyPath: file('hub.key') });
    expect(read.ok && read.value.cert.toString()).toContain('BEGIN CERTIFICATE');
  });

  it('names the file it cannot read', () => {
    const missing = readTlsFiles({ certPath: file('missing.crt'), keyPath: file('hub.key') });
    expect(!missing.ok && missing.error).toBe(
      `cannot read the TLS certificate ${file('missing.crt')} (ENOENT).`,
    );
    const noKey = readTlsFiles({ certPath: file('hub.crt'), keyPath: dir });
    expect(!noKey.ok && noKey.error).toBe(`cannot read the TLS private key ${dir} (EISDIR).`);
  });

  it('refuses a key of another certificate and a file that is not PEM', () => {
    const mismatch = readTlsFiles({ certPath: file('hub.crt'), keyPath: file('other.key') });
    expect(!mismatch.ok && mismatch.error).toContain('are not a usable PEM pair');
    const garbage = readTlsFiles({ certPath: file('garbage.crt'), keyPath: file('hub.key') });
    expect(!garbage.ok && garbage.error).toContain('are not a usable PEM pair');
  });
});
