/** `status`: one line per node from what can be seen without the console. */
import { tcpOpen } from './lifecycle';
import { livePid, processState } from './node-process';
import { basicAuth, readJolokiaCredentials } from './jolokia-agent';
import { liveNodesSeenBy } from './probe';
import type { ClusterPaths, ClusterState } from './state';

export async function printStatus(paths: ClusterPaths, cluster: ClusterState): Promise<void> {
  const auth = basicAuth(readJolokiaCredentials(paths));
  const rows = await Promise.all(
    cluster.nodes.map(async (node) => {
      const state = processState(paths, node.index);
      const cql = state === 'running' && (await tcpOpen(node.address, node.nativePort));
      const live = state === 'running' ? await liveNodesSeenBy(node, auth) : undefined;
      return [
        String(node.index),
        node.address,
        node.dc,
        node.rack,
        state === 'stopped' ? 'stopped' : `${state} (pid ${livePid(paths, node.index)})`,
        cql ? `${node.address}:${node.nativePort}` : '-',
        live ? `${node.address}:${node.jolokiaPort} sees ${live.length} Up` : '-',
        `127.0.0.1:${node.jmxPort}`,
      ];
    }),
  );
  const header = ['node', 'address', 'dc', 'rack', 'process', 'cql', 'jolokia', 'jmx'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(
    `cluster ${cluster.name} (Cassandra ${cluster.cassandraVersion}, ${cluster.vnodes} tokens per initial node) in ${paths.dir}`,
  );
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
