import 'server-only';
/**
 * Runs a node-local statement (a virtual table read) on every node, each answer or failure kept apart.
 * A node whose release lacks the virtual table read is not asked: its answer is the plain reason
 * (versions/release-strategy.ts), e.g. "system_views.snapshots needs Cassandra 5.0 or newer; …".
 */
import type { types } from 'cassandra-driver';
import { driverFor } from './registry';
import { hostAddress } from './hosts';
import { unsupportedReason } from './versions/release-strategy';

export type PerNodeResult =
  | { address: string; rows: types.Row[] }
  /** `unsupported`: the node's release lacks what the statement reads; it was not asked. */
  | { address: string; error: string; unsupported?: true };

export async function executeOnEachNode(
  clusterId: string,
  query: string,
  params: unknown[] = [],
  /** `readTimeoutMs`: how long one node may take, so a paused node fails alone and soon (the driver's default is 12 s). */
  options: { readTimeoutMs?: number } = {},
): Promise<PerNodeResult[]> {
  const client = await driverFor(clusterId);
  return Promise.all(
    client.hosts.values().map(async (host): Promise<PerNodeResult> => {
      const address = hostAddress(host);
      const unsupported = unsupportedReason(query, host.cassandraVersion, address);
      if (unsupported) return { address, error: unsupported, unsupported: true };
      try {
        const result = await client.execute(query, params, {
          host,
          prepare: params.length > 0,
          fetchSize: 5000,
          ...(options.readTimeoutMs === undefined ? {} : { readTimeout: options.readTimeoutMs }),
        });
        return { address, rows: result.rows };
      } catch (error) {
        return { address, error: (error as Error).message };
      }
    }),
  );
}
