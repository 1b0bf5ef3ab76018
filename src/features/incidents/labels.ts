import type { IncidentCause, IncidentScope, MissingLogField } from '@/domain';
import type { IncidentMessageKey } from '@/i18n/incidents';

export const SCOPE_LABEL: Record<IncidentScope, IncidentMessageKey> = {
  single_pc: 'scope.single_pc',
  unit: 'scope.unit',
  hospital: 'scope.hospital',
};

export const CAUSE_LABEL: Record<IncidentCause, IncidentMessageKey> = {
  power: 'cause.power',
  network: 'cause.network',
  server: 'cause.server',
  application: 'cause.application',
  planned_maintenance: 'cause.planned_maintenance',
  cyber: 'cause.cyber',
  unknown: 'cause.unknown',
};

export const MISSING_LABEL: Record<MissingLogField, IncidentMessageKey> = {
  requestedAt: 'field.requestedAt',
  respondedAt: 'field.respondedAt',
  workDescription: 'field.workDescription',
};

/** `'2026-11'` → `'November 2026'` in the reader's language. */
export function monthName(month: string, locale: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, number - 1, 1)),
  );
}
