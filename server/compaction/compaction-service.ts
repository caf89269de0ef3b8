import 'server-only';
/**
 * Compaction across the cluster: running compactions with progress (a shared poller, 1 s, while
 * anyone watches), pending tasks per node and table, the history each node keeps in
 * system.compaction_history, and each table's strategy and live SSTable count.
 */
import { z } from 'zod';
import { executeOnEachNode } from '../cluster/per-node';
import { readNodeBulk } from '../cluster/node-bulk';
import { clusterConfig, driverFor } from '../cluster/registry';
import { SharedPoller } from '../live/shared-poller';
import type { JolokiaRequest, JolokiaResult } from '../cluster/jolokia';
import { parseCompactions, withProgress, type RunningCompaction } from './compactions';
import { processSingleton } from '../process-singleton';
import { nodeAddresses } from '../cluster/hosts';
import { isSystemKeyspace } from '@/lib/cql/system-keyspaces';
import { cqlNumber, cqlUuid, rowReader, textMap } from '../cluster/rows';
import { logger } from '../log/logger';

export interface CompactionSnapshot {
  at: number;
  running: RunningCompaction[];
  pendingByNode: Record<string, number>;
  pendingByTable: { node: string; keyspace: string; table: string; pending: number }[];
  /** Per node: why it (or one of its answers) is missing from the lists above. */
  errors: Record<string, string>;
  /** Why no node could be asked at all (the cluster is unreachable); the lists are then empty for that reason. */
  error: string | null;
}

/** The answers of one node's bulk request that failed, named, as one line. */
function failedAnswers(answers: [string, JolokiaResult][]): string | null {
  const failed = answers.flatMap(([what, a]) => (a.ok ? [] : [`${what}: ${a.error}`]));
  return failed.length ? failed.join('; ') : null;
}

const REQUESTS: JolokiaRequest[] = [
  { type: 'read', mbean: 'org.apache.cassandra.db:type=CompactionManager', attribute: 'Compactions' },
  { type: 'read', mbean: 'org.apache.cassandra.metrics:type=Compaction,name=PendingTasks', attribute: 'Value' },
  {
    type: 'read',
    mbean: 'org.apache.cassandra.metrics:type=Compaction,name=PendingTasksByTableName',
    attribute: 'Value',
  },
];

const pollers = processSingleton('compaction-pollers', () => new Map<string, SharedPoller<CompactionSnapshot>>());

export function compactionPoller(clusterId: string): SharedPoller<CompactionSnapshot> {
  let poller = pollers.get(clusterId);
  if (!poller) {
    const cluster = clusterConfig(clusterId);
    poller = new SharedPoller<CompactionSnapshot>(
      async (previous) => {
        const at = Date.now();
        const snapshot: CompactionSnapshot = {
          at,
          running: [],
          pendingByNode: {},
          pendingByTable: [],
          errors: {},
          error: null,
        };
        let addresses: string[];
        try {
          addresses = nodeAddresses(await driverFor(clusterId));
        } catch (error) {
          // A snapshot that says why, rather than a failed poll nobody sees: viewers would wait forever.
          return { ...snapshot, error: (error as Error).message };
        }
        await Promise.all(
          addresses.map(async (address) => {
            try {
              const answers = await readNodeBulk(cluster, address, REQUESTS);
              const [compactions, pending, byTable] = answers;
              if (!compactions || !pending || !byTable)
                throw new Error(`the agent answered ${answers.length} of the ${REQUESTS.length} reads sent to it`);
              const failed = failedAnswers([
                ['running compactions', compactions],
                ['pending tasks', pending],
                ['pending tasks by table', byTable],
              ]);
              if (failed) snapshot.errors[address] = failed;
              if (compactions.ok) snapshot.running.push(...parseCompactions(address, compactions.value));
              if (pending.ok && typeof pending.value === 'number') snapshot.pendingByNode[address] = pending.value;
              const tables = z
                .record(z.string(), z.record(z.string(), z.number()))
                .safeParse(byTable.ok ? byTable.value : undefined);
              for (const [keyspace, perTable] of Object.entries(tables.data ?? {})) {
                for (const [table, count] of Object.entries(perTable))
                  snapshot.pendingByTable.push({ node: address, keyspace, table, pending: count });
              }
            } catch (error) {
              snapshot.errors[address] = (error as Error).message;
              // Shown per node on the page; debug here, since a down node fails this every second.
              logger('compaction-poller', { clusterId }).debug(
                { node: address, err: error },
                `compaction read failed: ${(error as Error).message}`,
              );
            }
          }),
        );
        snapshot.running = withProgress(
          snapshot.running,
          previous && { compactions: previous.running, at: previous.at },
          at,
        );
        snapshot.running.sort((a, b) => a.node.localeCompare(b.node) || a.id.localeCompare(b.id));
        return snapshot;
      },
      1000,
      30_000,
      { poller: 'compaction', clusterId },
    );
    pollers.set(clusterId, poller);
  }
  return poller;
}

export interface CompactionHistoryEntry {
  node: string;
  id: string;
  keyspace: string;
  table: string;
  compactedAt: Date;
  bytesIn: number;
  bytesOut: number;
}

const historyRow = rowReader(
  'system.compaction_history',
  z.object({
    id: cqlUuid,
    keyspace_name: z.string(),
    columnfamily_name: z.string(),
    compacted_at: z.date(),
    bytes_in: cqlNumber,
    bytes_out: cqlNumber,
  }),
);

/** system.compaction_history is node-local: each node is asked for its own, newest first. */
export async function compactionHistory(
  clusterId: string,
  limit: number,
  keyspace?: string,
): Promise<{ entries: CompactionHistoryEntry[]; errors: Record<string, string> }> {
  const results = await executeOnEachNode(
    clusterId,
    'SELECT id, keyspace_name, columnfamily_name, compacted_at, bytes_in, bytes_out FROM system.compaction_history',
  );
  const entries: CompactionHistoryEntry[] = [];
  const errors: Record<string, string> = {};
  for (const result of results) {
    if ('error' in result) {
      errors[result.address] = result.error;
      continue;
    }
    for (const row of result.rows.map(historyRow)) {
      if (keyspace && row.keyspace_name !== keyspace) continue;
      entries.push({
        node: result.address,
        id: row.id,
        keyspace: row.keyspace_name,
        table: row.columnfamily_name,
        compactedAt: row.compacted_at,
        bytesIn: row.bytes_in,
        bytesOut: row.bytes_out,
      });
    }
  }
  entries.sort((a, b) => b.compactedAt.getTime() - a.compactedAt.getTime());
  return { entries: entries.slice(0, limit), errors };
}

export interface TableCompaction {
  keyspace: string;
  table: string;
  strategy: string;
  /** Live SSTables per node. */
  sstables: Record<string, number>;
}

const tableCompactionRow = rowReader(
  'system_schema.tables',
  z.object({ keyspace_name: z.string(), table_name: z.string(), compaction: textMap }),
);

/** Each user table's compaction strategy and live SSTable count on every node; `errors`: nodes whose count is missing, and why. */
export async function tableCompaction(
  clusterId: string,
): Promise<{ tables: TableCompaction[]; errors: Record<string, string> }> {
  const cluster = clusterConfig(clusterId);
  const client = await driverFor(clusterId);
  const tables = await client.execute('SELECT keyspace_name, table_name, compaction FROM system_schema.tables');
  const result: TableCompaction[] = tables.rows
    .map(tableCompactionRow)
    .filter((r) => !isSystemKeyspace(r.keyspace_name))
    .map((r) => ({
      keyspace: r.keyspace_name,
      table: r.table_name,
      strategy: (r.compaction.class ?? '').replace(/^org\.apache\.cassandra\.db\.compaction\./, ''),
      sstables: {},
    }));
  const addresses = nodeAddresses(client);
  const errors: Record<string, string> = {};
  await Promise.all(
    addresses.map(async (address) => {
      let answer: JolokiaResult | undefined;
      try {
        [answer] = await readNodeBulk(cluster, address, [
          {
            type: 'read',
            mbean: 'org.apache.cassandra.metrics:type=Table,keyspace=*,scope=*,name=LiveSSTableCount',
            attribute: 'Value',
          },
        ]);
      } catch (error) {
        errors[address] = (error as Error).message;
        return;
      }
      if (answer && !answer.ok) errors[address] = answer.error;
      const beans = z
        .record(z.string(), z.object({ Value: z.number() }))
        .safeParse(answer?.ok ? answer.value : undefined);
      for (const [bean, { Value }] of Object.entries(beans.data ?? {})) {
        const keyspace = /keyspace=([^,]+)/.exec(bean)?.[1];
        const table = /scope=([^,]+)/.exec(bean)?.[1];
        const entry = result.find((t) => t.keyspace === keyspace && t.table === table);
        if (entry) entry.sstables[address] = Value;
      }
    }),
  );
  return {
    tables: result.sort((a, b) => a.keyspace.localeCompare(b.keyspace) || a.table.localeCompare(b.table)),
    errors,
  };
}
