import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { configDefaults } from 'vitest/config';
import { appVersion } from './scripts/appVersion.ts';

const HUB_DEV_URL = process.env.SIAGA_HUB_DEV_URL ?? 'http://127.0.0.1:8080';

/**
 * The chunks index.html preloads. Vite resolves the page's preloads before the lazy chunks' (so
 * the set is complete when those are asked; were it not, nothing is left out and Vite's default
 * holds): a lazy chunk then preloads only what start-up has not loaded already. Shorter lists in
 * the start-up code, and fewer <link rel=modulepreload> insertions, each a DOM change and a
 * request on the main thread, at every dynamic import (issue 16).
 */
const startupChunks = new Set<string>();

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify(appVersion()) },
  build: {
    outDir: process.env.SIAGA_APP_OUT_DIR ?? 'dist/app',
    emptyOutDir: true,
    // No source maps in what the hub serves [P43]: they would publish the app's source and its
    // comments to anyone on the LAN. Debug with `npm run dev`.
    sourcemap: false,
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) => {
        if (hostType === 'html') {
          deps.forEach((dep) => startupChunks.add(dep));
          return deps;
        }
        return deps.filter((dep) => !startupChunks.has(dep));
      },
    },
    // `npm run bench` builds the app together with its measuring harness (never shipped).
    ...(process.env.SIAGA_BENCH
      ? { rollupOptions: { input: { main: 'index.html', harness: 'bench/harness/index.html' } } }
      : {}),
  },
  server: {
    // `npm run dev` runs the hub beside Vite; the app talks to it through this proxy.
    proxy: { '/api': HUB_DEV_URL, '/config.json': HUB_DEV_URL },
  },
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        id: '/',
        name: 'Siaga',
        short_name: 'Siaga',
        description: 'Siaga menjaga pelayanan rumah sakit tetap berjalan saat SIMRS tidak tersedia.',
        lang: 'id',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0f5f5c',
        background_color: '#f6f8f7',
        categories: ['medical', 'productivity'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,woff2}'],
        // Source maps are for debugging, not for running offline.
        globIgnores: ['**/*.map'],
        navigateFallback: 'index.html',
        // The API and the runtime configuration must always come from the network; the app
        // keeps its own copy of the last valid configuration (never a cached response).
        navigateFallbackDenylist: [/^\/api\//, /^\/config\.json$/],
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
        runtimeCaching: [],
      },
      devOptions: { enabled: false },
    }),
  ],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.tsx'],
          setupFiles: ['tests/unit/setup.ts', 'tests/unit/setupDom.ts'],
        },
      },
    ],
    exclude: [...configDefaults.exclude, 'tests/e2e/**'],
    env: { TZ: 'Asia/Jakarta' },
    // CI has two cores: passphrase hashing, real hubs and 10,000-row journals in parallel workers
    // take seconds there. Time is never what a test asserts; a hang still fails.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
