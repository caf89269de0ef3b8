import { defineConfig } from 'vitest/config';
import { sharedResolve } from './vitest.shared.ts';

// Layer 1: beside the code, no cluster needed. Two projects: pure logic and handlers (*.test.ts) in
// Node; components (*.test.tsx) rendered with Testing Library in jsdom, their data hooks mocked.
const exclude = ['**/*.int.test.ts', 'node_modules/**', 'e2e/**', '.next/**'];

export default defineConfig({
  resolve: sharedResolve,
  test: {
    // Every temporary folder a test makes goes into one that is removed when the run ends.
    globalSetup: ['./testing/private-tmpdir.ts'],
    // The code under test logs its failures; tests that check logging read their own destination.
    env: { RINGSIDE_LOG_LEVEL: process.env.RINGSIDE_LOG_LEVEL ?? 'silent' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['**/*.test.ts'], exclude, environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'components',
          include: ['**/*.test.tsx'],
          exclude,
          environment: 'jsdom',
          setupFiles: ['./testing/component-setup.ts'],
        },
      },
    ],
  },
});
