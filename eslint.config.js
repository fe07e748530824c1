import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'test/artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Data from files is rendered as text only; never as HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render file-supplied text as text.' },
      ],
      'no-eval': 'error',
    },
  },
  {
    // The domain core is pure: no DOM, no React, no map.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-dom', 'maplibre-gl', 'zustand', '../../ui/*', '../../map/*'] },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts', 'test/**/*.ts', '*.config.ts', '*.config.js'],
    languageOptions: { globals: globals.node },
  },
);
