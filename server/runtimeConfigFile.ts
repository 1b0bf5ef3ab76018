import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseRuntimeConfigText, type ConfigIssue, type RuntimeConfig } from '@/domain/config';
import { DEMO_CONFIG } from './demoConfig';

/** Creates `config.json` with demo values when the hospital has not provided one yet. */
export function ensureConfigFile(path: string): 'existing' | 'created' {
  if (existsSync(path)) return 'existing';
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(DEMO_CONFIG, null, 2)}\n`, { flag: 'wx' });
  return 'created';
}

/** The problems in the config file as the app will report them; empty when it is valid. */
export function checkConfigFile(path: string): ConfigIssue[] {
  const result = parseRuntimeConfigText(readFileSync(path, 'utf8'));
  return result.ok ? [] : result.error;
}

/**
 * The hub's current configuration, re-read when the file changes (IT edits it live).
 * `undefined` when the file is missing or invalid: rules that need it are then skipped, not
 * applied against a guess.
 */
export function configReader(path: string): () => RuntimeConfig | undefined {
  let cached: { mtimeMs: number; config: RuntimeConfig | undefined } | undefined;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return undefined; // no file: nothing to check against
    }
    if (cached?.mtimeMs !== mtimeMs) {
      const parsed = parseRuntimeConfigText(readFileSync(path, 'utf8'));
      cached = { mtimeMs, config: parsed.ok ? parsed.value : undefined };
    }
    return cached.config;
  };
}
