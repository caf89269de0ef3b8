import 'server-only';
/**
 * Metrics history in Cassandra, as the time series it is: one table per resolution, partitioned by
 * (cluster, node, metric, time bucket), newest first, TimeWindowCompactionStrategy and a TTL per
 * resolution. Writes are prepared and run with bounded concurrency.
 */
import cassandra, { type Client } from 'cassandra-driver';
import { bucketOf, bucketsBetween, RESOLUTIONS, type Resolution } from './resolutions';
import type { AggregateRow, Sample } from './rollup';
import { RINGSIDE_HISTORY_KEYSPACE } from '@/lib/cql/system-keyspaces';

export const HISTORY_KEYSPACE = RINGSIDE_HISTORY_KEYSPACE;
const WRITE_CONCURRENCY = 16;

export interface WriteStats {
  rows: number;
  failures: number;
  lastError: string | null;
}

export async function ensureHistorySchema(client: Client): Promise<void> {
  const perDc: Record<string, number> = {};
  for (const host of client.hosts.values()) perDc[host.datacenter] = (perDc[host.datacenter] ?? 0) + 1;
  const replication = Object.entries(perDc)
    .sort()
    .map(([dc, n]) => `'${dc}': ${Math.min(3, n)}`)
    .join(', ');
  await client.execute(
    `CREATE KEYSPACE IF NOT EXISTS ${HISTORY_KEYSPACE} WITH replication = {'class': 'NetworkTopologyStrategy', ${replication}}`,
  );
  for (const r of RESOLUTIONS) {
    const columns = r.name === 'raw' ? 'value double' : 'min double, max double, sum double, count int';
    await client.execute(
      `CREATE TABLE IF NOT EXISTS ${HISTORY_KEYSPACE}.${r.table} (cluster text, node text, metric text, bucket timestamp, ts timestamp, ${columns},
         PRIMARY KEY ((cluster, node, metric, bucket), ts))
       WITH CLUSTERING ORDER BY (ts DESC)
       AND compaction = {'class': 'TimeWindowCompactionStrategy', 'compaction_window_unit': '${r.window.unit}', 'compaction_window_size': '${r.window.size}'}
       AND default_time_to_live = ${r.ttlSeconds}
       AND gc_grace_seconds = 10800
       AND comment = 'Ringside metrics history, ${r.name} resolution'`,
    );
  }
}

export async function writeRaw(client: Client, cluster: string, samples: Sample[], stats: WriteStats): Promise<void> {
  const raw = RESOLUTIONS[0];
  await write(
    client,
    `INSERT INTO ${HISTORY_KEYSPACE}.${raw.table} (cluster, node, metric, bucket, ts, value) VALUES (?, ?, ?, ?, ?, ?)`,
    samples.map((s) => [cluster, s.node, s.metric, new Date(bucketOf(raw, s.ts)), new Date(s.ts), s.value]),
    stats,
  );
}

export async function writeAggregates(
  client: Client,
  cluster: string,
  resolution: Resolution,
  rows: AggregateRow[],
  stats: WriteStats,
): Promise<void> {
  await write(
    client,
    `INSERT INTO ${HISTORY_KEYSPACE}.${resolution.table} (cluster, node, metric, bucket, ts, min, max, sum, count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    rows.map((r) => [
      cluster,
      r.node,
      r.metric,
      new Date(bucketOf(resolution, r.ts)),
      new Date(r.ts),
      r.min,
      r.max,
      r.sum,
      r.count,
    ]),
    stats,
  );
}

async function write(client: Client, query: string, params: unknown[][], stats: WriteStats): Promise<void> {
  if (params.length === 0) return;
  const result = await cassandra.concurrent.executeConcurrent(client, query, params, {
    concurrencyLevel: WRITE_CONCURRENCY,
    raiseOnFirstError: false,
    maxErrors: 10,
  });
  stats.rows += params.length - result.errors.length;
  stats.failures += result.errors.length;
  const [firstError] = result.errors;
  if (firstError) stats.lastError = firstError.message;
}

export interface SeriesPoint {
  ts: number;
  /** The value, or for a rollup the step's average. */
  value: number;
  min?: number;
  max?: number;
}

/** One node's points of one metric in [from, to], oldest first, from the partitions the range touches. */
export async function readSeries(
  client: Client,
  cluster: string,
  node: string,
  metric: string,
  resolution: Resolution,
  from: number,
  to: number,
): Promise<SeriesPoint[]> {
  const columns = resolution.name === 'raw' ? 'ts, value' : 'ts, min, max, sum, count';
  const query = `SELECT ${columns} FROM ${HISTORY_KEYSPACE}.${resolution.table} WHERE cluster = ? AND node = ? AND metric = ? AND bucket = ? AND ts >= ? AND ts <= ?`;
  const pages = await Promise.all(
    bucketsBetween(resolution, from, to).map((bucket) =>
      client.execute(query, [cluster, node, metric, new Date(bucket), new Date(from), new Date(to)], {
        prepare: true,
        fetchSize: 10_000,
      }),
    ),
  );
  const points = pages.flatMap((page) =>
    page.rows.map((row): SeriesPoint => {
      const ts = (row.get('ts') as Date).getTime();
      if (resolution.name === 'raw') return { ts, value: Number(row.get('value')) };
      const count = Number(row.get('count'));
      return { ts, value: Number(row.get('sum')) / count, min: Number(row.get('min')), max: Number(row.get('max')) };
    }),
  );
  return points.sort((a, b) => a.ts - b.ts);
}
