import 'server-only';
/**
 * The home cards' sparklines: the cluster's read and write rates (summed over coordinators) and p99
 * latencies (the worst coordinator's) over the last few minutes. One history per cluster in the
 * console's memory, fed by the metrics collector that runs from start-up anyway and seeded once from
 * the history tables, so a page opened after a restart does not start from a blank line. Nothing
 * here asks the cluster for more than the collector already does.
 */
import type { LatestValues } from '../metrics/collector';
import { collectorFor } from '../metrics/collectors';
import { metricSeries } from '../metrics/series';
import { clusterConfig } from '../cluster/registry';
import { processSingleton } from '../process-singleton';
import { logger } from '../log/logger';

export interface SparkPoint {
  at: number;
  /** Coordinated reads per second, all nodes together; null when no node had a rate yet. */
  reads: number | null;
  writes: number | null;
  /** The highest coordinator p99 latency among the nodes, microseconds. */
  readP99: number | null;
  writeP99: number | null;
}

export const SPARK_WINDOW_MS = 10 * 60_000;
export const SPARK_MAX_POINTS = 60;

const SUMMED = { reads: 'client.read.rate', writes: 'client.write.rate' } as const;
const WORST = { readP99: 'client.read.p99', writeP99: 'client.write.p99' } as const;

function sum(values: (number | undefined)[]): number | null {
  const known = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

function max(values: (number | undefined)[]): number | null {
  const known = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  return known.length ? Math.max(...known) : null;
}

/** One poll of the collector as one point of the cluster's sparklines. */
export function sparkPointOf(latest: Pick<LatestValues, 'at' | 'byNode'>): SparkPoint {
  const nodes = Object.values(latest.byNode);
  return {
    at: latest.at,
    reads: sum(nodes.map((n) => n[SUMMED.reads])),
    writes: sum(nodes.map((n) => n[SUMMED.writes])),
    readP99: max(nodes.map((n) => n[WORST.readP99])),
    writeP99: max(nodes.map((n) => n[WORST.writeP99])),
  };
}

/** Stored series (one per node, as `metricSeries` answers) regrouped as polls, oldest first. */
export function pollsOfSeries(
  series: Record<string, { node: string; points: { ts: number; value: number }[] }[]>,
): Pick<LatestValues, 'at' | 'byNode'>[] {
  const polls = new Map<number, Record<string, Record<string, number>>>();
  for (const [metric, nodes] of Object.entries(series))
    for (const { node, points } of nodes)
      for (const { ts, value } of points) {
        const byNode = polls.get(ts) ?? {};
        byNode[node] = { ...byNode[node], [metric]: value };
        polls.set(ts, byNode);
      }
  return [...polls].sort(([a], [b]) => a - b).map(([at, byNode]) => ({ at, byNode }));
}

/** A cluster's recent points, newest last, at most SPARK_MAX_POINTS within SPARK_WINDOW_MS of the newest. */
export class SparkHistory {
  private list: SparkPoint[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    /** False when the cluster's metrics collection is off: there will be no points. */
    readonly enabled: boolean,
    private readonly windowMs = SPARK_WINDOW_MS,
    private readonly maxPoints = SPARK_MAX_POINTS,
  ) {}

  get points(): readonly SparkPoint[] {
    return this.list;
  }

  add(...points: SparkPoint[]): void {
    if (points.length === 0) return;
    const byAt = new Map(this.list.map((p) => [p.at, p]));
    for (const point of points) byAt.set(point.at, point);
    const sorted = [...byAt.values()].sort((a, b) => a.at - b.at);
    const newest = sorted.at(-1)!.at;
    this.list = sorted.filter((p) => p.at > newest - this.windowMs).slice(-this.maxPoints);
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const histories = processSingleton('home-sparklines', () => new Map<string, SparkHistory>());

/** The cluster's sparkline history, following its collector from the first call on. */
export function sparkHistoryFor(clusterId: string): SparkHistory {
  let history = histories.get(clusterId);
  if (history) return history;
  const cluster = clusterConfig(clusterId);
  const created = new SparkHistory(cluster.metrics.enabled);
  history = created;
  histories.set(clusterId, created);
  if (!cluster.metrics.enabled) return created;
  const collector = collectorFor(clusterId);
  collector.subscribe((latest) => created.add(sparkPointOf(latest)));
  if (collector.latest) created.add(sparkPointOf(collector.latest));
  void seedFromHistory(clusterId, created);
  return created;
}

/** The last few minutes from the history tables; the live points that came meanwhile win. */
async function seedFromHistory(clusterId: string, history: SparkHistory): Promise<void> {
  const metrics = [...Object.values(SUMMED), ...Object.values(WORST)];
  try {
    const now = Date.now();
    const answers = await Promise.all(metrics.map((m) => metricSeries(clusterId, m, SPARK_WINDOW_MS, now)));
    const polls = pollsOfSeries(Object.fromEntries(answers.map((a) => [a.metric, a.series])));
    const live = new Set(history.points.map((p) => p.at));
    history.add(...polls.filter((p) => !live.has(p.at)).map(sparkPointOf));
  } catch (error) {
    // Not worth more than a line: the live points fill the sparklines within a few polls.
    logger('home-sparklines', { clusterId }).info(
      { err: error },
      `sparklines start empty: ${(error as Error).message}`,
    );
  }
}
