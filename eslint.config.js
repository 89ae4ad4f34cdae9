import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'bench/.trees/',
      '__tests__/fixtures/bundles/',
      'scripts/bundle-fixtures/*/dist/',
      'scripts/bundle-fixtures/*/.next/',
      'scripts/bundle-fixtures/*/next-env.d.ts'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: globals.node
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/**'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false }]
    }
  },
  {
    files: ['bench/**', '__tests__/**', '.ci/**'],
    rules: { 'no-console': 'off' }
  }
);
