/**
 * Makes sure a Chromium for the browser tests exists: $CHROMIUM_PATH, else /usr/bin/chromium.
 * On Debian/Ubuntu as root it installs the distribution's `chromium` package; anywhere else it
 * stops with instructions. Never downloads a browser of its own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function works(binary) {
  return existsSync(binary) && spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}

if (works(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!process.env.CHROMIUM_PATH && isRoot && hasApt) {
  console.log('Chromium not found: installing the Debian package "chromium" (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (works(path)) process.exit(0);
}

console.error(`
Chromium is needed for the browser tests and was not found at ${path}.
  Debian/Ubuntu:  sudo apt-get install chromium
  elsewhere:      install Chromium and set CHROMIUM_PATH=/path/to/chromium
`);
process.exit(1);
