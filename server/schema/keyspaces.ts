import 'server-only';
import { isSystemKeyspace } from '@/lib/cql/system-keyspaces';
import { driverFor } from '../cluster/registry';

/**
 * Keyspace names, system ones flagged. Read afresh: the driver's schema events can be missed while
 * its control connection reconnects, and a picker that lacks a new keyspace is worse than one query.
 */
export async function keyspaceNames(clusterId: string): Promise<{ name: string; system: boolean }[]> {
  const client = await driverFor(clusterId);
  await client.metadata.refreshKeyspaces();
  return Object.keys(client.metadata.keyspaces)
    .sort()
    .map((name) => ({ name, system: isSystemKeyspace(name) }));
}

export interface SchemaOutline {
  keyspaces: { name: string; tables: { name: string; columns: string[] }[] }[];
}

/** Every keyspace, table and column name in one read, for the workbench's completion. */
export async function schemaOutline(clusterId: string): Promise<SchemaOutline> {
  const client = await driverFor(clusterId);
  const [columns, keyspaces] = await Promise.all([
    client.execute('SELECT keyspace_name, table_name, column_name, position, kind FROM system_schema.columns'),
    client.execute('SELECT keyspace_name FROM system_schema.keyspaces'),
  ]);
  const tables = new Map<string, Map<string, { name: string; rank: number }[]>>();
  for (const ks of keyspaces.rows) tables.set(String(ks.get('keyspace_name')), new Map());
  // Key columns first, in key order, as a user lists them in a SELECT.
  const rank = (kind: string, position: number) =>
    ({ partition_key: 0, clustering: 1, static: 2, regular: 3 })[kind as 'regular'] * 1000 + Math.max(position, 0);
  for (const row of columns.rows) {
    const byTable = tables.get(String(row.get('keyspace_name'))) ?? new Map();
    tables.set(String(row.get('keyspace_name')), byTable);
    const list = byTable.get(String(row.get('table_name'))) ?? [];
    list.push({
      name: String(row.get('column_name')),
      rank: rank(String(row.get('kind')), Number(row.get('position'))),
    });
    byTable.set(String(row.get('table_name')), list);
  }
  return {
    keyspaces: [...tables.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, byTable]) => ({
        name,
        tables: [...byTable.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([table, cols]) => ({
            name: table,
            columns: cols.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name)).map((c) => c.name),
          })),
      })),
  };
}

/** Each keyspace's table names (keyspaces without tables included), in one read of system_schema. */
export async function tableNames(clusterId: string): Promise<Map<string, string[]>> {
  const client = await driverFor(clusterId);
  const [tables, keyspaces] = await Promise.all([
    client.execute('SELECT keyspace_name, table_name FROM system_schema.tables'),
    client.execute('SELECT keyspace_name FROM system_schema.keyspaces'),
  ]);
  const byKeyspace = new Map<string, string[]>();
  for (const row of keyspaces.rows) byKeyspace.set(String(row.get('keyspace_name')), []);
  for (const row of tables.rows) {
    const keyspace = String(row.get('keyspace_name'));
    byKeyspace.set(keyspace, [...(byKeyspace.get(keyspace) ?? []), String(row.get('table_name'))]);
  }
  for (const list of byKeyspace.values()) list.sort();
  return byKeyspace;
}
