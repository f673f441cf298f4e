import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** A relative import that reaches into one of our top-level rooms. */
const room = (...names) => `^\\.{1,2}/(.*/)?(${names.join('|')})(/|$)`;
const hosts = ['main', 'preload', 'server', 'cli'];

/** architecture.md: imports only point down; shared imports nothing of ours; nothing imports a host. */
function boundary(files, message, regexes, extra = []) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...regexes.map((regex) => ({ regex, message })),
            ...extra.map((regex) => ({ regex, message })),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Session text is hostile: never render raw HTML.',
        },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Session text is hostile: never assign innerHTML.',
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The app does not use the React Compiler, so a hook it cannot memoise costs nothing here.
      'react-hooks/incompatible-library': 'off',
    },
  },
  boundary(
    ['src/shared/**'],
    'src/shared runs anywhere: it imports nothing of ours, no electron, no node:*, no DOM.',
    [room('core', 'renderer', ...hosts), '^electron$', '^node:', '^(fs|path|os|child_process|crypto)$'],
  ),
  boundary(
    ['src/renderer/**'],
    'The renderer imports only src/shared, and talks through src/renderer/api.ts.',
    [room('core', ...hosts), '^electron$', '^node:'],
  ),
  boundary(['src/core/**'], 'The core never imports a host, the renderer or electron.', [
    room('renderer', ...hosts),
    '^electron$',
  ]),
  ...hosts.map((host) =>
    boundary(
      [`src/${host}/**`],
      'A host binds the contract to a transport; it never imports another host or the renderer.',
      [room('renderer', ...hosts.filter((other) => other !== host))],
      host === 'main' || host === 'preload' ? [] : ['^electron$'],
    ),
  ),
);
