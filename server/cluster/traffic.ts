import 'server-only';
import { processSingleton } from '../process-singleton';
/**
 * Counts what the console sends to each cluster, so an operator (and the `viewers` benchmark) can
 * see that the load on the cluster does not grow with the number of browsers.
 */
export interface Traffic {
  polls: number;
  jolokiaRequests: number;
  tcpProbes: number;
}

const byCluster = processSingleton('traffic', () => new Map<string, Traffic>());

export function trafficOf(clusterId: string): Traffic {
  let traffic = byCluster.get(clusterId);
  if (!traffic) {
    traffic = { polls: 0, jolokiaRequests: 0, tcpProbes: 0 };
    byCluster.set(clusterId, traffic);
  }
  return traffic;
}
