// ESLint, run by `npm test` (zero warnings). typescript-eslint's recommended rules, the React
// hooks rules for the renderer, and the project's own layering: the db layer reads and writes
// rows and imports no domain module; the renderer takes only types from the contract (its
// values come from shared/vocabulary.ts, so it bundles no zod).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/.data/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart']
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '../../shared/api', message: 'Import values from shared/vocabulary (the contract bundles zod).', allowTypeImports: true }],
          patterns: [{ regex: '(^|/)shared/(api|contract/.*)$', message: 'The renderer takes only types from the contract; values come from shared/vocabulary.', allowTypeImports: true }] }
      ]
    }
  },
  {
    files: ['src/main/db/**/*.ts'],
    ignores: ['src/main/db/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!\\.\\./shared/)|^\\.\\./\\.\\./(?!\\.\\./shared/)\\.\\./', message: 'The db layer only reads and writes rows: it imports nothing of the domain above it.' }] }
      ]
    }
  },
  {
    // The browser extension: its own bundle, sharing only the capture protocol with the app.
    files: ['extension/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./\\.\\./src/(?!shared/capture$)', message: 'The extension shares only src/shared/capture.ts with the app.' }] }
      ]
    }
  },
  {
    files: ['e2e/**/*.ts', 'src/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } }
  }
)
