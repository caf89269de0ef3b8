import 'server-only';
/** A node's snapshots for the activity page (taking and clearing them are jobs). */
import { listNodeSnapshots, type NodeSnapshot } from '../cluster/node-snapshots';
import { clusterConfig } from '../cluster/registry';

export function snapshotsOf(clusterId: string, node: string): Promise<NodeSnapshot[]> {
  return listNodeSnapshots(clusterConfig(clusterId), node);
}
