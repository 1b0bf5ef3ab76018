import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import { appVersion } from './scripts/appVersion.ts';

/** Builds the hub into one ESM file; npm packages stay external and load from node_modules. */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify(appVersion()) },
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'main.js' } },
  },
});
