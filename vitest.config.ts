import { defineConfig } from 'vitest/config';
import { sharedResolve } from './vitest.shared.ts';

// Layer 1: pure logic and handlers, beside the code. No cluster needed.
export default defineConfig({
  resolve: sharedResolve,
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/*.int.test.ts', 'node_modules/**', 'e2e/**', '.next/**'],
    environment: 'node',
  },
});
