/**
 * Which keyspaces are Cassandra's own. Pure; shared by the server (what the advisor and the metrics
 * skip) and the browser (what the pickers hide by default).
 */

/**
 * `system` itself, and every keyspace Cassandra creates is named `system_…` (system_schema,
 * system_auth, system_distributed, system_traces, system_views, system_virtual_schema, and
 * system_cluster_metadata since 5.1). A prefix test on `system_`, not on `system`, so a user's
 * `systems` or `systemd_logs` is not taken for one.
 */
export function isSystemKeyspace(keyspace: string): boolean {
  return keyspace === 'system' || keyspace.startsWith('system_');
}

/** The keyspace Ringside's metrics collector keeps its history in, in the cluster it stores to. */
export const RINGSIDE_HISTORY_KEYSPACE = 'ringside';
