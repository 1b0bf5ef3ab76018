import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ensureDeliveryFile,
  parseDeliveryFile,
  readDeliveryFile,
} from '../../../server/delivery/deliveryConfig';

describe('delivery.json (hub only)', () => {
  it('is written for the demo once, readable by the hub’s user only, pointing at the simulator', () => {
    const dir = mkdtempSync(join(tmpdir(), 'siaga-delivery-config-'));
    try {
      const path = join(dir, 'delivery.json');
      expect(ensureDeliveryFile(path)).toBe('created');
      const first = readFileSync(path, 'utf8');
      expect(ensureDeliveryFile(path)).toBe('existing');
      expect(readFileSync(path, 'utf8')).toBe(first);
      expect(statSync(path).mode & 0o077).toBe(0);
      const file = readDeliveryFile(path);
      expect(file.ok && file.value.targets).toEqual([
        expect.objectContaining({ name: 'simrs', adapter: 'simrs-rest', baseUrl: 'http://127.0.0.1:8081' }),
      ]);
      const target = file.ok ? file.value.targets[0] : undefined;
      expect(file.ok && file.value.simulator?.token).toBe(target?.adapter === 'simrs-rest' && target.token);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names what is wrong: not JSON, a bad field, two targets with one name', () => {
    expect(parseDeliveryFile('{')).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') });
    const target = {
      name: 'simrs',
      adapter: 'simrs-rest',
      label: 'SIMRS',
      baseUrl: 'ftp://x',
      token: 'a'.repeat(16),
    };
    expect(parseDeliveryFile(JSON.stringify({ targets: [target] }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('targets.0.baseUrl'),
    });
    const valid = { ...target, baseUrl: 'https://simrs.rs.local' };
    expect(parseDeliveryFile(JSON.stringify({ targets: [valid, valid] }))).toEqual({
      ok: false,
      error: 'delivery.json: two targets are named "simrs"',
    });
    expect(parseDeliveryFile(JSON.stringify({ targets: [valid] }))).toMatchObject({
      ok: true,
      value: { targets: [{ timeoutMs: 15_000 }] },
    });
  });

  it('reads a FHIR R4 (SATUSEHAT) target with its maps, and says which field is missing', () => {
    const satusehat = {
      name: 'satusehat',
      adapter: 'fhir-r4',
      label: 'SATUSEHAT (staging)',
      baseUrl: 'https://api-satusehat-stg.dto.kemkes.go.id/fhir-r4/v1',
      tokenUrl:
        'https://api-satusehat-stg.dto.kemkes.go.id/oauth2/v1/accesstoken?grant_type=client_credentials',
      clientId: 'client',
      clientSecret: 'secret',
      organizationId: '10000004',
      locations: { UMU: 'b017aa54-f1df-4ec2-9d84-8823815d7228' },
      practitioners: { D001: 'N10000001' },
    };
    expect(parseDeliveryFile(JSON.stringify({ targets: [satusehat] }))).toMatchObject({
      ok: true,
      value: { targets: [{ adapter: 'fhir-r4', maxBundleEntries: 100, timeoutMs: 15_000 }] },
    });
    const { clientSecret: _secret, ...withoutSecret } = satusehat;
    expect(parseDeliveryFile(JSON.stringify({ targets: [withoutSecret] }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('targets.0.clientSecret'),
    });
  });
});
