import 'server-only';
/**
 * Gathers the advisor's evidence from the real cluster — schema, each node's max_partition_size
 * and tombstones_per_read virtual tables, a sample of every legacy index's column — and runs the
 * rules over every user table.
 */
import type { types } from 'cassandra-driver';
import { z } from 'zod';
import { qualified, quote } from '@/lib/cql/quote';
import { executeOnEachNode, type PerNodeResult } from '../cluster/per-node';
import { cqlNumber, rowReader } from '../cluster/rows';
import { driverFor } from '../cluster/registry';
import { keyspaceReplications } from '../replication/keyspaces';
import { describeTable } from '../schema/describe';
import {
  adviseTable,
  DEFAULT_THRESHOLDS,
  indexedColumn,
  type Finding,
  type TableFacts,
  type Thresholds,
} from './rules';

export interface Advice {
  findings: Finding[];
  tablesChecked: number;
  /** Nodes whose virtual tables could not be read: their evidence is missing. */
  unreadNodes: { address: string; error: string }[];
}

const key = (keyspace: string, table: string) => `${keyspace}.${table}`;

// Node-local virtual tables (Cassandra 4.1+); sizes and counts are bigint, percentiles double.
const partitionSizeRow = rowReader(
  'system_views.max_partition_size',
  z.object({ keyspace_name: z.string(), table_name: z.string(), mebibytes: cqlNumber }),
);
const tombstonesRow = rowReader(
  'system_views.tombstones_per_read',
  z.object({ keyspace_name: z.string(), table_name: z.string(), count: cqlNumber, max: cqlNumber, p99th: cqlNumber }),
);
const tableNameRow = rowReader('system_schema.tables', z.object({ table_name: z.string() }));

/** The worst value per table across nodes, with the node it came from. */
function worstPerTable<T extends { keyspace_name: string; table_name: string }>(
  results: PerNodeResult[],
  read: (row: types.Row) => T,
  score: (value: T) => number,
): Map<string, T & { node: string }> {
  const worst = new Map<string, T & { node: string }>();
  for (const result of results) {
    if ('error' in result) continue;
    for (const row of result.rows) {
      const value = { ...read(row), node: result.address };
      const id = key(value.keyspace_name, value.table_name);
      const current = worst.get(id);
      if (!current || score(value) > score(current)) worst.set(id, value);
    }
  }
  return worst;
}

export async function advise(
  clusterId: string,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  onlyKeyspace?: string,
): Promise<Advice> {
  const client = await driverFor(clusterId);
  const { keyspaces } = await keyspaceReplications(clusterId);
  const user = keyspaces.filter((k) => !k.system && (!onlyKeyspace || k.name === onlyKeyspace));

  const findings: Finding[] = user.flatMap((k) =>
    k.warnings
      .filter((w) => w.code === 'simple-strategy-multi-dc')
      .map((w) => ({
        rule: 'simple-strategy-multi-dc' as const,
        severity: w.severity,
        keyspace: k.name,
        table: null,
        title: 'SimpleStrategy across DCs',
        evidence: w.message,
        fix: w.fix,
      })),
  );

  const [partitions, tombstones] = await Promise.all([
    executeOnEachNode(clusterId, 'SELECT keyspace_name, table_name, mebibytes FROM system_views.max_partition_size'),
    executeOnEachNode(
      clusterId,
      'SELECT keyspace_name, table_name, count, max, p99th FROM system_views.tombstones_per_read',
    ),
  ]);
  const maxPartition = worstPerTable(partitions, partitionSizeRow, (v) => v.mebibytes);
  const worstTombstones = worstPerTable(
    tombstones,
    (r) => {
      const { keyspace_name, table_name, p99th, max, count } = tombstonesRow(r);
      return { keyspace_name, table_name, p99: p99th, max, reads: count };
    },
    (v) => Math.max(v.p99, v.max),
  );

  let tablesChecked = 0;
  for (const keyspace of user) {
    const tables = await client.execute(
      'SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?',
      [keyspace.name],
      { prepare: true },
    );
    for (const { table_name: table } of tables.rows.map(tableNameRow)) {
      const description = await describeTable(clusterId, keyspace.name, table);
      const views = await Promise.all(
        description.views.map(async (view) => ({
          name: view.name,
          partitionKey: (await describeTable(clusterId, keyspace.name, view.name)).partitionKey.map((c) => c.name),
        })),
      );
      const indexSamples: TableFacts['indexSamples'] = {};
      for (const index of description.indexes) {
        // Only plain column targets can be sampled; keys(m), values(l) and full(f) are collections.
        const column = indexedColumn(index.target);
        if (column === null || index.className) continue;
        const sample = await client.execute(
          `SELECT ${quote(column)} FROM ${qualified(keyspace.name, table)} LIMIT 1000`,
        );
        indexSamples[index.name] = {
          rows: sample.rows.length,
          // Any value's text tells distinct values apart; the sample is for cardinality, not display.
          distinct: new Set(sample.rows.map((r) => String(r.get(column)))).size,
        };
      }
      findings.push(
        ...adviseTable(
          {
            keyspace: keyspace.name,
            table,
            partitionKey: description.partitionKey,
            clustering: description.clustering,
            indexes: description.indexes,
            maxPartition: maxPartition.get(key(keyspace.name, table)) ?? null,
            tombstones: worstTombstones.get(key(keyspace.name, table)) ?? null,
            indexSamples,
            views,
          },
          thresholds,
        ),
      );
      tablesChecked++;
    }
  }
  const severity = { danger: 0, warning: 1, info: 2 };
  findings.sort(
    (a, b) =>
      severity[a.severity] - severity[b.severity] ||
      a.keyspace.localeCompare(b.keyspace) ||
      (a.table ?? '').localeCompare(b.table ?? ''),
  );
  const unreadNodes = [...partitions, ...tombstones].flatMap((r) =>
    'error' in r ? [{ address: r.address, error: r.error }] : [],
  );
  return { findings, tablesChecked, unreadNodes };
}
