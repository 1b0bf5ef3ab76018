/**
 * Reports the gzip size of what a device downloads to start the app, and fails the build when
 * the start-up JavaScript (the entry chunk and the chunks it preloads) exceeds its budget, or
 * when the build holds source maps.
 *
 * Budget: 135 KB gzip. Measured parts when it was set: react-dom ≈ 58 KB, Dexie ≈ 29 KB, zod/mini
 * ≈ 6 KB, the Bahasa Indonesia catalogue ≈ 9 KB, the shell ≈ 20 KB. Hospital tablets are modest
 * and the first load may happen over a congested LAN; workspaces and the English catalogue
 * therefore arrive as lazy (precached) chunks, leaving start-up to what every screen needs.
 *
 * Raised to 145 KB with the security work (docs/decisions/0003-security.md): the first screen is
 * now a sign-in or lock screen, so the session, the key ring and the rights table must load
 * before anything is shown (≈ 4 KB), and the account screens add to the Bahasa Indonesia
 * catalogue. Account administration and the journal writer stay lazy; splitting the catalogue per
 * workspace is the next lever when this budget is reached again.
 *
 * Raised to 147 KB with the incidents (issue 6): the incidents workspace brought its own catalogue
 * (`src/i18n/workspaceCatalogue.ts`, in its lazy chunk), and the open-incident banner, its messages
 * and the outage watch load after sign-in; what stays at start-up is the reason texts of the new
 * commands (every refusal must be sayable anywhere), the database's version 5 and the hub id in the
 * probe (≈ 1.5 KB). Next lever, before raising again: move the capture workspaces' messages out of
 * the start-up catalogue the same way.
 *
 * Issue 14 pulled that lever: the workflows' Bahasa Indonesia messages (`capture.id.ts`) load beside
 * the first lazy screen (`withMessages` in src/i18n/language.ts), ≈ 6 KB out of start-up. What
 * remains there: the shell, every reason text and the account screens' messages.
 *
 * Lowered to 130 KB with issue 16 (offline cold start to a usable sign-in screen ≤ 1 s with the CPU
 * ×4; bench/startup.bench.ts), from 141.7 KB measured: the set-up, sign-in and PIN code with the key
 * derivation and the account schemas (`session/sessionActions.ts`, fetched once the first screen is
 * shown) −5.3 KB; the account screens' messages and every reason text now travel with the screens'
 * messages (`i18n/messages/screens.id.ts`; the gate screens are a lazy screen like the others, and
 * nothing in the shell shows a reason text) −4.6 KB; the signed-in routes and navigation
 * (`app/signedIn.ts`), where a session lands, the purge, the service worker's registration code,
 * the configuration-problem and update notices (loaded only when shown) ≈ −1.5 KB; lazy chunks no
 * longer list the start-up chunks to preload (vite.config.ts) ≈ −0.9 KB. Measured then: 129.4 KB
 * (react-dom ≈ 62 KB, Dexie ≈ 31 KB, zod/mini and the schemas of what is read at start ≈ 12 KB, the
 * shell ≈ 8 KB). Dexie is the next lever (the first screen reads three meta rows), but every shell
 * component reads through live queries today.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const APP_DIR = process.argv[2] ?? 'dist/app';
const STARTUP_JS_BUDGET_BYTES = 130 * 1024;

const html = readFileSync(join(APP_DIR, 'index.html'), 'utf8');
const entry = html.match(/<script type="module"[^>]*src="\/([^"]+)"/)?.[1];
if (!entry) {
  console.error(`checkBundleBudget: no module entry script found in ${APP_DIR}/index.html`);
  process.exit(1);
}
const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map(
  (match) => match[1],
);
const styles = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((match) => match[1]);

const gzipBytes = (file) => gzipSync(readFileSync(join(APP_DIR, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const rows = [
  ['entry chunk', entry, gzipBytes(entry)],
  ...preloads.map((file) => ['preloaded chunk', file, gzipBytes(file)]),
  ...styles.map((file) => ['stylesheet', file, gzipBytes(file)]),
];
const startup = rows.reduce((sum, [, , bytes]) => sum + bytes, 0);
// No source maps ship (docs/sync-protocol.md P43): no map files, no comment pointing at one.
const mapped = walk(APP_DIR).filter(
  (file) =>
    file.endsWith('.map') ||
    (/\.(m?js|css)$/.test(file) && /^\/[/*][#@] sourceMappingURL=/m.test(readFileSync(file, 'utf8'))),
);
if (mapped.length > 0) {
  console.error(`checkBundleBudget: source maps in the app build (P43): ${mapped.join(', ')}`);
  process.exit(1);
}
const shipped = walk(APP_DIR);
const shippedGzip = shipped.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);

console.log('\nStart-up download (gzip):');
for (const [kind, file, bytes] of rows) console.log(`  ${kind.padEnd(16)} ${kb(bytes).padStart(9)}  ${file}`);
console.log(`  ${'total'.padEnd(16)} ${kb(startup).padStart(9)}`);
console.log(`  whole app (${shipped.length} files, gzip): ${kb(shippedGzip)}`);
const startupJs = rows.filter(([kind]) => kind !== 'stylesheet').reduce((sum, [, , bytes]) => sum + bytes, 0);
console.log(`  start-up JS budget: ${kb(startupJs)} of ${kb(STARTUP_JS_BUDGET_BYTES)}\n`);
if (startupJs > STARTUP_JS_BUDGET_BYTES) {
  console.error(
    `Start-up JS ${kb(startupJs)} exceeds its ${kb(STARTUP_JS_BUDGET_BYTES)} gzip budget: lazy-load more.`,
  );
  process.exit(1);
}
