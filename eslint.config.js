// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Import direction is shared → sync → {client, server}; nothing flows back (docs/architecture.md §2). */
const layer = (/** @type {string[]} */ forbidden) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: forbidden.map((dir) => ({
        group: [`**/${dir}/*`, `**/${dir}`],
        message: `This layer must not import from ${dir}/ (shared → sync → {client, server}).`,
      })),
    },
  ],
});

/**
 * Inside client/, imports flow ui ← platform floor ← features ← app (docs/architecture.md, "Client: features
 * as modules"): `ui/` is presentation only; the platform floor (`platform/`, `auth/`, `db/`, `sync-status/`,
 * `i18n/`) is what every feature may use; features never import the shell; `app/` composes everything. The
 * service worker and each feature's `paths.ts` (which the worker bundles) stay free of React and the app.
 * Tests and client/test/ render the real app, so they may import app/.
 */
// `domain-text/` (rendering the shared rules' text codes) sits on the same floor once it lands.
const PLATFORM_FLOOR = ['platform', 'auth', 'db', 'sync-status', 'i18n', 'domain-text'];
const REACT = ['react', 'react/*', 'react-dom', 'react-dom/*', 'react-router', 'react-i18next', 'i18next'];
const clientLayer = (
  /** @type {string} */ layer,
  /** @type {string[]} */ forbidden,
  /** @type {{ group: string[], message: string }[]} */ extra = [],
) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['**/server/*', '**/server'], message: 'client/ must not import from server/.' },
        ...forbidden.map((dir) => ({
          group: [`**/${dir}/*`, `**/${dir}`],
          message: `${layer} must not import from client/${dir}/ (client layers: ui ← platform, auth, db, sync-status, i18n ← features ← app).`,
        })),
        ...extra,
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', '.data', '.tsbuild', 'coverage', 'docs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['shared/**'], rules: layer(['sync', 'server', 'client']) },
  { files: ['sync/**'], rules: layer(['server', 'client']) },
  { files: ['server/**'], rules: layer(['client']) },
  { files: ['client/**'], rules: layer(['server']) },
  {
    files: ['client/ui/**'],
    rules: clientLayer('ui/ (presentation only)', [...PLATFORM_FLOOR, 'features', 'app']),
  },
  {
    files: PLATFORM_FLOOR.map((dir) => `client/${dir}/**`),
    rules: clientLayer('The platform floor', ['features', 'app']),
  },
  {
    files: ['client/features/**'],
    rules: clientLayer(
      'A feature',
      ['app'],
      [
        {
          group: ['../*/manifest', '../*/manifest.*'],
          message: 'Only the shell collects manifests (client/app/features.ts).',
        },
      ],
    ),
  },
  {
    files: ['client/sw.ts', 'client/sw/**', 'client/features/*/paths.ts'],
    rules: clientLayer(
      'The service worker and the paths.ts it bundles',
      ['ui', ...PLATFORM_FLOOR, 'app'],
      [
        { group: REACT, message: 'The service worker bundle must not contain React or i18next.' },
        {
          group: ['**/features/*/*', '!**/features/*/paths.ts'],
          message: 'The service worker reads only the features’ paths.ts.',
        },
      ],
    ),
  },
  {
    files: ['client/**/*.test.ts', 'client/**/*.test.tsx', 'client/test/**'],
    rules: clientLayer('A test', []),
  },
  {
    files: ['client/**/*.tsx', 'client/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Type-aware rules the codebase holds: a promise nobody awaits loses its rejection (an offline write that
    // failed would vanish silently), and == hides coercions (null checks excepted: `x == null` is the idiom).
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  { files: ['scripts/**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
