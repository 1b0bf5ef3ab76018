import { matchesPattern } from '../config/runtimeConfigSchema';

/** A BPJS (JKN-KIS) card number: 13 digits. */
export const BPJS_CARD_PATTERN = /^\d{13}$/;

/** An Indonesian mobile number: 08… or +628…, 10–15 digits in all. */
export const PHONE_PATTERN = /^(\+62|0)8\d{7,12}$/;

/** Whether a medical-record number has the hospital's configured format. */
export function isValidMrn(mrn: string, pattern: string): boolean {
  return matchesPattern(pattern, mrn);
}

/**
 * Upper-case ASCII words of a name, for exact lookups: `Siti  Nur'aini` → `SITI`, `NURAINI`.
 * Accents are dropped and punctuation inside a word removed, so spellings typed differently at
 * two desks still meet.
 */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/['’`.]/g, '')
    .split(/[^A-Z0-9]+/)
    .filter((token) => token.length >= 2);
}

/** A name as stored: trimmed, single spaces, upper case (as on the KTP). */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toUpperCase();
}
