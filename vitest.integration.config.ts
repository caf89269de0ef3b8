import { defineConfig } from 'vitest/config';
import { sharedResolve } from './vitest.shared.ts';

// Layer 2: against the real local cluster, which the global setup starts or reuses.
// Files run one after another: some stop and restart nodes of the one shared cluster.
export default defineConfig({
  resolve: sharedResolve,
  test: {
    include: ['**/*.int.test.ts'],
    exclude: ['node_modules/**', '.next/**'],
    environment: 'node',
    // Warnings and errors only: a test that kills a node makes the pollers say so every second.
    env: { RINGSIDE_LOG_LEVEL: process.env.RINGSIDE_LOG_LEVEL ?? 'warn' },
    globalSetup: ['./localcluster/test-global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 400_000,
  },
});
