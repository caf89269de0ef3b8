import 'server-only';
/** `cluster.nodes`: every node of a cluster, from the driver's metadata and each node's own gossip. */
import type { Client } from 'cassandra-driver';
import { clusterConfig, driverFor } from '../cluster/registry';
import { readNodeViews } from '../cluster/node-view';
import { mergeNodes, type DriverHost, type NodeRow } from './merge-nodes';

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
  const cluster = clusterConfig(clusterId);
  const client = await driverFor(clusterId);
  const hosts = driverHosts(client);
  const views = await readNodeViews(cluster, hosts.map((h) => h.address));
  const nodes = mergeNodes(hosts, views);
  const clusterName = views.flatMap((r) => ('view' in r ? [r.view.clusterName] : []))[0] ?? null;
  return { clusterId, clusterName, nodes, fetchedAt: new Date() };
}
