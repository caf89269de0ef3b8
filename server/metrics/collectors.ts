import 'server-only';
/** One collector per configured cluster with metrics enabled, started with the server. */
import { config } from '../config';
import { clusterConfig } from '../cluster/registry';
import { MetricsCollector } from './collector';
import { processSingleton } from '../process-singleton';
import { logger } from '../log/logger';

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
  const log = logger('metrics-collectors');
  for (const cluster of config().clusters) {
    if (!cluster.metrics.enabled) {
      log.info({ clusterId: cluster.id }, `metrics collection disabled for ${cluster.id}`);
      continue;
    }
    collectorFor(cluster.id).start();
    log.info(
      {
        clusterId: cluster.id,
        intervalMs: cluster.metrics.intervalMs,
        storeClusterId: cluster.metrics.storeClusterId ?? cluster.id,
      },
      `metrics collector started for ${cluster.id}`,
    );
  }
}

export function allCollectors(): MetricsCollector[] {
  return [...collectors.values()];
}
