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
