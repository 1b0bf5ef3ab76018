/**
 * Development: the hub (API, config.json) restarted on change, and Vite's dev server with hot
 * reload proxying /api and /config.json to it. The service worker does not run under Vite: test
 * offline behaviour against `npm run build && npm start`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('dist/app/index.html')) {
  // The hub refuses to start without a built app to serve; Vite serves the live one in dev.
  spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
}
const children = [
  spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--watch',
      'server/main.ts',
      '--port',
      '8080',
      '--data-dir',
      'data',
      '--app-dir',
      'dist/app',
    ],
    {
      stdio: 'inherit',
    },
  ),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((child) => child.on('exit', stop));
