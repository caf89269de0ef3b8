/**
 * The `system_views` tables of each release, as listed from `system_virtual_schema.tables` on real
 * nodes started by the local-cluster tool: Cassandra 4.0.19, 4.1.10 and 5.0.9. Pure data.
 */
import type { Series } from './series';

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

export const VIRTUAL_TABLES: Record<Series, ReadonlySet<string>> = {
  '4.0': new Set(VIRTUAL_TABLES_40),
  '4.1': new Set([...VIRTUAL_TABLES_40, ...ADDED_IN_41]),
  '5.0': new Set([...VIRTUAL_TABLES_40, ...ADDED_IN_41, ...ADDED_IN_50]),
};
