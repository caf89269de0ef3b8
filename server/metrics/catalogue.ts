/**
 * What the collector reads from each node — one Jolokia bulk request per poll — and how the
 * answers become samples. Counters (request counts, bytes compacted, GC time, dropped messages,
 * hints) become per-second rates between two polls; gauges and percentiles are stored as read.
 * Latencies are in microseconds, as Cassandra's timers report them. Pure.
 */
import { z } from 'zod';
import type { JolokiaRequest, JolokiaResult } from '../cluster/jolokia';
import { isSystemKeyspace } from '@/lib/cql/system-keyspaces';

export interface MetricInfo {
  help: string;
  unit: 'per_second' | 'microseconds' | 'bytes' | 'tasks' | 'ratio' | 'ms_per_second' | 'count';
}

/** Every metric the collector stores, with what it means. */
export const METRICS: Record<string, MetricInfo> = {
  'client.read.rate': { help: 'coordinated reads per second', unit: 'per_second' },
  'client.read.p50': { help: 'coordinator read latency, median', unit: 'microseconds' },
  'client.read.p95': { help: 'coordinator read latency, 95th percentile', unit: 'microseconds' },
  'client.read.p99': { help: 'coordinator read latency, 99th percentile', unit: 'microseconds' },
  'client.write.rate': { help: 'coordinated writes per second', unit: 'per_second' },
  'client.write.p50': { help: 'coordinator write latency, median', unit: 'microseconds' },
  'client.write.p95': { help: 'coordinator write latency, 95th percentile', unit: 'microseconds' },
  'client.write.p99': { help: 'coordinator write latency, 99th percentile', unit: 'microseconds' },
  'client.range.rate': { help: 'coordinated range reads per second', unit: 'per_second' },
  'client.range.p50': { help: 'coordinator range read latency, median', unit: 'microseconds' },
  'client.range.p95': { help: 'coordinator range read latency, 95th percentile', unit: 'microseconds' },
  'client.range.p99': { help: 'coordinator range read latency, 99th percentile', unit: 'microseconds' },
  'local.read.rate': { help: 'local (replica) reads per second, all tables', unit: 'per_second' },
  'local.read.p99': { help: 'local read latency, 99th percentile, all tables', unit: 'microseconds' },
  'local.write.rate': { help: 'local (replica) writes per second, all tables', unit: 'per_second' },
  'local.write.p99': { help: 'local write latency, 99th percentile, all tables', unit: 'microseconds' },
  'compaction.pending': { help: 'compaction tasks pending', unit: 'tasks' },
  'compaction.bytes.rate': { help: 'bytes compacted per second', unit: 'per_second' },
  'storage.load': { help: 'bytes of live data on disk', unit: 'bytes' },
  'hints.rate': { help: 'hints written per second', unit: 'per_second' },
  'hints.in_progress': { help: 'hints being written now', unit: 'count' },
  'heap.used': { help: 'JVM heap used', unit: 'bytes' },
  'heap.committed': { help: 'JVM heap committed', unit: 'bytes' },
  'gc.time.rate': { help: 'milliseconds of GC per second, all collectors', unit: 'ms_per_second' },
  'dropped.rate': { help: 'messages dropped per second, all verbs', unit: 'per_second' },
  'threadpool.pending': { help: 'tasks pending, all thread pools', unit: 'tasks' },
  'threadpool.active': { help: 'tasks active, all thread pools', unit: 'tasks' },
  'threadpool.blocked': { help: 'tasks currently blocked, all thread pools', unit: 'tasks' },
  'cpu.process': { help: 'CPU used by the Cassandra process, fraction of the machine', unit: 'ratio' },
  'cpu.system': { help: 'CPU used by the whole machine, fraction', unit: 'ratio' },
  'os.memory.free': { help: 'free physical memory of the machine', unit: 'bytes' },
};

const m = 'org.apache.cassandra.metrics';
export const COLLECTOR_REQUESTS: JolokiaRequest[] = [
  {
    type: 'read',
    mbean: `${m}:type=ClientRequest,scope=*,name=Latency`,
    attribute: ['Count', '50thPercentile', '95thPercentile', '99thPercentile'],
  },
  { type: 'read', mbean: `${m}:type=Table,name=ReadLatency`, attribute: ['Count', '99thPercentile'] },
  { type: 'read', mbean: `${m}:type=Table,name=WriteLatency`, attribute: ['Count', '99thPercentile'] },
  { type: 'read', mbean: `${m}:type=Compaction,name=PendingTasks`, attribute: 'Value' },
  { type: 'read', mbean: `${m}:type=Compaction,name=BytesCompacted`, attribute: 'Count' },
  { type: 'read', mbean: `${m}:type=Storage,name=Load`, attribute: 'Count' },
  { type: 'read', mbean: `${m}:type=Storage,name=TotalHints`, attribute: 'Count' },
  { type: 'read', mbean: `${m}:type=Storage,name=TotalHintsInProgress`, attribute: 'Count' },
  { type: 'read', mbean: 'java.lang:type=Memory', attribute: 'HeapMemoryUsage' },
  { type: 'read', mbean: 'java.lang:type=GarbageCollector,name=*', attribute: 'CollectionTime' },
  { type: 'read', mbean: `${m}:type=DroppedMessage,scope=*,name=Dropped`, attribute: 'Count' },
  { type: 'read', mbean: `${m}:type=ThreadPools,path=*,scope=*,name=PendingTasks`, attribute: 'Value' },
  { type: 'read', mbean: `${m}:type=ThreadPools,path=*,scope=*,name=ActiveTasks`, attribute: 'Value' },
  { type: 'read', mbean: `${m}:type=ThreadPools,path=*,scope=*,name=CurrentlyBlockedTasks`, attribute: 'Count' },
  {
    type: 'read',
    mbean: 'java.lang:type=OperatingSystem',
    attribute: ['ProcessCpuLoad', 'SystemCpuLoad', 'FreePhysicalMemorySize'],
  },
];

/** One poll of one node, before rates: gauges as read, counters as running totals. */
export interface NodeReading {
  gauges: Record<string, number>;
  counters: Record<string, number>;
}

const timer = z.object({
  Count: z.number(),
  '50thPercentile': z.number().optional(),
  '95thPercentile': z.number().optional(),
  '99thPercentile': z.number(),
});
const byBean = <T extends z.ZodType>(schema: T) => z.record(z.string(), schema);
const SCOPES: Record<string, string> = { Read: 'read', Write: 'write', RangeSlice: 'range' };

function ok(result: JolokiaResult | undefined): unknown {
  return result && result.ok ? result.value : undefined;
}

function sum<T>(record: Record<string, T> | undefined, pick: (value: T) => number): number | undefined {
  if (!record) return undefined;
  return Object.values(record).reduce((total, value) => total + pick(value), 0);
}

/** Reads what it can: a part that failed or changed shape is left out, never guessed. */
export function readingOf(results: JolokiaResult[]): NodeReading {
  const gauges: Record<string, number> = {};
  const counters: Record<string, number> = {};
  const put = (target: Record<string, number>, name: string, value: number | undefined) => {
    if (value !== undefined && Number.isFinite(value)) target[name] = value;
  };

  const clients = byBean(timer).safeParse(ok(results[0]));
  if (clients.success) {
    // Cassandra registers a coordinator timer on the node's first request of its kind (the RangeSlice
    // one on its first range read, 4.0 to 5.0 alike): a timer absent from a pattern read that answered
    // is one with nothing counted yet, which Cassandra itself reports as zeros once registered.
    const unseen = new Set(Object.values(SCOPES));
    const found = Object.entries(clients.data).flatMap(([bean, value]) => {
      const scope = SCOPES[/scope=([^,]+)/.exec(bean)?.[1] ?? ''];
      return scope ? [{ scope, value }] : [];
    });
    const empty = { Count: 0, '50thPercentile': 0, '95thPercentile': 0, '99thPercentile': 0 };
    for (const { scope } of found) unseen.delete(scope);
    for (const { scope, value } of [...found, ...[...unseen].map((scope) => ({ scope, value: empty }))]) {
      put(counters, `client.${scope}.rate`, value.Count);
      put(gauges, `client.${scope}.p50`, value['50thPercentile']);
      put(gauges, `client.${scope}.p95`, value['95thPercentile']);
      put(gauges, `client.${scope}.p99`, value['99thPercentile']);
    }
  }
  for (const [index, kind] of [
    [1, 'read'],
    [2, 'write'],
  ] as const) {
    const local = timer.safeParse(ok(results[index]));
    if (local.success) {
      put(counters, `local.${kind}.rate`, local.data.Count);
      put(gauges, `local.${kind}.p99`, local.data['99thPercentile']);
    }
  }
  const number = (index: number) => z.number().safeParse(ok(results[index])).data;
  put(gauges, 'compaction.pending', number(3));
  put(counters, 'compaction.bytes.rate', number(4));
  put(gauges, 'storage.load', number(5));
  put(counters, 'hints.rate', number(6));
  put(gauges, 'hints.in_progress', number(7));
  const heap = z.object({ used: z.number(), committed: z.number() }).safeParse(ok(results[8]));
  if (heap.success) {
    put(gauges, 'heap.used', heap.data.used);
    put(gauges, 'heap.committed', heap.data.committed);
  }
  put(
    counters,
    'gc.time.rate',
    sum(byBean(z.object({ CollectionTime: z.number() })).safeParse(ok(results[9])).data, (v) => v.CollectionTime),
  );
  put(
    counters,
    'dropped.rate',
    sum(byBean(z.object({ Count: z.number() })).safeParse(ok(results[10])).data, (v) => v.Count),
  );
  put(
    gauges,
    'threadpool.pending',
    sum(byBean(z.object({ Value: z.number() })).safeParse(ok(results[11])).data, (v) => v.Value),
  );
  put(
    gauges,
    'threadpool.active',
    sum(byBean(z.object({ Value: z.number() })).safeParse(ok(results[12])).data, (v) => v.Value),
  );
  put(
    gauges,
    'threadpool.blocked',
    sum(byBean(z.object({ Count: z.number() })).safeParse(ok(results[13])).data, (v) => v.Count),
  );
  const os = z
    .object({ ProcessCpuLoad: z.number(), SystemCpuLoad: z.number(), FreePhysicalMemorySize: z.number() })
    .partial()
    .safeParse(ok(results[14]));
  if (os.success) {
    put(gauges, 'cpu.process', os.data.ProcessCpuLoad);
    put(gauges, 'cpu.system', os.data.SystemCpuLoad);
    put(gauges, 'os.memory.free', os.data.FreePhysicalMemorySize);
  }
  return { gauges, counters };
}

/**
 * Turns two readings into samples: gauges as they are, counters as rates over the time between.
 * A counter that went down (the node restarted) gives no rate for that poll.
 */
export function samplesBetween(
  previous: { reading: NodeReading; at: number } | undefined,
  current: NodeReading,
  at: number,
): Record<string, number> {
  const values: Record<string, number> = { ...current.gauges };
  if (!previous) return values;
  const seconds = (at - previous.at) / 1000;
  if (seconds <= 0) return values;
  for (const [name, total] of Object.entries(current.counters)) {
    const before = previous.reading.counters[name];
    if (before === undefined || total < before) continue;
    // GC time is counted in milliseconds: its rate reads as ms of GC per second.
    values[name] = (total - before) / seconds;
  }
  return values;
}

/** Per-table reads, added to the poll once a minute: only the busiest tables are kept as series. */
export const TABLE_REQUESTS: JolokiaRequest[] = [
  { type: 'read', mbean: `${m}:type=Table,keyspace=*,scope=*,name=LiveSSTableCount`, attribute: 'Value' },
  {
    type: 'read',
    mbean: `${m}:type=Table,keyspace=*,scope=*,name=WriteLatency`,
    attribute: ['Count', '99thPercentile'],
  },
  {
    type: 'read',
    mbean: `${m}:type=Table,keyspace=*,scope=*,name=ReadLatency`,
    attribute: ['Count', '99thPercentile'],
  },
];

export const TABLE_METRICS = ['sstables', 'write.rate', 'write.p99', 'read.rate', 'read.p99'] as const;

/** The series name of a table metric: `table:<keyspace>.<table>:<metric>`. */
export function tableMetric(keyspace: string, table: string, metric: (typeof TABLE_METRICS)[number]): string {
  return `table:${keyspace}.${table}:${metric}`;
}

export function isMetricName(name: string): boolean {
  return (
    name in METRICS ||
    /^table:[A-Za-z0-9_]+\.[A-Za-z0-9_]+:(sstables|write\.rate|write\.p99|read\.rate|read\.p99)$/.test(name)
  );
}

/** Each user table's gauges and counters from TABLE_REQUESTS, keyed `<keyspace>.<table>`. */
export function tableReadingsOf(results: JolokiaResult[]): Record<string, NodeReading> {
  const tables: Record<string, NodeReading> = {};
  const entry = (bean: string) => {
    const keyspace = /keyspace=([^,]+)/.exec(bean)?.[1];
    const table = /scope=([^,]+)/.exec(bean)?.[1];
    if (!keyspace || !table || isSystemKeyspace(keyspace)) return undefined;
    const id = `${keyspace}.${table}`;
    tables[id] ??= { gauges: {}, counters: {} };
    return tables[id];
  };
  for (const [bean, value] of Object.entries(
    byBean(z.object({ Value: z.number() })).safeParse(ok(results[0])).data ?? {},
  )) {
    const t = entry(bean);
    if (t) t.gauges.sstables = value.Value;
  }
  for (const [index, kind] of [
    [1, 'write'],
    [2, 'read'],
  ] as const) {
    for (const [bean, value] of Object.entries(byBean(timer).safeParse(ok(results[index])).data ?? {})) {
      const t = entry(bean);
      if (!t) continue;
      t.counters[`${kind}.rate`] = value.Count;
      t.gauges[`${kind}.p99`] = value['99thPercentile'];
    }
  }
  return tables;
}
