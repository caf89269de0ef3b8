import 'server-only';
/**
 * The table an import writes to: its columns in `SELECT *` order (the order an export writes them),
 * each with its type, and which of them form the primary key. Refuses what INSERT cannot load.
 */
import type { Client } from 'cassandra-driver';
import { qualified, quote } from '@/lib/cql/quote';
import { InvalidInputError, UnknownTableError } from '../../cluster/errors';
import { driverFor } from '../../cluster/registry';
import { shapeOf, type CqlType, type TypeShape } from '../format/cql-type';

export interface ImportColumn {
  name: string;
  shape: TypeShape;
  partitionKey: boolean;
  primaryKey: boolean;
}

export interface ImportTarget {
  keyspace: string;
  table: string;
  columns: ImportColumn[];
}

export async function importTarget(
  client: Client,
  clusterId: string,
  keyspace: string,
  table: string,
): Promise<ImportTarget> {
  // The console's own client reads the schema: the workbench's decodes maps as CqlMap, which the
  // driver's schema parser cannot read (measured: "compaction.get is not a function").
  const console = await driverFor(clusterId);
  const meta = await console.metadata.getTable(keyspace, table);
  if (!meta) {
    const tables = await console.execute(
      'SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?',
      [keyspace],
      {
        prepare: true,
      },
    );
    throw new UnknownTableError(
      clusterId,
      keyspace,
      table,
      tables.rows.map((r) => String(r.get('table_name'))),
    );
  }
  // SELECT *'s own column order, and the driver's type objects for it: what an export of the table wrote.
  const sample = await client.execute(`SELECT * FROM ${qualified(keyspace, table)} LIMIT 1`);
  const partition = new Set(meta.partitionKeys.map((c) => c.name));
  const primary = new Set([...partition, ...meta.clusteringKeys.map((c) => c.name)]);
  const columns = (sample.columns ?? []).map((c) => ({
    name: c.name,
    shape: shapeOf(c.type as CqlType),
    partitionKey: partition.has(c.name),
    primaryKey: primary.has(c.name),
  }));
  const counters = columns.filter((c) => c.shape.name === 'counter');
  if (counters.length > 0)
    throw new InvalidInputError(
      `${keyspace}.${table} is a counter table (${counters.map((c) => c.name).join(', ')}): counters are changed by UPDATE … SET c = c + n, which an import of values cannot do`,
    );
  return { keyspace, table, columns };
}

/** The prepared INSERT for these columns, in this order. */
export function insertStatement(target: ImportTarget, columns: ImportColumn[]): string {
  return `INSERT INTO ${qualified(target.keyspace, target.table)} (${columns.map((c) => quote(c.name)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
}

/**
 * The columns a CSV header names, in its order. Refuses a header that names a column the table does
 * not have (a file for another table, or not a CSV of rows at all), names one twice, or leaves out
 * part of the primary key.
 */
export function headerColumns(target: ImportTarget, names: (string | null)[], line = 1): ImportColumn[] {
  const byName = new Map(target.columns.map((c) => [c.name, c]));
  const unknown = names
    .filter((n) => n === null || !byName.has(n))
    // Cut short: when the first line is data rather than a header, these are values, and they are logged.
    .map((n) => JSON.stringify((n ?? '').slice(0, 40)));
  const where = `${target.keyspace}.${target.table}`;
  if (unknown.length > 0)
    throw new InvalidInputError(
      `the header (line ${line}) names ${unknown.length === 1 ? 'a column' : 'columns'} ${where} does not have: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}. Its columns are ${target.columns.map((c) => c.name).join(', ')}; untick "header" if the file has none`,
    );
  const seen = new Set<string>();
  for (const n of names as string[]) {
    if (seen.has(n)) throw new InvalidInputError(`the header (line ${line}) names column ${n} twice`);
    seen.add(n);
  }
  const missing = target.columns.filter((c) => c.primaryKey && !seen.has(c.name)).map((c) => c.name);
  if (missing.length > 0)
    throw new InvalidInputError(
      `the header (line ${line}) leaves out primary key column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${where}: every row needs its whole primary key`,
    );
  return (names as string[]).map((n) => byName.get(n)!);
}
