import 'server-only';
import { driverFor } from '../cluster/registry';

/** Keyspace names from the driver's schema metadata, system ones flagged. */
export async function keyspaceNames(clusterId: string): Promise<{ name: string; system: boolean }[]> {
  const client = await driverFor(clusterId);
  return Object.keys(client.metadata.keyspaces)
    .sort()
    .map((name) => ({ name, system: name.startsWith('system') }));
}
