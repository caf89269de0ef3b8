import 'server-only';
/**
 * Keyspaces and tables as the cluster itself describes them: system_schema for columns, options,
 * indexes, views and types (the CQL type text cqlsh shows), and server-side DESCRIBE (4.0+) for
 * the CREATE statements.
 */
import type { Client } from 'cassandra-driver';
import { UnknownKeyspaceError, UnknownTableError } from '../cluster/errors';
import { driverFor } from '../cluster/registry';
import { parseReplication, type Replication } from '../replication/replication';

export type ColumnKind = 'partition_key' | 'clustering' | 'static' | 'regular';

export interface ColumnDescription {
  name: string;
  type: string;
  kind: ColumnKind;
  position: number;
  clusteringOrder: 'ASC' | 'DESC' | null;
}

export interface TableDescription {
  keyspace: string;
  name: string;
  isView: boolean;
  baseTable: string | null;
  partitionKey: ColumnDescription[];
  clustering: ColumnDescription[];
  /** Every column in the order DESCRIBE lists them: partition key, clustering, then the rest by name. */
  columns: ColumnDescription[];
  options: {
    compaction: Record<string, string>;
    compression: Record<string, string>;
    defaultTtl: number;
    gcGraceSeconds: number;
    comment: string;
  };
  indexes: { name: string; kind: string; target: string; className: string | null }[];
  views: { name: string; whereClause: string }[];
  createStatement: string;
}

export interface KeyspaceDescription {
  name: string;
  replication: Replication;
  durableWrites: boolean;
  tables: string[];
  views: string[];
  types: { name: string; fields: { name: string; type: string }[] }[];
  createStatement: string;
}

const KIND_ORDER: Record<ColumnKind, number> = { partition_key: 0, clustering: 1, static: 2, regular: 3 };

async function rows(client: Client, query: string, params: unknown[]) {
  return (await client.execute(query, params, { prepare: true })).rows;
}

/** Server-side DESCRIBE (Cassandra 4.0+): the object's own CREATE statement, without what hangs off it. */
async function describeStatement(
  client: Client,
  what: 'KEYSPACE' | 'TABLE' | 'MATERIALIZED VIEW',
  name: string,
): Promise<string> {
  const result = await client.execute(
    what === 'KEYSPACE' ? `DESCRIBE ONLY KEYSPACE ${name}` : `DESCRIBE ${what} ${name}`,
  );
  const own = what === 'KEYSPACE' ? 'keyspace' : what === 'TABLE' ? 'table' : 'materialized_view';
  return result.rows
    .filter((r) => String(r.get('type')) === own)
    .map((r) => String(r.get('create_statement')))
    .join('\n\n');
}

const quote = (identifier: string) =>
  /^[a-z_][a-z0-9_]*$/.test(identifier) ? identifier : `"${identifier.replaceAll('"', '""')}"`;

export async function describeKeyspace(clusterId: string, keyspace: string): Promise<KeyspaceDescription> {
  const client = await driverFor(clusterId);
  const [ks] = await rows(
    client,
    'SELECT replication, durable_writes FROM system_schema.keyspaces WHERE keyspace_name = ?',
    [keyspace],
  );
  if (!ks) {
    const all = await rows(client, 'SELECT keyspace_name FROM system_schema.keyspaces', []);
    throw new UnknownKeyspaceError(
      clusterId,
      keyspace,
      all.map((r) => String(r.get('keyspace_name'))),
    );
  }
  const tables = await rows(client, 'SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?', [keyspace]);
  const views = await rows(client, 'SELECT view_name FROM system_schema.views WHERE keyspace_name = ?', [keyspace]);
  const types = await rows(
    client,
    'SELECT type_name, field_names, field_types FROM system_schema.types WHERE keyspace_name = ?',
    [keyspace],
  );
  return {
    name: keyspace,
    replication: parseReplication(ks.get('replication') as Record<string, string>),
    durableWrites: Boolean(ks.get('durable_writes')),
    tables: tables.map((r) => String(r.get('table_name'))).sort(),
    views: views.map((r) => String(r.get('view_name'))).sort(),
    types: types.map((r) => {
      const names = r.get('field_names') as string[];
      const fieldTypes = r.get('field_types') as string[];
      return { name: String(r.get('type_name')), fields: names.map((name, i) => ({ name, type: fieldTypes[i] })) };
    }),
    createStatement: await describeStatement(client, 'KEYSPACE', quote(keyspace)),
  };
}

export async function describeTable(clusterId: string, keyspace: string, table: string): Promise<TableDescription> {
  const client = await driverFor(clusterId);
  let [options] = await rows(
    client,
    'SELECT compaction, compression, default_time_to_live, gc_grace_seconds, comment FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?',
    [keyspace, table],
  );
  let baseTable: string | null = null;
  if (!options) {
    [options] = await rows(
      client,
      'SELECT base_table_name, compaction, compression, default_time_to_live, gc_grace_seconds, comment FROM system_schema.views WHERE keyspace_name = ? AND view_name = ?',
      [keyspace, table],
    );
    if (!options) {
      const known = await rows(client, 'SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?', [
        keyspace,
      ]);
      throw new UnknownTableError(
        clusterId,
        keyspace,
        table,
        known.map((r) => String(r.get('table_name'))),
      );
    }
    baseTable = String(options.get('base_table_name'));
  }
  const columnRows = await rows(
    client,
    'SELECT column_name, type, kind, position, clustering_order FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ?',
    [keyspace, table],
  );
  const columns: ColumnDescription[] = columnRows
    .map((r) => {
      const order = String(r.get('clustering_order')).toUpperCase();
      return {
        name: String(r.get('column_name')),
        type: String(r.get('type')),
        kind: String(r.get('kind')) as ColumnKind,
        position: Number(r.get('position')),
        clusteringOrder: order === 'ASC' || order === 'DESC' ? order : null,
      } satisfies ColumnDescription;
    })
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.position - b.position || a.name.localeCompare(b.name));
  const indexes = await rows(
    client,
    'SELECT index_name, kind, options FROM system_schema.indexes WHERE keyspace_name = ? AND table_name = ?',
    [keyspace, table],
  );
  const views = await rows(
    client,
    'SELECT view_name, base_table_name, where_clause FROM system_schema.views WHERE keyspace_name = ?',
    [keyspace],
  );
  return {
    keyspace,
    name: table,
    isView: baseTable !== null,
    baseTable,
    partitionKey: columns.filter((c) => c.kind === 'partition_key'),
    clustering: columns.filter((c) => c.kind === 'clustering'),
    columns,
    options: {
      compaction: (options.get('compaction') as Record<string, string>) ?? {},
      compression: (options.get('compression') as Record<string, string>) ?? {},
      defaultTtl: Number(options.get('default_time_to_live') ?? 0),
      gcGraceSeconds: Number(options.get('gc_grace_seconds') ?? 0),
      comment: String(options.get('comment') ?? ''),
    },
    indexes: indexes.map((r) => {
      const opts = (r.get('options') as Record<string, string>) ?? {};
      return {
        name: String(r.get('index_name')),
        kind: String(r.get('kind')),
        target: opts.target ?? '',
        className: opts.class_name ?? null,
      };
    }),
    views: views
      .filter((r) => r.get('base_table_name') === table)
      .map((r) => ({ name: String(r.get('view_name')), whereClause: String(r.get('where_clause')) })),
    createStatement: await describeStatement(
      client,
      baseTable ? 'MATERIALIZED VIEW' : 'TABLE',
      `${quote(keyspace)}.${quote(table)}`,
    ),
  };
}
