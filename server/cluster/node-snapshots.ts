import 'server-only';
/**
 * A node's snapshots, as `nodetool listsnapshots` shows them: StorageService.SnapshotDetails, a map
 * of tag → TabularData. Jolokia renders TabularData as maps nested by its index columns, so the rows
 * are found by walking the answer for objects with a "Keyspace name"; each is checked with zod.
 */
import { z } from 'zod';
import type { ClusterConfig } from '../config';
import { valueOf } from './jolokia';
import { jolokiaTarget, readNodeBulk } from './node-bulk';

export interface NodeSnapshot {
  tag: string;
  keyspace: string;
  table: string;
  trueSize: string;
  sizeOnDisk: string;
  createdAt: string | null;
  expiresAt: string | null;
}

const rowSchema = z.object({
  'Snapshot name': z.string(),
  'Keyspace name': z.string(),
  'Column family name': z.string(),
  'True size': z.string(),
  'Size on disk': z.string(),
  'Creation time': z.string().optional(),
  'Expiration time': z.string().optional(),
});

export function snapshotRows(value: unknown): NodeSnapshot[] {
  const rows: NodeSnapshot[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > 8 || node === null || typeof node !== 'object') return;
    const row = rowSchema.safeParse(node);
    if (row.success) {
      const r = row.data;
      rows.push({
        tag: r['Snapshot name'],
        keyspace: r['Keyspace name'],
        table: r['Column family name'],
        trueSize: r['True size'],
        sizeOnDisk: r['Size on disk'],
        createdAt: r['Creation time'] ?? null,
        expiresAt: r['Expiration time'] ?? null,
      });
      return;
    }
    for (const child of Object.values(node)) walk(child, depth + 1);
  };
  walk(value, 0);
  return rows.sort((a, b) => a.tag.localeCompare(b.tag) || a.keyspace.localeCompare(b.keyspace));
}

export async function listNodeSnapshots(cluster: ClusterConfig, node: string): Promise<NodeSnapshot[]> {
  const [answer] = await readNodeBulk(cluster, node, [
    { type: 'read', mbean: 'org.apache.cassandra.db:type=StorageService', attribute: 'SnapshotDetails' },
  ]);
  return snapshotRows(valueOf(jolokiaTarget(cluster, node), answer!, z.unknown(), 'StorageService.SnapshotDetails'));
}
