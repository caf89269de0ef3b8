/**
 * Vitest global setup for integration tests: the shared demo cluster is up (started or reused).
 * RINGSIDE_TEST_CLUSTER=none skips it, for a test that brings its own cluster (secure-cluster.int.test.ts)
 * while someone else owns the demo one.
 */
import { runClusterOrThrow } from './harness';

export default function setup(): void {
  const name = process.env.RINGSIDE_TEST_CLUSTER ?? 'demo';
  if (name === 'none') return;
  const out = runClusterOrThrow(['up', '--name', name]);
  console.log(out.trim().split('\n').slice(-6).join('\n'));
}
