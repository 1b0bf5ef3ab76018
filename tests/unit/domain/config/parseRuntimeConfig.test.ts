import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig, parseRuntimeConfigText, type RuntimeConfig } from '@/domain/config';
import { DEMO_CONFIG } from '../../../../server/demoConfig';

function withChange(change: (config: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(DEMO_CONFIG) as unknown as Record<string, unknown>;
  change(copy);
  return copy;
}

function issuesOf(input: unknown) {
  const result = parseRuntimeConfig(input);
  if (result.ok) throw new Error('expected the config to be rejected');
  return result.error;
}

describe('parseRuntimeConfig', () => {
  it('accepts the demo configuration', () => {
    const result = parseRuntimeConfig(DEMO_CONFIG);
    expect(result.ok).toBe(true);
  });

  it('trims names and codes', () => {
    const result = parseRuntimeConfig(
      withChange((config) => {
        (config.facility as RuntimeConfig['facility']).name = '  RSUD Trim  ';
      }),
    );
    expect(result.ok && result.value.facility.name).toBe('RSUD Trim');
  });

  it('names a missing required field', () => {
    const issues = issuesOf(
      withChange((config) => {
        delete (config.facility as Partial<RuntimeConfig['facility']>).name;
      }),
    );
    expect(issues).toEqual([{ field: 'facility.name', reason: 'required' }]);
  });

  it('names a field of the wrong type with what was expected', () => {
    const issues = issuesOf(withChange((config) => (config.polis = 'Poli Umum')));
    expect(issues).toEqual([{ field: 'polis', reason: 'wrongType', expected: 'array' }]);
  });

  it('rejects a time zone outside Indonesia and lists the allowed ones', () => {
    const issues = issuesOf(
      withChange((config) => {
        (config.facility as { timeZone: string }).timeZone = 'Asia/Singapore';
      }),
    );
    expect(issues).toEqual([
      {
        field: 'facility.timeZone',
        reason: 'notOneOf',
        allowed: ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'],
      },
    ]);
  });

  it('reports an unknown (misspelt) field instead of ignoring it', () => {
    const issues = issuesOf(
      withChange((config) => {
        (config.facility as Record<string, unknown>).tiemZone = 'Asia/Jakarta';
      }),
    );
    expect(issues).toContainEqual({ field: 'facility.tiemZone', reason: 'unknownField' });
  });

  it('points at the exact poli and doctor with a duplicate code', () => {
    const issues = issuesOf(
      withChange((config) => {
        const polis = config.polis as RuntimeConfig['polis'];
        polis[1]!.code = polis[0]!.code;
        polis[2]!.doctors[1]!.code = polis[2]!.doctors[0]!.code;
      }),
    );
    expect(issues).toEqual([
      { field: 'polis[1].code', reason: 'duplicate', value: 'UMU' },
      { field: 'polis[2].doctors[1].code', reason: 'duplicate', value: 'D020' },
    ]);
  });

  it('rejects a duplicate queue prefix, since two polis would print the same ticket numbers', () => {
    const issues = issuesOf(
      withChange((config) => {
        const polis = config.polis as RuntimeConfig['polis'];
        polis[3]!.queuePrefix = 'A';
      }),
    );
    expect(issues).toEqual([{ field: 'polis[3].queuePrefix', reason: 'duplicate', value: 'A' }]);
  });

  it('gives each desk its own ticket series and names a series two desks share', () => {
    expect(DEMO_CONFIG.queue?.deskSeries).toEqual({ PD1: 0, PD2: 1, PD3: 2 });
    expect(issuesOf(withChange((config) => (config.queue = { deskSeries: { pd3: 2, PD4: 10 } })))).toEqual([
      { field: 'queue.deskSeries.pd3', reason: 'invalidFormat' },
      { field: 'queue.deskSeries.PD4', reason: 'tooLong', maximum: 9 },
    ]);
    expect(
      issuesOf(withChange((config) => (config.queue = { deskSeries: { PD1: 1, PD2: 1, PD3: 2 } }))),
    ).toEqual([{ field: 'queue.deskSeries.PD2', reason: 'duplicate', value: '1' }]);
  });

  it('takes the identity proof the registration form starts with, one of the known proofs', () => {
    const parsed = parseRuntimeConfig(
      withChange((config) => (config.registration = { defaultIdentityProof: 'kib' })),
    );
    expect(parsed.ok && parsed.value.registration?.defaultIdentityProof).toBe('kib');
    const issues = issuesOf(
      withChange((config) => (config.registration = { defaultIdentityProof: 'passport' })),
    );
    expect(issues).toEqual([
      {
        field: 'registration.defaultIdentityProof',
        reason: 'notOneOf',
        allowed: ['ktp', 'kib', 'bpjs_card', 'family', 'none'],
      },
    ]);
  });

  it('rejects an MRN pattern that is not a regular expression', () => {
    const issues = issuesOf(
      withChange((config) => {
        (config.mrn as RuntimeConfig['mrn']).pattern = '\\d{6';
      }),
    );
    expect(issues).toEqual([{ field: 'mrn.pattern', reason: 'invalidRegex' }]);
  });

  it('rejects an MRN example that its own pattern does not match', () => {
    const issues = issuesOf(
      withChange((config) => {
        (config.mrn as RuntimeConfig['mrn']).example = '12-34';
      }),
    );
    expect(issues).toEqual([{ field: 'mrn.example', reason: 'exampleMismatch' }]);
  });

  it('accepts a same-origin hub path and an absolute backup hub URL, and rejects anything else', () => {
    expect(
      parseRuntimeConfig(
        withChange((config) => (config.hub = { primaryUrl: '/', backupUrl: 'http://10.0.0.9:8080' })),
      ).ok,
    ).toBe(true);
    const issues = issuesOf(withChange((config) => (config.hub = { primaryUrl: 'hub.local' })));
    expect(issues).toEqual([{ field: 'hub.primaryUrl', reason: 'hubUrl' }]);
  });

  it('rejects a SIMRS health URL that is not http(s)', () => {
    const issues = issuesOf(withChange((config) => (config.simrs = { healthUrl: 'ftp://simrs/health' })));
    expect(issues).toEqual([{ field: 'simrs.healthUrl', reason: 'invalidUrl' }]);
  });

  it('rejects a poli without doctors and an unsupported config version', () => {
    const issues = issuesOf(
      withChange((config) => {
        config.configVersion = 2;
        (config.polis as RuntimeConfig['polis'])[0]!.doctors = [];
      }),
    );
    expect(issues).toEqual([
      { field: 'configVersion', reason: 'notOneOf', allowed: ['1'] },
      { field: 'polis[0].doctors', reason: 'tooShort', minimum: 1 },
    ]);
  });
});

describe('parseRuntimeConfigText', () => {
  it('reports a file that is not JSON at all', () => {
    const result = parseRuntimeConfigText('{ "facility": ');
    expect(result).toEqual({ ok: false, error: [{ field: '', reason: 'notJson' }] });
  });

  it('parses and validates JSON text', () => {
    expect(parseRuntimeConfigText(JSON.stringify(DEMO_CONFIG)).ok).toBe(true);
  });
});
