/**
 * Runs every benchmark in bench/ (files named *.bench.ts) one after another against the built
 * app, printing each one's table. Run through `npm run bench`, which builds first.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const benches = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => !only || name.includes(only))
  .sort();

// One build of the app with its measuring harness (never shipped) for every bench.
const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
  stdio: 'inherit',
  env: { ...process.env, SIAGA_BENCH: '1', SIAGA_APP_OUT_DIR: '.bench/app' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

let failed = false;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${bench}`], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
