import 'server-only';
/** One node's metrics in one Jolokia bulk request, counted in the cluster's traffic. */
import type { ClusterConfig } from '../config';
import { jolokiaBulk, type JolokiaRequest, type JolokiaResult } from './jolokia';
import { jolokiaTarget } from './node-view';
import { trafficOf } from './traffic';

export async function readNodeBulk(cluster: ClusterConfig, address: string, requests: JolokiaRequest[]): Promise<JolokiaResult[]> {
  trafficOf(cluster.id).jolokiaRequests++;
  return jolokiaBulk(jolokiaTarget(cluster, address), requests);
}
