import 'server-only';
import { driverFor } from '../cluster/registry';

/**
 * Keyspace names, system ones flagged. Read afresh: the driver's schema events can be missed while
 * its control connection reconnects, and a picker that lacks a new keyspace is worse than one query.
 */
export async function keyspaceNames(clusterId: string): Promise<{ name: string; system: boolean }[]> {
  const client = await driverFor(clusterId);
  await client.metadata.refreshKeyspaces();
  return Object.keys(client.metadata.keyspaces)
    .sort()
    .map((name) => ({ name, system: name.startsWith('system') }));
}
