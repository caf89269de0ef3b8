import 'server-only';
/** Chart data: one metric's series per node over a range, at the resolution the range calls for. */
import { clusterConfig, driverFor } from '../cluster/registry';
import { eventsBetween } from '../store/events';
import { aggregateSeries, type Aggregate } from './aggregate-series';
import { chartMarks, type ChartEvent } from './chart-marks';
import { readSeries, type SeriesPoint } from './history-store';
import { resolutionFor } from './resolutions';
import { thinningStep, thinSeries } from './thin-series';
import { nodeAddresses } from '../cluster/hosts';

export interface SeriesAnswer {
  metric: string;
  resolution: string;
  stepMs: number;
  from: number;
  to: number;
  series: { node: string; points: SeriesPoint[] }[];
  /** Grouped per kind and slot of the range (chart-marks.ts); collector gaps one by one. */
  events: ChartEvent[];
}

export async function metricSeries(
  clusterId: string,
  metric: string,
  rangeMs: number,
  to: number,
  nodes?: string[],
  /** One line for the whole cluster (aggregate-series.ts) instead of one per node. */
  aggregate?: Aggregate,
): Promise<SeriesAnswer> {
  const cluster = clusterConfig(clusterId);
  const store = await driverFor(cluster.metrics.storeClusterId ?? cluster.id);
  const from = to - rangeMs;
  const resolution = resolutionFor(rangeMs);
  const monitored = await driverFor(clusterId);
  const all = nodeAddresses(monitored);
  const chosen = nodes?.length ? all.filter((a) => nodes.includes(a)) : all;
  // About one point per pixel of a wide chart, windows shared by every node (see thin-series.ts).
  const stepMs = thinningStep(rangeMs, resolution.stepMs || cluster.metrics.intervalMs);
  const perNode = await Promise.all(
    chosen.sort().map(async (node) => ({
      node,
      points: thinSeries(await readSeries(store, clusterId, node, metric, resolution, from, to), stepMs),
    })),
  );
  const series = aggregate ? [aggregateSeries(perNode, aggregate)] : perNode;
  return {
    metric,
    resolution: resolution.name,
    stepMs,
    from,
    to,
    series,
    events: chartMarks(eventsBetween(clusterId, from, to), from, to),
  };
}
