import { readFileSync } from 'node:fs';

/**
 * The version the app and the hub report. `SIAGA_BUILD_ID` lets a deployment (or a test) tell two
 * builds of the same release apart, e.g. `0.1.0+b2`.
 */
export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  const buildId = process.env.SIAGA_BUILD_ID;
  return buildId ? `${pkg.version}+${buildId}` : pkg.version;
}
