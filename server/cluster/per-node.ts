import 'server-only';
/** Runs a node-local statement (a virtual table read) on every node, each answer or failure kept apart. */
import type { types } from 'cassandra-driver';
import { driverFor } from './registry';
import { hostAddress } from './hosts';

export type PerNodeResult = { address: string; rows: types.Row[] } | { address: string; error: string };

export async function executeOnEachNode(
  clusterId: string,
  query: string,
  params: unknown[] = [],
): Promise<PerNodeResult[]> {
  const client = await driverFor(clusterId);
  return Promise.all(
    client.hosts.values().map(async (host): Promise<PerNodeResult> => {
      const address = hostAddress(host);
      try {
        const result = await client.execute(query, params, { host, prepare: params.length > 0, fetchSize: 5000 });
        return { address, rows: result.rows };
      } catch (error) {
        return { address, error: (error as Error).message };
      }
    }),
  );
}
