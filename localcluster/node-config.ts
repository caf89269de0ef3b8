/** Writes one node's conf folder from the project's templates: cassandra.yaml, rackdc, logback. */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findJava17 } from './prerequisites';
import { certTool, ensureNodeKeystore, SecurePaths, securityYaml, type SecurityOptions } from './secure-cql';
import type { ClusterPaths, ClusterState } from './state';
import type { NodeSpec } from './topology';
import { seriesOf, type CassandraSeries } from './versions';

const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), 'templates');

export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template value "${key}" is missing`);
    return value;
  });
}

/**
 * 4.1 renamed these settings (units moved into the values: `10000ms`, `64MiB`) and still reads the
 * old names; 4.0 knows only the old ones. Each entry: the 4.1 name, the 4.0 name, and the unit the
 * 4.0 value is given in (checked against the public fields of 4.0.19's and 4.1.10's Config class).
 */
const RENAMED_IN_41: [newName: string, oldName: string, oldUnit: 'ms' | 'MiB' | 'MiB/s' | 'bool'][] = [
  ['commitlog_sync_period', 'commitlog_sync_period_in_ms', 'ms'],
  ['commitlog_segment_size', 'commitlog_segment_size_in_mb', 'MiB'],
  ['compaction_throughput', 'compaction_throughput_mb_per_sec', 'MiB/s'],
  ['key_cache_size', 'key_cache_size_in_mb', 'MiB'],
  ['counter_cache_size', 'counter_cache_size_in_mb', 'MiB'],
  ['prepared_statements_cache_size', 'prepared_statements_cache_size_mb', 'MiB'],
  ['memtable_heap_space', 'memtable_heap_space_in_mb', 'MiB'],
  ['memtable_offheap_space', 'memtable_offheap_space_in_mb', 'MiB'],
  ['max_hint_window', 'max_hint_window_in_ms', 'ms'],
  ['read_request_timeout', 'read_request_timeout_in_ms', 'ms'],
  ['range_request_timeout', 'range_request_timeout_in_ms', 'ms'],
  ['write_request_timeout', 'write_request_timeout_in_ms', 'ms'],
  ['request_timeout', 'request_timeout_in_ms', 'ms'],
  ['materialized_views_enabled', 'enable_materialized_views', 'bool'],
  ['sasi_indexes_enabled', 'enable_sasi_indexes', 'bool'],
  ['user_defined_functions_enabled', 'enable_user_defined_functions', 'bool'],
];

const MS_PER: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function toOldValue(value: string, unit: 'ms' | 'MiB' | 'MiB/s' | 'bool', key: string): string {
  if (unit === 'bool') return value;
  if (unit === 'ms') {
    const match = /^(\d+)(ms|s|m|h)$/.exec(value);
    if (!match) throw new Error(`cannot give ${key}: ${value} to Cassandra 4.0 in milliseconds`);
    return String(Number(match[1]) * MS_PER[match[2]!]!);
  }
  const match = unit === 'MiB' ? /^(\d+)MiB$/.exec(value) : /^(\d+)MiB\/s$/.exec(value);
  if (!match) throw new Error(`cannot give ${key}: ${value} to Cassandra 4.0 in ${unit}`);
  return match[1]!;
}

/** The 4.1-named configuration rewritten with 4.0's names and unit-less values. */
export function toCassandra40Names(yaml: string): string {
  return yaml
    .split('\n')
    .map((line) => {
      const match = /^([a-z_]+): (\S+)$/.exec(line);
      const renamed = match && RENAMED_IN_41.find(([newName]) => newName === match[1]);
      if (!match || !renamed) return line;
      return `${renamed[1]}: ${toOldValue(match[2]!, renamed[2], match[1]!)}`;
    })
    .join('\n');
}

export function cassandraYaml(
  cluster: Pick<ClusterState, 'name' | 'vnodes' | 'nodes'> & { cassandraVersion?: string },
  node: NodeSpec,
  security: Pick<ReturnType<typeof securityYaml>, 'authenticator' | 'authorizer' | 'client_encryption'> = {
    authenticator: 'AllowAllAuthenticator',
    authorizer: 'AllowAllAuthorizer',
    client_encryption: '',
  },
): string {
  const seeds = cluster.nodes
    .filter((n) => n.seed)
    .map((n) => `${n.address}:${n.storagePort}`)
    .join(',');
  const joinsLater = node.initialTokens.length === 0;
  const version = cluster.cassandraVersion ?? '5.0';
  const series: CassandraSeries = seriesOf(version);
  const yaml = renderTemplate(readFileSync(join(TEMPLATES, 'cassandra.yaml'), 'utf8'), {
    node: String(node.index),
    cluster_name: cluster.name,
    num_tokens: String(joinsLater ? cluster.vnodes : node.initialTokens.length),
    initial_token: joinsLater ? '' : node.initialTokens.join(','),
    auto_bootstrap: String(joinsLater),
    // A node that joins later picks tokens that balance the ring for RF 3, as `nodetool` users expect.
    allocate_tokens: joinsLater ? 'allocate_tokens_for_local_replication_factor: 3' : '',
    seeds,
    address: node.address,
    storage_port: String(node.storagePort),
    native_port: String(node.nativePort),
    version,
    storage_compatibility: series === '5.0' ? 'storage_compatibility_mode: NONE' : '',
    ...security,
  });
  return series === '4.0' ? toCassandra40Names(yaml) : yaml;
}

export function writeNodeConfig(paths: ClusterPaths, cluster: ClusterState, node: NodeSpec): void {
  const conf = paths.confDir(node.index);
  mkdirSync(conf, { recursive: true });
  mkdirSync(paths.logsDir(node.index), { recursive: true });
  const security: SecurityOptions = cluster.security;
  const secure = new SecurePaths(paths);
  if (security.tls) ensureNodeKeystore(secure, () => certTool(findJava17), cluster, node);
  // Mode 600: with --tls it holds the keystore password.
  const yaml = join(conf, 'cassandra.yaml');
  writeFileSync(yaml, cassandraYaml(cluster, node, securityYaml(security, secure, node)), { mode: 0o600 });
  chmodSync(yaml, 0o600);
  writeFileSync(
    join(conf, 'cassandra-rackdc.properties'),
    `# Written by Ringside's local-cluster tool.\ndc=${node.dc}\nrack=${node.rack}\n`,
  );
  writeFileSync(join(conf, 'logback.xml'), readFileSync(join(TEMPLATES, 'logback.xml'), 'utf8'));
  writeFileSync(join(conf, 'logback-tools.xml'), readFileSync(join(TEMPLATES, 'logback-tools.xml'), 'utf8'));
}

export function ensureDir(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
}
