// @ts-check
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer rule of docs/architecture.md, enforced: for each folder, the `@/` layers (and npm
 * packages) it must not import. Each entry is complete on its own because a later flat-config
 * block replaces, not merges, the options of the same rule.
 */
const LAYERS = ['domain', 'storage', 'sync', 'session', 'features', 'app', 'ui', 'i18n', 'lib'];
const BROWSER_LAYERS = ['storage', 'sync', 'session', 'features', 'app', 'ui', 'i18n'];
const FORBIDDEN = {
  'src/lib': {
    layers: LAYERS.filter((layer) => layer !== 'lib'),
    packages: ['react', 'react-dom', 'zustand'],
  },
  'src/domain': { layers: BROWSER_LAYERS, packages: ['react', 'react-dom', 'zustand', 'dexie-react-hooks'] },
  'src/storage': { layers: ['sync', 'session', 'features', 'app', 'ui', 'i18n'], packages: [] },
  'src/sync': {
    layers: ['session', 'features', 'app', 'ui', 'i18n'],
    packages: ['react', 'react-dom', 'dexie-react-hooks'],
  },
  'src/session': { layers: ['features', 'app', 'ui', 'i18n'], packages: ['react-dom', 'dexie-react-hooks'] },
  'src/features': { layers: ['app'], packages: [] },
  'src/ui': { layers: ['domain', 'storage', 'sync', 'session', 'features', 'app', 'i18n'], packages: [] },
  'src/i18n': { layers: ['storage', 'sync', 'session', 'features', 'app', 'ui'], packages: [] },
  'src/app': { layers: [], packages: [] },
  server: { layers: BROWSER_LAYERS, packages: ['react', 'react-dom', 'zustand', 'dexie-react-hooks'] },
};

function restrictedImports(folder) {
  const { layers, packages } = FORBIDDEN[folder];
  const dexieOutsideStorage = folder === 'src/storage' ? [] : ['dexie', 'dexie-react-hooks'];
  return [
    'error',
    {
      paths: [...new Set([...packages, ...dexieOutsideStorage])].map((name) => ({
        name,
        message: `${folder} must not import ${name} (see docs/architecture.md: dependency direction).`,
      })),
      patterns: [
        ...layers.map((layer) => ({
          group: [`@/${layer}`, `@/${layer}/**`],
          message: `${folder} must not import from src/${layer} (see docs/architecture.md).`,
        })),
        {
          regex: String.raw`^(\.\./)+(domain|storage|sync|session|features|app|ui|i18n|lib)(/|$)`,
          message: 'Import across layers with the @/ alias, not a relative path.',
        },
        {
          group: ['@/features/*/*'],
          message: "Import a feature through its index.ts ('@/features/<name>'), not its internals.",
        },
      ],
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.scratch/**',
      '.e2e/**',
      '.bench/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    settings: { react: { version: '19' } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // Every user-visible text comes from src/i18n.
      'react/jsx-no-literals': [
        'error',
        { noStrings: false, ignoreProps: true, allowedStrings: ['—', '·', '/', ':', '%'] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Network access lives in src/sync only.' },
        { name: 'indexedDB', message: 'IndexedDB is reached through Dexie in src/storage only.' },
      ],
    },
  },
  ...Object.keys(FORBIDDEN).map((folder) => ({
    files: [`${folder}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': restrictedImports(folder) },
  })),
  {
    files: ['src/sync/**/*.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: [
      'server/**/*.ts',
      'scripts/**/*.{ts,mjs}',
      'tests/**/*.{ts,tsx}',
      'bench/**/*.{ts,mjs}',
      '*.{ts,js}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['scripts/**/*.{ts,mjs}', 'bench/**/*.{ts,mjs}'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      // Tests reach into the browser page and fake what they must.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Fakes mirror async APIs without awaiting anything.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
