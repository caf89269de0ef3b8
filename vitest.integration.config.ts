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
    globalSetup: ['./localcluster/test-global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 400_000,
  },
});
