import type * as z from 'zod/mini';
import { err, ok, type Result } from '@/lib/result';
import { runtimeConfigSchema, type ConfigRule, type RuntimeConfig } from './runtimeConfigSchema';

/** What is wrong with one field of a configuration, in reason codes (texts live in `src/i18n`). */
export type ConfigIssue =
  | { field: string; reason: 'notJson' }
  | { field: string; reason: 'required' }
  | { field: string; reason: 'wrongType'; expected: string }
  | { field: string; reason: 'tooShort'; minimum: number }
  | { field: string; reason: 'tooLong'; maximum: number }
  | { field: string; reason: 'invalidFormat' }
  | { field: string; reason: 'invalidUrl' }
  | { field: string; reason: 'notOneOf'; allowed: string[] }
  | { field: string; reason: 'unknownField' }
  | { field: string; reason: ConfigRule; value?: string };

/** `['polis', 2, 'doctors', 0, 'code']` → `polis[2].doctors[0].code`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text ? `${text}.${String(part)}` : String(part);
  }, '');
}

function toConfigIssues(issue: z.core.$ZodIssue): ConfigIssue[] {
  const field = formatFieldPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return [
        issue.input === undefined
          ? { field, reason: 'required' }
          : { field, reason: 'wrongType', expected: issue.expected },
      ];
    case 'too_small':
      return [{ field, reason: 'tooShort', minimum: Number(issue.minimum) }];
    case 'too_big':
      return [{ field, reason: 'tooLong', maximum: Number(issue.maximum) }];
    case 'invalid_format':
      return [{ field, reason: issue.format === 'url' ? 'invalidUrl' : 'invalidFormat' }];
    case 'invalid_value':
      return [{ field, reason: 'notOneOf', allowed: issue.values.map(String) }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: formatFieldPath([...issue.path, key]),
        reason: 'unknownField' as const,
      }));
    case 'custom': {
      const params = issue.params as { rule?: ConfigRule; value?: string } | undefined;
      if (params?.rule) {
        return [{ field, reason: params.rule, ...(params.value ? { value: params.value } : {}) }];
      }
      return [{ field, reason: 'invalidFormat' }];
    }
    default:
      return [{ field, reason: 'invalidFormat' }];
  }
}

/** Validates a parsed `config.json`; on failure, names every wrong field. */
export function parseRuntimeConfig(input: unknown): Result<RuntimeConfig, ConfigIssue[]> {
  const parsed = runtimeConfigSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.flatMap(toConfigIssues));
}

/** Validates the raw text of `config.json`, including whether it is JSON at all. */
export function parseRuntimeConfigText(text: string): Result<RuntimeConfig, ConfigIssue[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err([{ field: '', reason: 'notJson' }]);
  }
  return parseRuntimeConfig(json);
}
