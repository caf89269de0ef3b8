/** Vitest global setup for integration tests: the shared demo cluster is up (started or reused). */
import { runClusterOrThrow } from './harness';

export default function setup(): void {
  const out = runClusterOrThrow(['up', '--name', process.env.RINGSIDE_TEST_CLUSTER ?? 'demo']);
  console.log(out.trim().split('\n').slice(-6).join('\n'));
}
