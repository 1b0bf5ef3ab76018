import { describe, expect, it } from 'vitest';
import {
  formatTempNumber,
  isTempNumber,
  luhnCheckDigit,
  parseRuntimeConfig,
  SAMPLE_TEMP_NUMBER,
  TEMP_NUMBER_PATTERN,
} from '@/domain';
import { DEMO_CONFIG } from '../../../../server/demoConfig';

describe('luhnCheckDigit', () => {
  it('matches the classic Luhn digit for digit strings', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('4111111111111111'.slice(0, -1))).toBe(1);
  });

  it('catches every mistyped digit and every swap of neighbouring digits in the numeric part', () => {
    const body = 'PD12611220042';
    const check = luhnCheckDigit(body);
    for (let index = 3; index < body.length; index += 1) {
      for (const replacement of '0123456789') {
        if (replacement === body[index]) continue;
        const changed = body.slice(0, index) + replacement + body.slice(index + 1);
        expect(luhnCheckDigit(changed), changed).not.toBe(check);
      }
    }
    for (let index = 3; index < body.length - 1; index += 1) {
      const [a, b] = [body[index]!, body[index + 1]!];
      if (a === b || `${a}${b}` === '09' || `${a}${b}` === '90') continue; // Luhn's one blind spot
      const swapped = body.slice(0, index) + b + a + body.slice(index + 2);
      expect(luhnCheckDigit(swapped), swapped).not.toBe(check);
    }
  });
});

describe('temporary numbers', () => {
  it('have the documented shape with a valid check digit', () => {
    const number = formatTempNumber('PD1', '261122', 42);
    expect(number).toMatch(TEMP_NUMBER_PATTERN);
    expect(number.startsWith('TMP-PD1-261122-0042-')).toBe(true);
    expect(isTempNumber(number)).toBe(true);
  });

  it('reject a mistyped check digit', () => {
    const number = formatTempNumber('PD1', '261122', 42);
    const wrong = `${number.slice(0, -1)}${(Number(number.at(-1)) + 1) % 10}`;
    expect(isTempNumber(wrong)).toBe(false);
  });

  it('never collide between devices: 3 desks × 2 days × 500 numbers are all distinct', () => {
    const numbers = new Set<string>();
    for (const device of ['PD1', 'PD2', 'RM1']) {
      for (const date of ['261122', '261123']) {
        for (let sequence = 1; sequence <= 500; sequence += 1)
          numbers.add(formatTempNumber(device, date, sequence));
      }
    }
    expect(numbers.size).toBe(3 * 2 * 500);
  });

  it('cannot be produced for an invalid device code or sequence', () => {
    expect(() => formatTempNumber('pd1', '261122', 1)).toThrow();
    expect(() => formatTempNumber('PD1', '261122', 0)).toThrow();
    expect(() => formatTempNumber('PD1', '261122', 10_000)).toThrow();
  });

  it('can never match a hospital MRN pattern: the config refuses a pattern that would', () => {
    expect(isTempNumber(SAMPLE_TEMP_NUMBER)).toBe(true);
    const greedy = { ...DEMO_CONFIG, mrn: { pattern: '[A-Z0-9-]+', example: 'TMP-1' } };
    const result = parseRuntimeConfig(greedy);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContainEqual({ field: 'mrn.pattern', reason: 'matchesTempNumber' });
  });
});
