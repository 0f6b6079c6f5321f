// Lint: TypeScript rules, React hooks, no literal user-visible text in JSX, and the import
// zones of shared/architecture.md (what may import what), enforced per folder.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import i18next from 'eslint-plugin-i18next'
import globals from 'globals'

const node = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'stream', 'http', 'https', 'url', 'worker_threads']
const msg = (text) => ({ message: `${text} (shared/architecture.md, section 1)` })
const rendererBase = [
  { group: node, ...msg('the renderer never imports Node modules') },
  { group: ['**/main/**', '**/server/**'], ...msg('the renderer imports src/shared only') },
]
// Files under `layer` importing any of `above` by a relative path (`../sync/…` from data/).
const upFrom = (layer, above, prefix = '../') =>
  [{ regex: `^${prefix.replaceAll('.', '\\.')}(${above.join('|')})/`, ...msg(`${layer} imports nothing above it`) }]
// One flat-config block per renderer layer: the base patterns plus the arrows it must not draw.
const rendererZone = (files, prefix, above, text) => [
  {
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', ...msg('the renderer never imports electron') }],
          patterns: [...rendererBase, { regex: `^${prefix.replaceAll('.', '\\.')}(${above.join('|')})/`, ...msg(text) }],
        },
      ],
    },
  },
]

export default tseslint.config(
  { ignores: ['node_modules', '.vite', 'out', 'dist-web', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Issue 17: no source file over 300 lines and no function or component over 80 (blank lines and
  // comments not counted), so modules and components stay one responsibility each.
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'i18next/no-literal-string': ['error', { mode: 'jsx-text-only' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'electron', 'y-indexeddb', 'react-i18next'].map((name) => ({ name, ...msg('src/shared runs anywhere: no DOM, Node, Electron, React or Dexie') })),
            // @types/papaparse pulls in Node's types; the min build is typed in import/vendor.d.ts.
            { name: 'papaparse', message: "import 'papaparse/papaparse.min.js' in src/shared: the main entry's types bring Node's globals in" },
          ],
          patterns: [
            { group: node, ...msg('src/shared runs anywhere: no Node') },
            { group: ['**/renderer/**', '**/main/**', '**/server/**'], ...msg('src/shared imports no other folder of src') },
          ],
        },
      ],
      // docx's type declarations reference Node's types, so the compiler alone no longer keeps
      // Node's globals out of src/shared: this rule does.
      'no-restricted-globals': ['error', ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({ name, ...msg('src/shared runs anywhere: no Node globals') }))],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', ...msg('the renderer never imports electron') }],
          patterns: [
            { group: node, ...msg('the renderer never imports Node modules') },
            { group: ['**/main/**', '**/server/**'], ...msg('the renderer imports src/shared only') },
          ],
        },
      ],
      'no-restricted-properties': ['error', { object: 'window', property: 'yishi', message: 'only src/renderer/platform touches the preload API' }],
    },
  },
  {
    files: ['src/renderer/platform/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/renderer/data/**/*.ts', 'src/renderer/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', ...msg('the renderer never imports electron') }],
          patterns: [
            { group: node, ...msg('the renderer never imports Node modules') },
            { group: ['**/main/**', '**/server/**'], ...msg('the renderer imports src/shared only') },
            { group: ['**/features/**', '**/ui/**', '**/app/**', '**/kit/**', 'react', 'react-dom'], ...msg('data/ and sync/ never import features, kit, ui or React') },
            // sync/ may import data/, never the reverse (src/renderer/README.md, layers).
            ...(upFrom('data', ['sync'])),
          ],
        },
      ],
    },
  },
  // The renderer's layers, one way: app → features → kit → ui → platform, and kit → sync → data.
  // tests/unit/renderer-layers.test.ts checks the same order and every cycle on the whole graph.
  ...rendererZone('src/renderer/features/**/*.{ts,tsx}', '../../', ['app'], 'a feature never imports app/ (the composition root)'),
  ...rendererZone('src/renderer/kit/**/*.{ts,tsx}', '../', ['app', 'features'], 'kit/ is below the features: it imports no feature and not app/'),
  ...rendererZone('src/renderer/ui/**/*.{ts,tsx}', '../', ['app', 'features', 'kit', 'sync', 'data'], 'ui/ is presentational: no data access, no feature, no kit'),
  {
    // The phone ballot page: a tiny separate entry. It imports src/shared and its own modules,
    // never the app (React, Dexie, platform), or the page would grow and leak the app's code.
    files: ['src/renderer/ballot/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\./(?!.*\\.\\.)|\\.\\./\\.\\./shared/(?!.*\\.\\.)|i18next$)', ...msg('src/renderer/ballot imports only src/shared, i18next and its own files') }] },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'dexie'].map((name) => ({ name, ...msg('main is Node: no React or Dexie') })),
          patterns: [{ group: ['**/renderer/**'], ...msg('main imports src/shared (and may start src/server), never the renderer') }],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', ...msg('src/server is Node only, never Electron') },
            ...['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'y-indexeddb'].map((name) => ({ name, ...msg('src/server is Node: no React, Dexie or IndexedDB') })),
          ],
          patterns: [{ group: ['**/renderer/**', '**/main/**'], ...msg('src/server imports src/shared only; main may start the server, never the reverse') }],
        },
      ],
    },
  },
  {
    files: ['src/main/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!electron$|\\.\\./shared/)', ...msg('preload imports only electron and src/shared') }] },
      ],
    },
  },
)
