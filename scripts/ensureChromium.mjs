/**
 * Makes sure a Chromium for the browser tests exists: $CHROMIUM_PATH, else /usr/bin/chromium,
 * and NSS's `certutil`, with which the LAN journey makes Chromium trust the hub's own CA as IT
 * does on a device. On Debian/Ubuntu as root it installs the distribution's `chromium` and
 * `libnss3-tools` packages; anywhere else it stops with instructions. Never downloads a browser.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function works(binary) {
  return existsSync(binary) && spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}

const hasCertutil = () => spawnSync('sh', ['-c', 'command -v certutil'], { stdio: 'ignore' }).status === 0;

if (works(path) && hasCertutil()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const missing = [
  ...(works(path) || process.env.CHROMIUM_PATH ? [] : ['chromium']),
  ...(hasCertutil() ? [] : ['libnss3-tools']),
];
if (missing.length > 0 && isRoot && hasApt) {
  console.log(`Installing the Debian packages ${missing.join(', ')} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  if (works(path) && hasCertutil()) process.exit(0);
}

console.error(`
The browser tests need Chromium (looked for ${path}) and NSS's certutil.
  Debian/Ubuntu:  sudo apt-get install chromium libnss3-tools
  elsewhere:      install Chromium and set CHROMIUM_PATH=/path/to/chromium; install NSS tools (certutil)
`);
process.exit(1);
