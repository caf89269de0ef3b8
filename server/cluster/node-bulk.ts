import 'server-only';
/** One node's Jolokia endpoint, and one bulk request to it, counted in the cluster's traffic. */
import type { ClusterConfig } from '../config';
import { jolokiaBulk, jolokiaUrl, type JolokiaRequest, type JolokiaResult, type JolokiaTarget } from './jolokia';
import { trafficOf } from './traffic';

export function jolokiaTarget(cluster: ClusterConfig, address: string): JolokiaTarget {
  return {
    node: address,
    url: cluster.jolokia.overrides[address] ?? jolokiaUrl(cluster.jolokia.urlTemplate, address, cluster.jolokia.port),
    timeoutMs: cluster.jolokia.timeoutMs,
    username: cluster.jolokia.username,
    password: cluster.jolokia.password,
    credentialsFile: cluster.jolokia.credentialsFile,
  };
}

export async function readNodeBulk(
  cluster: ClusterConfig,
  address: string,
  requests: JolokiaRequest[],
): Promise<JolokiaResult[]> {
  trafficOf(cluster.id).jolokiaRequests++;
  return jolokiaBulk(jolokiaTarget(cluster, address), requests);
}
