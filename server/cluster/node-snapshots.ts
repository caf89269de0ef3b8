import 'server-only';
/**
 * Each node's snapshots, as `nodetool listsnapshots` shows them, from the node-local virtual table
 * system_views.snapshots (Cassandra 5.0). Not StorageService.SnapshotDetails over Jolokia: Jolokia
 * 2.6 renders that TabularData with an unquoted `null` key for a snapshot without expiry, which is
 * not JSON.
 */
import { z } from 'zod';
import { executeOnEachNode } from './per-node';
import { cqlNumber, rowReader } from './rows';

export interface NodeSnapshot {
  node: string;
  tag: string;
  keyspace: string;
  table: string;
  trueSizeBytes: number;
  sizeOnDiskBytes: number;
  createdAt: Date | null;
  expiresAt: Date | null;
  ephemeral: boolean;
}

const snapshotRow = rowReader(
  'system_views.snapshots',
  z.object({
    name: z.string(),
    keyspace_name: z.string(),
    table_name: z.string(),
    true_size: cqlNumber,
    size_on_disk: cqlNumber,
    created_at: z.date().nullable(),
    expires_at: z.date().nullable(),
    ephemeral: z.boolean().nullable(),
  }),
);

/** Every node's snapshots (or one node's), and the nodes that could not be asked, with why. */
export async function listSnapshots(
  clusterId: string,
  node?: string,
): Promise<{ snapshots: NodeSnapshot[]; errors: Record<string, string> }> {
  const results = await executeOnEachNode(
    clusterId,
    'SELECT name, keyspace_name, table_name, true_size, size_on_disk, created_at, expires_at, ephemeral FROM system_views.snapshots',
  );
  const snapshots: NodeSnapshot[] = [];
  const errors: Record<string, string> = {};
  for (const result of results) {
    if (node && result.address !== node) continue;
    if ('error' in result) {
      errors[result.address] = result.error;
      continue;
    }
    for (const raw of result.rows) {
      const row = snapshotRow(raw);
      snapshots.push({
        node: result.address,
        tag: row.name,
        keyspace: row.keyspace_name,
        table: row.table_name,
        trueSizeBytes: row.true_size,
        sizeOnDiskBytes: row.size_on_disk,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        ephemeral: row.ephemeral ?? false,
      });
    }
  }
  snapshots.sort(
    (a, b) => a.node.localeCompare(b.node) || a.tag.localeCompare(b.tag) || a.keyspace.localeCompare(b.keyspace),
  );
  return { snapshots, errors };
}
