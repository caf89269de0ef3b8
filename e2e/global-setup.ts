/** The shared demo cluster is up before any page is opened (started or reused). */
import { runClusterOrThrow } from '@/localcluster/harness';

export default function globalSetup(): void {
  runClusterOrThrow(['up']);
}
