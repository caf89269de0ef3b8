// ESLint: Next.js's rules (core web vitals, React hooks), typescript-eslint's recommended set, and
// Prettier's config last so formatting is Prettier's alone. Import boundaries are dependency-cruiser's
// (.dependency-cruiser.cjs); both run in `npm run lint`, which `npm test` runs.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  prettier,
  globalIgnores(['.next/**', 'node_modules/**', '.test-output/**', 'next-env.d.ts']),
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
      // Informational: TanStack Virtual is skipped by the React Compiler, which this build does not use.
      'react-hooks/incompatible-library': 'off',
    },
  },
]);
