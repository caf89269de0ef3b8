import 'server-only';
/** `cluster.nodes`: every node of a cluster, from the shared poller's latest snapshot. */
import { ClusterUnreachableError } from '../cluster/errors';
import type { NodeRow } from './merge-nodes';
import { clusterPoller } from './live';

export interface ClusterNodes {
  clusterId: string;
  clusterName: string | null;
  nodes: NodeRow[];
  fetchedAt: Date;
}

export async function listNodes(clusterId: string): Promise<ClusterNodes> {
  const { value: snapshot, takenAt } = await clusterPoller(clusterId).fresh();
  // Nothing answered, neither CQL nor any agent: there is no node list to show, only the failure.
  if (snapshot.unreachable && snapshot.observers.every((o) => o.error !== null))
    throw new ClusterUnreachableError(clusterId, snapshot.unreachable);
  return { clusterId, clusterName: snapshot.clusterName, nodes: snapshot.nodes, fetchedAt: takenAt };
}
