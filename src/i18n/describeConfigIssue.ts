import type { ConfigIssue } from '@/domain/config';
import { assertNever } from '@/lib/assert';
import type { Translate } from './translate';

/** User text for one configuration problem, e.g. `polis[2].name — wajib diisi`. */
export function describeConfigIssue(t: Translate, issue: ConfigIssue): { field: string; problem: string } {
  const field = issue.field || t('config.field.root');
  switch (issue.reason) {
    case 'notJson':
    case 'required':
    case 'invalidFormat':
    case 'invalidUrl':
    case 'unknownField':
    case 'hubUrl':
    case 'invalidRegex':
    case 'exampleMismatch':
    case 'matchesTempNumber':
      return { field, problem: t(`configIssue.${issue.reason}`) };
    case 'wrongType':
      return { field, problem: t('configIssue.wrongType', { expected: issue.expected }) };
    case 'tooShort':
      return { field, problem: t('configIssue.tooShort', { minimum: issue.minimum }) };
    case 'tooLong':
      return { field, problem: t('configIssue.tooLong', { maximum: issue.maximum }) };
    case 'notOneOf':
      return { field, problem: t('configIssue.notOneOf', { allowed: issue.allowed.join(', ') }) };
    case 'duplicate':
      return { field, problem: t('configIssue.duplicate', { value: issue.value ?? '' }) };
    default:
      return assertNever(issue, 'config issue');
  }
}
