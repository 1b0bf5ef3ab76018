import { facilityClock, Reason, type FacilityTimeZone, type FieldProblem } from '@/domain';
import type { MessageKey, Translate } from '@/i18n';

const REASONS = new Set<string>(Object.values(Reason));

/**
 * A reason code (from a command or a form schema) as a sentence in the user's language — the one
 * place a reason becomes text. Give it the code, never text already translated: anything that is
 * not a reason code reads as the generic "invalid input".
 */
export function reasonText(
  t: Translate,
  reason: string,
  params: FieldProblem['params'] = {},
  timeZone?: FacilityTimeZone,
): string {
  if (!REASONS.has(reason)) return t('reason.unknown');
  const filled: Record<string, string | number> = { ...params };
  if (typeof params.previous === 'string' && timeZone)
    filled.previous = facilityClock(params.previous, timeZone);
  return t(`reason.${reason}` as MessageKey, filled);
}

export function problemText(t: Translate, problem: FieldProblem, timeZone?: FacilityTimeZone): string {
  return reasonText(t, problem.reason, problem.params, timeZone);
}
