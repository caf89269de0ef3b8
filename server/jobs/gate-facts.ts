import 'server-only';
/**
 * What a rolling job checks before each node: the shared poller's snapshot (status, state, schema
 * versions of every node) and streams under way on any node (system_views.streaming, node-local; a
 * node whose release lacks it, 4.0, is asked its StreamManager over Jolokia instead).
 */
import { executeOnEachNode } from '../cluster/per-node';
import { clusterConfig } from '../cluster/registry';
import { currentStreams } from '../cluster/stream-manager';
import { clusterPoller } from '../nodes/live';
import type { GateFacts } from './job-plan';

const STREAMING = 'SELECT operation, peers, status FROM system_views.streaming';

export async function gateFacts(clusterId: string): Promise<GateFacts> {
  const snapshot = (await clusterPoller(clusterId).fresh()).value;
  // A node that cannot be asked is refused by its status already; its streams cannot be read anyway.
  const perNode = await executeOnEachNode(clusterId, STREAMING).catch(() => []);
  const fromTable = perNode.flatMap((result) =>
    'rows' in result
      ? result.rows
          .filter((row) => ['init', 'start'].includes(String(row.get('status'))))
          .map((row) => ({
            node: result.address,
            what: `${String(row.get('operation'))} with ${[...((row.get('peers') as string[] | null) ?? [])].join(', ')}`,
          }))
      : [],
  );
  // "No streams" from a node that was never asked would be a guess: its MBean says instead.
  const older = perNode.filter((result) => 'unsupported' in result && result.unsupported);
  const fromMBean = (
    await Promise.all(
      older.map(async ({ address }) =>
        (await currentStreams(clusterConfig(clusterId), address).catch(() => [])).map((s) => ({ node: address, ...s })),
      ),
    )
  ).flat();
  const streaming = [...fromTable, ...fromMBean];
  return {
    nodes: snapshot.nodes.map((n) => ({
      address: n.address,
      dc: n.dc,
      rack: n.rack,
      status: n.status,
      state: n.state,
      downReason: n.downReason,
      releaseVersion: n.releaseVersion,
    })),
    schemaVersions: snapshot.schemaVersions,
    streaming,
  };
}
