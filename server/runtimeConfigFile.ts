import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseRuntimeConfigText, type ConfigIssue } from '@/domain/config';
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
