/**
 * What each Cassandra release offers the console, chosen per node by its `release_version` (the
 * driver's `host.cassandraVersion`, from system.local / system.peers_v2). A mixed-version cluster —
 * during an upgrade — is read node by node, each with its own strategy. Pure: no I/O.
 *
 * The virtual-table lists were read from `system_virtual_schema.tables` on real nodes started by the
 * local-cluster tool: Cassandra 4.0.19, 4.1.10 and 5.0.9 (keyspace system_views).
 */

export type Series = '4.0' | '4.1' | '5.0';

const VIRTUAL_TABLES_40 = [
  'caches',
  'clients',
  'coordinator_read_latency',
  'coordinator_scan_latency',
  'coordinator_write_latency',
  'disk_usage',
  'internode_inbound',
  'internode_outbound',
  'local_read_latency',
  'local_scan_latency',
  'local_write_latency',
  'max_partition_size',
  'rows_per_read',
  'settings',
  'sstable_tasks',
  'system_properties',
  'thread_pools',
  'tombstones_per_read',
] as const;

const ADDED_IN_41 = [
  'batch_metrics',
  'cql_metrics',
  'credentials_cache_keys',
  'gossip_info',
  'jmx_permissions_cache_keys',
  'network_permissions_cache_keys',
  'pending_hints',
  'permissions_cache_keys',
  'queries',
  'repair_jobs',
  'repair_participates',
  'repair_sessions',
  'repair_validations',
  'repairs',
  'roles_cache_keys',
  'streaming',
] as const;

const ADDED_IN_50 = [
  'cidr_filtering_metrics_counts',
  'cidr_filtering_metrics_latencies',
  'max_sstable_duration',
  'max_sstable_size',
  'sai_column_indexes',
  'sai_sstable_index_segments',
  'sai_sstable_indexes',
  'snapshots',
  'system_logs',
] as const;

const VIRTUAL_TABLES: Record<Series, ReadonlySet<string>> = {
  '4.0': new Set(VIRTUAL_TABLES_40),
  '4.1': new Set([...VIRTUAL_TABLES_40, ...ADDED_IN_41]),
  '5.0': new Set([...VIRTUAL_TABLES_40, ...ADDED_IN_41, ...ADDED_IN_50]),
};

const ORDER: Series[] = ['4.0', '4.1', '5.0'];

export interface ReleaseStrategy {
  /** The node's release as it reports it, or null when the driver does not know it yet. */
  release: string | null;
  /** The series whose offer applies: a release newer than 5.0 (or unknown) is read as 5.0. */
  series: Series;
  /** Whether `system_views.<table>` exists on this release. */
  hasVirtualTable(table: string): boolean;
}

/** 4.0.19 → 4.0; 4.1.10-SNAPSHOT → 4.1; 5.1.0 → 5.0 (the newest we know); 3.11 → null (not supported). */
export function seriesOfRelease(release: string | null | undefined): Series | null {
  const match = /^(\d+)\.(\d+)/.exec(release ?? '');
  if (!match) return '5.0';
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major < 4) return null;
  if (major === 4) return minor === 0 ? '4.0' : '4.1';
  return '5.0';
}

export function strategyFor(release: string | null | undefined): ReleaseStrategy {
  // A 3.x node is not supported; reading it as 4.0 offers the least and names what is missing.
  const series = seriesOfRelease(release) ?? '4.0';
  return {
    release: release ?? null,
    series,
    hasVirtualTable: (table) => VIRTUAL_TABLES[series].has(table),
  };
}

/** The first series that has `system_views.<table>`, or null if none we know does. */
export function firstSeriesWith(table: string): Series | null {
  return ORDER.find((series) => VIRTUAL_TABLES[series].has(table)) ?? null;
}

/** The `system_views` table a statement reads (`… FROM system_views.snapshots …`), if any. */
export function virtualTableOf(statement: string): string | null {
  return /\bFROM\s+"?system_views"?\s*\.\s*"?(\w+)"?/i.exec(statement)?.[1]?.toLowerCase() ?? null;
}

/**
 * Why `statement` cannot run on a node of this release, said plainly, or null when it can:
 * "system_views.snapshots needs Cassandra 5.0 or newer; 127.0.0.46 runs 4.0.19".
 */
export function unsupportedReason(
  statement: string,
  release: string | null | undefined,
  address: string,
): string | null {
  const table = virtualTableOf(statement);
  if (!table) return null;
  const strategy = strategyFor(release);
  if (strategy.hasVirtualTable(table)) return null;
  const since = firstSeriesWith(table);
  const runs = strategy.release ? `${address} runs ${strategy.release}` : `${address} runs an older release`;
  return since
    ? `system_views.${table} needs Cassandra ${since} or newer; ${runs}`
    : `system_views.${table} is not in any Cassandra release the console knows; ${runs}`;
}
