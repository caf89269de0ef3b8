/**
 * The data-model advisor's rules. Each looks at one table's schema and the evidence gathered from
 * the real cluster, and says what is wrong, shows the evidence, and gives the fix. Pure.
 */
import type { ColumnDescription } from '../schema/describe';

export interface TableFacts {
  keyspace: string;
  table: string;
  partitionKey: Pick<ColumnDescription, 'name' | 'type'>[];
  clustering: Pick<ColumnDescription, 'name' | 'type' | 'clusteringOrder'>[];
  indexes: { name: string; target: string; className: string | null }[];
  /** Largest partition across nodes, MiB (system_views.max_partition_size), with the node holding it. */
  maxPartition: { mebibytes: number; node: string } | null;
  /** Worst tombstones-per-read across nodes (system_views.tombstones_per_read). */
  tombstones: { p99: number; max: number; reads: number; node: string } | null;
  /** Per index: distinct values over sampled rows. */
  indexSamples: Record<string, { rows: number; distinct: number }>;
  /** Materialized views of this table, with their partition-key columns. */
  views?: { name: string; partitionKey: string[] }[];
}

export interface Thresholds {
  largePartitionMiB: number;
  tombstonesPerRead: number;
  indexDistinctRatio: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  largePartitionMiB: 100,
  tombstonesPerRead: 1000,
  indexDistinctRatio: 0.5,
};

export type RuleId =
  | 'large-partition'
  | 'tombstone-heavy-reads'
  | 'unbucketed-time-series'
  | 'ascending-time-clustering'
  | 'high-cardinality-index'
  | 'simple-strategy-multi-dc'
  | 'view-keyed-by-desc-column';

export interface Finding {
  rule: RuleId;
  severity: 'danger' | 'warning' | 'info';
  keyspace: string;
  table: string | null;
  title: string;
  evidence: string;
  fix: string;
}

const TIME_TYPES = new Set(['timestamp', 'timeuuid', 'date']);
const BUCKET_NAME = /(^|_)(bucket|day|date|hour|week|month|year|yyyymm|yyyymmdd|period|window|shard)(_|$)/i;

const isTime = (c: { type: string }) => TIME_TYPES.has(c.type);
const list = (columns: { name: string }[]) => columns.map((c) => c.name).join(', ');

function timeClustering(facts: TableFacts) {
  return facts.clustering.find(isTime);
}

function hasBucket(facts: TableFacts): boolean {
  return facts.partitionKey.some((c) => isTime(c) || BUCKET_NAME.test(c.name));
}

/** The bucket to add: a day, or a month when the rows are already ordered by day. */
function bucketColumn(facts: TableFacts): { name: string; type: string } {
  const taken = new Set([...facts.partitionKey, ...facts.clustering].map((c) => c.name));
  return timeClustering(facts)?.type === 'date' || taken.has('day')
    ? { name: taken.has('month') ? 'bucket' : 'month', type: 'int (yyyymm)' }
    : { name: 'day', type: 'date' };
}

function bucketedKey(facts: TableFacts): string {
  const bucket = bucketColumn(facts);
  const clustering = facts.clustering.map((c) => (c === timeClustering(facts) ? `${c.name} DESC` : c.name));
  return `PRIMARY KEY ((${list(facts.partitionKey)}, ${bucket.name}), ${list(facts.clustering)}) WITH CLUSTERING ORDER BY (${clustering.join(', ')}) — with ${bucket.name} ${bucket.type} set from ${timeClustering(facts)?.name ?? 'the event time'} when writing`;
}

export function adviseTable(facts: TableFacts, thresholds: Thresholds = DEFAULT_THRESHOLDS): Finding[] {
  const findings: Finding[] = [];
  const at = { keyspace: facts.keyspace, table: facts.table };
  const timeColumn = timeClustering(facts);
  const unbucketed = timeColumn !== undefined && !hasBucket(facts);

  if (facts.maxPartition && facts.maxPartition.mebibytes >= thresholds.largePartitionMiB) {
    findings.push({
      rule: 'large-partition',
      severity: 'danger',
      ...at,
      title: `partitions of ${facts.maxPartition.mebibytes} MiB`,
      evidence: `system_views.max_partition_size on ${facts.maxPartition.node}: the largest partition of ${facts.keyspace}.${facts.table} is ${facts.maxPartition.mebibytes} MiB (threshold ${thresholds.largePartitionMiB} MiB). Large partitions make reads, repairs and compactions slow and heap-hungry.`,
      fix: unbucketed
        ? `Split each partition by time: ${bucketedKey(facts)}.`
        : `Add a column to the partition key (${list(facts.partitionKey)}) that splits today's partitions into bounded ones, such as a time bucket or a shard number.`,
    });
  }

  if (facts.tombstones && Math.max(facts.tombstones.p99, facts.tombstones.max) >= thresholds.tombstonesPerRead) {
    findings.push({
      rule: 'tombstone-heavy-reads',
      severity: facts.tombstones.p99 >= thresholds.tombstonesPerRead ? 'danger' : 'warning',
      ...at,
      title: `reads scan up to ${facts.tombstones.max} tombstones`,
      evidence: `system_views.tombstones_per_read on ${facts.tombstones.node}: p99 ${facts.tombstones.p99}, max ${facts.tombstones.max} tombstones per read over ${facts.tombstones.reads} reads (threshold ${thresholds.tombstonesPerRead}; Cassandra fails a read at tombstone_failure_threshold).`,
      fix: `Stop deleting rows one by one inside partitions that are read whole (a queue pattern): delete whole partitions or time buckets instead, or expire data with a TTL and TimeWindowCompactionStrategy; keep reads to ranges that hold live data.`,
    });
  }

  if (unbucketed) {
    findings.push({
      rule: 'unbucketed-time-series',
      severity:
        facts.maxPartition && facts.maxPartition.mebibytes >= thresholds.largePartitionMiB ? 'danger' : 'warning',
      ...at,
      title: 'a time series without a time bucket in its partition key',
      evidence: `rows are ordered by ${timeColumn.name} (${timeColumn.type}) inside partitions keyed by (${list(facts.partitionKey)}) alone, so every partition grows for ever.`,
      fix: `Bucket the partition key by time, as in (sensor_id, date): ${bucketedKey(facts)}.`,
    });
  }

  if (timeColumn && facts.clustering[0] === timeColumn && timeColumn.clusteringOrder === 'ASC') {
    findings.push({
      rule: 'ascending-time-clustering',
      severity: 'info',
      ...at,
      title: `${timeColumn.name} is clustered oldest first`,
      evidence: `CLUSTERING ORDER BY (${timeColumn.name} ASC): reading the latest rows (ORDER BY ${timeColumn.name} DESC LIMIT n) walks each partition backwards.`,
      fix: `If the latest rows are what is read, recreate the table WITH CLUSTERING ORDER BY (${timeColumn.name} DESC); the order cannot be ALTERed.`,
    });
  }

  for (const view of facts.views ?? []) {
    const descending = facts.clustering.filter(
      (c) => c.clusteringOrder === 'DESC' && view.partitionKey.includes(c.name),
    );
    if (descending.length === 0) continue;
    findings.push({
      rule: 'view-keyed-by-desc-column',
      severity: 'danger',
      ...at,
      title: `materialized view ${view.name} is partitioned by a DESC clustering column`,
      evidence: `${view.name} has (${descending.map((c) => c.name).join(', ')}) in its partition key, which ${facts.table} clusters DESC. Seen on Cassandra 5.0.9: after a node restarts, the nodes cannot merge this view's schema ("Partition key column mismatch … ReversedType"), and later schema changes fail.`,
      fix: `Drop ${view.name} and build what it serves as a table written by the application, or key the view by columns the base table clusters ASC.`,
    });
  }

  for (const index of facts.indexes) {
    const sample = facts.indexSamples[index.name];
    const legacy = !index.className || !/StorageAttachedIndex|SASIIndex/.test(index.className);
    if (!legacy || !sample || sample.rows < 50) continue;
    const ratio = sample.distinct / sample.rows;
    if (ratio < thresholds.indexDistinctRatio) continue;
    findings.push({
      rule: 'high-cardinality-index',
      severity: 'warning',
      ...at,
      title: `secondary index ${index.name} on a high-cardinality column`,
      evidence: `${sample.distinct} distinct values of ${index.target} in ${sample.rows} sampled rows (${Math.round(ratio * 100)} %): a query through ${index.name} asks every node to find about one row.`,
      fix: `Query by ${index.target} through a table of its own keyed by it (e.g. ${facts.table}_by_${index.target.replace(/\W/g, '')} with PRIMARY KEY (${index.target})), or use a storage-attached index (CREATE INDEX … USING 'sai').`,
    });
  }
  return findings;
}

/**
 * The column a legacy index is on, from its `target` option: a bare name, or a quoted one as
 * Cassandra stores a case-sensitive column (`"Col"`); null for keys(m), values(l), entries(m) and
 * full(f), which are collections and not sampled.
 */
export function indexedColumn(target: string): string | null {
  if (/^[a-z][a-z0-9_]*$/.test(target)) return target;
  const inner = /^"((?:[^"]|"")+)"$/.exec(target)?.[1];
  return inner === undefined ? null : inner.replaceAll('""', '"');
}
