/**
 * The latest collected values as a Prometheus exposition, built with prom-client on a fresh
 * Registry per scrape (the values are the collector's last poll, not this process's counters, so no
 * default metrics and nothing kept between scrapes). Prometheus conventions:
 *  - base units in names: latencies in `_seconds` (Cassandra's timers report microseconds), sizes in `_bytes`;
 *  - percentiles as a summary family: `quantile`-labelled samples and `_count`, the timer's running
 *    count (no `_sum`: the collector does not read Cassandra's TotalLatency). prom-client's Summary
 *    computes quantiles from its own observations, so a subclass writes Cassandra's instead;
 *  - cumulative counts as `_total` counters with Jolokia's running totals, never pre-computed rates:
 *    `rate()` in Prometheus handles the intervals and a node's restart;
 *  - labels `cluster` and `node`, plus `dc` and `rack` where the driver knows them.
 * docs/metrics.md lists every name. Pure apart from prom-client.
 */
import { Counter, Gauge, Registry, Summary } from 'prom-client';
import type { LatestValues } from './collector';

/** What a collector metric (catalogue.ts name) becomes: a family, the labels that tell it apart inside it, a scale. */
interface Source {
  family: string;
  labels?: Record<string, string>;
  /** How many of the read unit make one base unit; divided (not multiplied by 1e-6, which leaves 9.999…e-5). */
  per?: number;
  /** Of a summary: the timer's running count, written as `<family>_count`. */
  count?: true;
}

interface FamilyInfo {
  help: string;
  type: 'gauge' | 'counter' | 'summary';
  /** Labels beyond cluster/node/dc/rack. */
  labels?: string[];
}

const MICROS = 1e6;
const MILLIS = 1e3;
const OPERATIONS = { read: 'read', write: 'write', range: 'range_read' } as const;
const QUANTILES = { p50: '0.5', p95: '0.95', p99: '0.99' } as const;

export const FAMILIES: Record<string, FamilyInfo> = {
  ringside_client_request_latency_seconds: {
    help: 'Coordinator request latency by operation: quantiles of the recent window Cassandra keeps, and requests counted since the node started (ClientRequest Latency)',
    type: 'summary',
    labels: ['operation'],
  },
  ringside_local_request_latency_seconds: {
    help: 'Local (replica) request latency over all tables by operation: quantiles, and requests counted since the node started (Table ReadLatency/WriteLatency)',
    type: 'summary',
    labels: ['operation'],
  },
  ringside_compaction_pending_tasks: { help: 'Compaction tasks pending', type: 'gauge' },
  ringside_compaction_compacted_bytes_total: {
    help: 'Bytes compacted since the node started',
    type: 'counter',
  },
  ringside_storage_load_bytes: { help: 'Bytes of live data on disk (Storage Load)', type: 'gauge' },
  ringside_hints_written_total: { help: 'Hints written since the node started (Storage TotalHints)', type: 'counter' },
  ringside_hints_in_progress: { help: 'Hints being written now', type: 'gauge' },
  ringside_jvm_heap_used_bytes: { help: 'JVM heap used', type: 'gauge' },
  ringside_jvm_heap_committed_bytes: { help: 'JVM heap committed', type: 'gauge' },
  ringside_jvm_gc_collection_seconds_total: {
    help: 'Time spent in garbage collection since the JVM started, all collectors',
    type: 'counter',
  },
  ringside_dropped_messages_total: {
    help: 'Messages dropped since the node started, all verbs',
    type: 'counter',
  },
  ringside_thread_pool_pending_tasks: { help: 'Tasks pending, all thread pools', type: 'gauge' },
  ringside_thread_pool_active_tasks: { help: 'Tasks active, all thread pools', type: 'gauge' },
  ringside_thread_pool_blocked_tasks: { help: 'Tasks currently blocked, all thread pools', type: 'gauge' },
  ringside_cpu_process_ratio: {
    help: 'CPU used by the Cassandra process, as a fraction of the whole machine (0-1)',
    type: 'gauge',
  },
  ringside_cpu_system_ratio: { help: 'CPU used by the whole machine, as a fraction (0-1)', type: 'gauge' },
  ringside_os_memory_free_bytes: { help: 'Free physical memory of the machine', type: 'gauge' },
};

/** Gauges, by the collector's name for them (read from LatestValues.byNode). */
export const GAUGE_SOURCES: Record<string, Source> = {
  ...Object.fromEntries(
    Object.entries(OPERATIONS).flatMap(([scope, operation]) =>
      Object.entries(QUANTILES).map(([p, quantile]) => [
        `client.${scope}.${p}`,
        { family: 'ringside_client_request_latency_seconds', labels: { operation, quantile }, per: MICROS },
      ]),
    ),
  ),
  'local.read.p99': {
    family: 'ringside_local_request_latency_seconds',
    labels: { operation: 'read', quantile: QUANTILES.p99 },
    per: MICROS,
  },
  'local.write.p99': {
    family: 'ringside_local_request_latency_seconds',
    labels: { operation: 'write', quantile: QUANTILES.p99 },
    per: MICROS,
  },
  'compaction.pending': { family: 'ringside_compaction_pending_tasks' },
  'storage.load': { family: 'ringside_storage_load_bytes' },
  'hints.in_progress': { family: 'ringside_hints_in_progress' },
  'heap.used': { family: 'ringside_jvm_heap_used_bytes' },
  'heap.committed': { family: 'ringside_jvm_heap_committed_bytes' },
  'threadpool.pending': { family: 'ringside_thread_pool_pending_tasks' },
  'threadpool.active': { family: 'ringside_thread_pool_active_tasks' },
  'threadpool.blocked': { family: 'ringside_thread_pool_blocked_tasks' },
  'cpu.process': { family: 'ringside_cpu_process_ratio' },
  'cpu.system': { family: 'ringside_cpu_system_ratio' },
  'os.memory.free': { family: 'ringside_os_memory_free_bytes' },
};

/**
 * Counters, by the collector's name for the rate it derives (read from LatestValues.totals, the
 * running totals behind those rates).
 */
export const COUNTER_SOURCES: Record<string, Source> = {
  ...Object.fromEntries(
    Object.entries(OPERATIONS).map(([scope, operation]) => [
      `client.${scope}.rate`,
      { family: 'ringside_client_request_latency_seconds', labels: { operation }, count: true },
    ]),
  ),
  'local.read.rate': { family: 'ringside_local_request_latency_seconds', labels: { operation: 'read' }, count: true },
  'local.write.rate': { family: 'ringside_local_request_latency_seconds', labels: { operation: 'write' }, count: true },
  'compaction.bytes.rate': { family: 'ringside_compaction_compacted_bytes_total' },
  'hints.rate': { family: 'ringside_hints_written_total' },
  // Cassandra counts GC time in milliseconds.
  'gc.time.rate': { family: 'ringside_jvm_gc_collection_seconds_total', per: MILLIS },
  'dropped.rate': { family: 'ringside_dropped_messages_total' },
};

const NODE_LABELS = ['cluster', 'node', 'dc', 'rack'];

type SummaryObject = Awaited<ReturnType<Summary<string>['get']>>;

/**
 * A summary whose quantiles and count are given, not observed: Cassandra's timers computed them.
 * prom-client still writes the family (HELP, TYPE summary, escaping, `_count`).
 */
class GivenSummary extends Summary<string> {
  private readonly given = new Map<string, SummaryObject['values']>();
  private readonly countName: string;

  constructor(options: { name: string; help: string; labelNames: string[]; registers: Registry[] }) {
    super(options);
    this.countName = `${options.name}_count`;
  }

  private series(labels: Record<string, string>): SummaryObject['values'] {
    const key = JSON.stringify(labels);
    let samples = this.given.get(key);
    if (!samples) this.given.set(key, (samples = []));
    return samples;
  }

  quantile(labels: Record<string, string>, quantile: string, value: number): void {
    this.series(labels).push({ labels: { ...labels, quantile }, value });
  }

  count(labels: Record<string, string>, value: number): void {
    this.series(labels).push({ labels, value, metricName: this.countName });
  }

  override async get(): Promise<SummaryObject> {
    const observed = await super.get();
    // Each series' quantiles, then its count, as a Summary writes them.
    const values = [...this.given.values()].flatMap((samples) =>
      [...samples].sort((a, b) => Number(a.metricName !== undefined) - Number(b.metricName !== undefined)),
    );
    return { ...observed, values };
  }
}

export interface ClusterLatest {
  clusterId: string;
  latest: LatestValues | undefined;
}

/** cluster and node, and the node's dc and rack when the driver knows them (an absent label, not an empty one). */
function nodeLabels(clusterId: string, latest: LatestValues, node: string): Record<string, string> {
  const where = latest.placement?.[node];
  return {
    cluster: clusterId,
    node,
    ...(where?.dc ? { dc: where.dc } : {}),
    ...(where?.rack ? { rack: where.rack } : {}),
  };
}

export interface Exposition {
  body: string;
  contentType: string;
}

/** The exposition of every cluster's latest poll; a family with no sample is left out. */
export async function prometheusExposition(clusters: ClusterLatest[]): Promise<Exposition> {
  const registry = new Registry();
  const families = new Map<string, Gauge | Counter | GivenSummary>();
  const family = (name: string): Gauge | Counter | GivenSummary => {
    let metric = families.get(name);
    if (!metric) {
      const info = FAMILIES[name];
      if (!info) throw new Error(`no metric family ${name} is declared in FAMILIES`);
      const options = {
        name,
        help: info.help,
        labelNames: [...NODE_LABELS, ...(info.labels ?? [])],
        registers: [registry],
      };
      metric =
        info.type === 'counter'
          ? new Counter(options)
          : info.type === 'summary'
            ? new GivenSummary(options)
            : new Gauge(options);
      families.set(name, metric);
    }
    return metric;
  };
  const put = (source: Source, labels: Record<string, string>, value: number) => {
    const scaled = value / (source.per ?? 1);
    if (!Number.isFinite(scaled)) return;
    const metric = family(source.family);
    if (metric instanceof GivenSummary) {
      // The quantile is a label of the sample, not of the series its count belongs to.
      const { quantile, ...rest } = source.labels ?? {};
      const series = { ...labels, ...rest };
      if (source.count) metric.count(series, scaled);
      else if (quantile !== undefined) metric.quantile(series, quantile, scaled);
      return;
    }
    const all = { ...labels, ...source.labels };
    // A fresh registry per scrape: incrementing a new counter by the running total sets it to that total.
    if (metric instanceof Counter) {
      if (scaled >= 0) metric.inc(all, scaled);
    } else metric.set(all, scaled);
  };

  for (const { clusterId, latest } of clusters) {
    if (!latest) continue;
    for (const [node, values] of Object.entries(latest.byNode)) {
      for (const [metric, value] of Object.entries(values)) {
        const source = GAUGE_SOURCES[metric];
        if (source) put(source, nodeLabels(clusterId, latest, node), value);
      }
    }
    for (const [node, totals] of Object.entries(latest.totals ?? {})) {
      for (const [metric, value] of Object.entries(totals)) {
        const source = COUNTER_SOURCES[metric];
        if (source) put(source, nodeLabels(clusterId, latest, node), value);
      }
    }
  }

  const answered = new Gauge({
    name: 'ringside_node_answered',
    help: "Whether the node answered the collector's last poll (1) or not (0)",
    labelNames: NODE_LABELS,
    registers: [],
  });
  const lastPoll = new Gauge({
    name: 'ringside_collector_last_poll_timestamp_seconds',
    help: "When the collector's last poll of the cluster was taken (Unix time): the age of every value here",
    labelNames: ['cluster'],
    registers: [],
  });
  let anyAnswer = false;
  for (const { clusterId, latest } of clusters) {
    if (!latest) continue;
    lastPoll.set({ cluster: clusterId }, latest.at / 1000);
    for (const [nodes, value] of [
      [Object.keys(latest.byNode), 1],
      [Object.keys(latest.missing), 0],
    ] as const) {
      for (const node of nodes) answered.set(nodeLabels(clusterId, latest, node), value);
      anyAnswer ||= nodes.length > 0;
    }
  }
  if (anyAnswer) registry.registerMetric(answered);
  if (clusters.some((c) => c.latest)) registry.registerMetric(lastPoll);

  return { body: await registry.metrics(), contentType: registry.contentType };
}
