import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SECOND_RELEASE_DIR, SECOND_RELEASE_ID } from './fixtures/paths';

/** Checks the build under test exists and builds a second release for the update journey. */
export default function globalSetup(): void {
  for (const file of ['dist/app/index.html', 'dist/app/sw.js', 'dist/server/main.js']) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: run "npm run build" before the browser tests.`);
  }
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, SIAGA_BUILD_ID: SECOND_RELEASE_ID, SIAGA_APP_OUT_DIR: SECOND_RELEASE_DIR },
  });
}
