import { INTL_LOCALE } from './translate';
import type { Language } from './language';

/** A date and time as staff read it, in the facility's zone (e.g. `22/11/2026 08.12`). */
export function formatDateTime(at: Date | number, language: Language, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[language], {
    dateStyle: 'short',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}

const decimalFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number as the language writes it — `37,5` and `1.234,5` (id), `37.5` and `1,234.5` (en) —
 * with every digit the stored number has: 20 fraction digits at most, and Intl writes the
 * shortest decimal that reads back as the same number, so nothing is rounded and no noise added.
 * `grouping: false` for text a person may edit and that is read back (`1234,5`, never `1.234,5`).
 */
export function formatDecimal(
  value: number,
  language: Language,
  { grouping = true }: { grouping?: boolean } = {},
): string {
  const key = `${language}:${grouping}`;
  let format = decimalFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[language], {
      maximumFractionDigits: 20,
      useGrouping: grouping,
    });
    decimalFormats.set(key, format);
  }
  return format.format(value);
}
