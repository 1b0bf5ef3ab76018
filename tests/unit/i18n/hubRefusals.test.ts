import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUB_REFUSAL_CODES, HubError } from '@/domain/sync/hubRefusals';
import { hubRefusalText } from '@/i18n/hubRefusals';
import { hubRefusalsEn } from '@/i18n/messages/hubRefusals.en';
import { hubRefusalsId } from '@/i18n/messages/hubRefusals.id';
import { translator } from '@/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** The hub's own source: routes, accounts, devices, security, the app (not SIMRS adapters or the simulator). */
function hubSources(dir = 'server'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return ['delivery', 'simrsSimulator'].includes(name) ? [] : hubSources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every code written as a literal where the hub answers with one. */
function codesInHubSource(): Set<string> {
  const found = new Set<string>();
  for (const file of hubSources()) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of [
      /sendError\(\s*\w+,\s*[^,]+,\s*'([a-z][a-z0-9_]*)'/g,
      /\bcode: '([a-z][a-z0-9_]*)'/g,
      /\[\d{3}, '([a-z][a-z0-9_]*)',/g,
    ])
      for (const match of text.matchAll(pattern)) found.add(match[1]!);
  }
  return found;
}

describe('the hub’s refusals in words', () => {
  it.each([
    ['id', hubRefusalsId],
    ['en', hubRefusalsEn],
  ] as const)('give every hub code a sentence (%s)', (_language, catalogue) => {
    for (const code of [...HUB_REFUSAL_CODES, 'unknown']) {
      const sentence = (catalogue as Record<string, string>)[code];
      expect(sentence?.trim(), code).toBeTruthy();
      // Only the refused field may be filled in; no code or English left for the reader.
      expect(
        placeholders(sentence!).every((name) => name === 'field'),
        code,
      ).toBe(true);
      expect(sentence, code).not.toContain(code.includes('_') ? code : `{${code}}`);
    }
  });

  it('say each code in both languages, with the same placeholders', () => {
    expect(Object.keys(hubRefusalsEn).sort()).toEqual(Object.keys(hubRefusalsId).sort());
    for (const code of Object.keys(hubRefusalsId) as (keyof typeof hubRefusalsId)[]) {
      expect(placeholders(hubRefusalsEn[code]), code).toEqual(placeholders(hubRefusalsId[code]));
      expect(hubRefusalsEn[code], code).not.toBe(hubRefusalsId[code]);
    }
  });

  it('know every code the hub’s source answers with, so a new code without a sentence fails here', () => {
    const inSource = codesInHubSource();
    // The search itself works: it finds codes of each kind of answer.
    for (const code of [
      HubError.TokenRevoked,
      HubError.EnrollmentCodeInvalid,
      HubError.AdminSessionInvalid,
      HubError.PatientHasMrn,
      HubError.NotFound,
    ])
      expect(inSource, code).toContain(code);
    expect([...inSource].filter((code) => !(HUB_REFUSAL_CODES as readonly string[]).includes(code))).toEqual(
      [],
    );
  });

  it('read an unknown code as a plain refusal, never as the code', () => {
    const tr = translator(hubRefusalsId);
    expect(hubRefusalText(tr, 'token_revoked')).toBe(hubRefusalsId.token_revoked);
    expect(hubRefusalText(tr, 'brand_new_code')).toBe(hubRefusalsId.unknown);
    expect(hubRefusalText(tr, 'unknown_poli', { field: 'Poli' })).toBe(
      'Ditolak hub: poli tidak ada dalam konfigurasi hub (kolom Poli).',
    );
  });
});
