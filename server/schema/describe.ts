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
import { qualified, quote } from '@/lib/cql/quote';
import { z } from 'zod';
import { optionalText, rowReader, textMap } from '../cluster/rows';

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

// The system_schema rows this module reads, as the console's client decodes them.
const describeRow = rowReader('DESCRIBE', z.object({ type: z.string(), create_statement: z.string() }));
const keyspaceNameRow = rowReader('system_schema.keyspaces', z.object({ keyspace_name: z.string() }));
const keyspaceRow = rowReader(
  'system_schema.keyspaces',
  z.object({ replication: textMap, durable_writes: z.boolean() }),
);
const tableNameRow = rowReader('system_schema.tables', z.object({ table_name: z.string() }));
const viewNameRow = rowReader('system_schema.views', z.object({ view_name: z.string() }));
const typeRow = rowReader(
  'system_schema.types',
  z.object({ type_name: z.string(), field_names: z.array(z.string()), field_types: z.array(z.string()) }),
);
/** The options a table and a view share (system_schema.tables and .views). */
const tableOptions = {
  compaction: textMap,
  compression: textMap,
  default_time_to_live: z.number().nullable(),
  gc_grace_seconds: z.number().nullable(),
  comment: optionalText,
};
const tableOptionsRow = rowReader('system_schema.tables', z.object(tableOptions));
const viewOptionsRow = rowReader('system_schema.views', z.object({ base_table_name: z.string(), ...tableOptions }));
const columnRow = rowReader(
  'system_schema.columns',
  z.object({
    column_name: z.string(),
    type: z.string(),
    kind: z.enum(['partition_key', 'clustering', 'static', 'regular']),
    position: z.number(),
    // 'asc' / 'desc' for clustering columns, 'none' for the rest.
    clustering_order: optionalText,
  }),
);
const indexRow = rowReader(
  'system_schema.indexes',
  z.object({ index_name: z.string(), kind: z.string(), options: textMap }),
);
const viewRow = rowReader(
  'system_schema.views',
  z.object({ view_name: z.string(), base_table_name: z.string(), where_clause: z.string() }),
);

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
    .map(describeRow)
    .filter((r) => r.type === own)
    .map((r) => r.create_statement)
    .join('\n\n');
}

export async function describeKeyspace(clusterId: string, keyspace: string): Promise<KeyspaceDescription> {
  const client = await driverFor(clusterId);
  const [ks] = (
    await rows(client, 'SELECT replication, durable_writes FROM system_schema.keyspaces WHERE keyspace_name = ?', [
      keyspace,
    ])
  ).map(keyspaceRow);
  if (!ks) {
    const all = await rows(client, 'SELECT keyspace_name FROM system_schema.keyspaces', []);
    throw new UnknownKeyspaceError(
      clusterId,
      keyspace,
      all.map((r) => keyspaceNameRow(r).keyspace_name),
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
    replication: parseReplication(ks.replication),
    durableWrites: ks.durable_writes,
    tables: tables.map((r) => tableNameRow(r).table_name).sort(),
    views: views.map((r) => viewNameRow(r).view_name).sort(),
    types: types.map(typeRow).map((t) => ({
      name: t.type_name,
      fields: t.field_names.map((name, i) => ({ name, type: t.field_types[i] ?? '' })),
    })),
    createStatement: await describeStatement(client, 'KEYSPACE', quote(keyspace)),
  };
}

export async function describeTable(clusterId: string, keyspace: string, table: string): Promise<TableDescription> {
  const client = await driverFor(clusterId);
  let [options] = (
    await rows(
      client,
      'SELECT compaction, compression, default_time_to_live, gc_grace_seconds, comment FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?',
      [keyspace, table],
    )
  ).map(tableOptionsRow);
  let baseTable: string | null = null;
  if (!options) {
    const [view] = (
      await rows(
        client,
        'SELECT base_table_name, compaction, compression, default_time_to_live, gc_grace_seconds, comment FROM system_schema.views WHERE keyspace_name = ? AND view_name = ?',
        [keyspace, table],
      )
    ).map(viewOptionsRow);
    if (!view) {
      const known = await rows(client, 'SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?', [
        keyspace,
      ]);
      throw new UnknownTableError(
        clusterId,
        keyspace,
        table,
        known.map((r) => tableNameRow(r).table_name),
      );
    }
    options = view;
    baseTable = view.base_table_name;
  }
  const columnRows = await rows(
    client,
    'SELECT column_name, type, kind, position, clustering_order FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ?',
    [keyspace, table],
  );
  const columns: ColumnDescription[] = columnRows
    .map(columnRow)
    .map((r) => {
      const order = r.clustering_order.toUpperCase();
      return {
        name: r.column_name,
        type: r.type,
        kind: r.kind,
        position: r.position,
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
      compaction: options.compaction,
      compression: options.compression,
      defaultTtl: options.default_time_to_live ?? 0,
      gcGraceSeconds: options.gc_grace_seconds ?? 0,
      comment: options.comment,
    },
    indexes: indexes.map(indexRow).map((r) => ({
      name: r.index_name,
      kind: r.kind,
      target: r.options.target ?? '',
      className: r.options.class_name ?? null,
    })),
    views: views
      .map(viewRow)
      .filter((r) => r.base_table_name === table)
      .map((r) => ({ name: r.view_name, whereClause: r.where_clause })),
    createStatement: await describeStatement(
      client,
      baseTable ? 'MATERIALIZED VIEW' : 'TABLE',
      qualified(keyspace, table),
    ),
  };
}
