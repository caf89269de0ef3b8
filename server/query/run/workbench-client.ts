import 'server-only';
/** The workbench's driver client for a keyspace, leased, once the keyspace is known to exist. */
import { UnknownKeyspaceError } from '../../cluster/errors';
import { driverFor, leaseWorkbenchClient, type ClientLease } from '../../cluster/registry';

/** A missing keyspace is named before a client is bound to it (the driver's own error is a bare connect failure). */
export async function checkKeyspace(clusterId: string, keyspace: string): Promise<void> {
  const console = await driverFor(clusterId);
  if (console.metadata.keyspaces[keyspace]) return;
  // Created moments ago, perhaps by this very workbench: the console's metadata may not have heard yet.
  await console.metadata.refreshKeyspace(keyspace).catch(() => undefined);
  if (!console.metadata.keyspaces[keyspace])
    throw new UnknownKeyspaceError(clusterId, keyspace, Object.keys(console.metadata.keyspaces));
}

/** Release the lease when done with the client, or it is never closed to make room for others. */
export async function workbenchClient(clusterId: string, keyspace: string | null): Promise<ClientLease> {
  if (keyspace) await checkKeyspace(clusterId, keyspace);
  return leaseWorkbenchClient(clusterId, keyspace ?? undefined);
}
