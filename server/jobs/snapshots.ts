import 'server-only';
/** The nodes' snapshots for the activity page (taking and clearing them are jobs). */
import { listSnapshots, type NodeSnapshot } from '../cluster/node-snapshots';

export function snapshotsOf(
  clusterId: string,
  node?: string,
): Promise<{ snapshots: NodeSnapshot[]; errors: Record<string, string> }> {
  return listSnapshots(clusterId, node);
}
