import 'server-only';
/** One collector per configured cluster with metrics enabled, started with the server. */
import { config } from '../config';
import { clusterConfig } from '../cluster/registry';
import { MetricsCollector } from './collector';
import { processSingleton } from '../process-singleton';

const collectors = processSingleton('metric-collectors', () => new Map<string, MetricsCollector>());

export function collectorFor(clusterId: string): MetricsCollector {
  let collector = collectors.get(clusterId);
  if (!collector) {
    const cluster = clusterConfig(clusterId);
    collector = new MetricsCollector(cluster, cluster.metrics.storeClusterId ?? cluster.id);
    collectors.set(clusterId, collector);
  }
  return collector;
}

export function startCollectors(): void {
  for (const cluster of config().clusters) if (cluster.metrics.enabled) collectorFor(cluster.id).start();
}

export function allCollectors(): MetricsCollector[] {
  return [...collectors.values()];
}
