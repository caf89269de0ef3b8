import 'server-only';
/** `cluster.nodes`: every node of a cluster, from the shared poller's latest snapshot. */
import type { Client } from 'cassandra-driver';
import { ClusterUnreachableError } from '../cluster/errors';
import type { DriverHost, NodeRow } from './merge-nodes';
import { clusterPoller } from './live';

export interface ClusterNodes {
  clusterId: string;
  clusterName: string | null;
  nodes: NodeRow[];
  fetchedAt: Date;
}

export function driverHosts(client: Client): DriverHost[] {
  return client.hosts.values().map((host) => ({
    address: host.address.slice(0, host.address.lastIndexOf(':')),
    hostId: host.hostId ? host.hostId.toString() : null,
    dc: host.datacenter ?? null,
    rack: host.rack ?? null,
    up: host.isUp(),
    releaseVersion: host.cassandraVersion ?? null,
    tokenCount: Array.isArray(host.tokens) ? host.tokens.length : null,
  }));
}

export async function listNodes(clusterId: string): Promise<ClusterNodes> {
  const { value: snapshot, takenAt } = await clusterPoller(clusterId).fresh();
  // Nothing answered, neither CQL nor any agent: there is no node list to show, only the failure.
  if (snapshot.unreachable && snapshot.observers.every((o) => o.error !== null)) throw new ClusterUnreachableError(clusterId, snapshot.unreachable);
  return { clusterId, clusterName: snapshot.clusterName, nodes: snapshot.nodes, fetchedAt: takenAt };
}
