import 'server-only';
/**
 * Repair through StorageService (Cassandra 5.0.9 signatures): start one repair command with a
 * complete options map, poll its parent status, terminate every repair a node coordinates; and the
 * per-node facts a repair scheduler holds segments back on (pending compactions, repairs under way).
 */
import { z } from 'zod';
import type { ClusterConfig } from '../config';
import { valueOf, type JolokiaRequest } from './jolokia';
import { jolokiaTarget, readNodeBulk } from './node-bulk';
import { executeOnEachNode } from './per-node';

const SS = 'org.apache.cassandra.db:type=StorageService';

async function execOne<T>(
  cluster: ClusterConfig,
  node: string,
  request: JolokiaRequest,
  schema: z.ZodType<T>,
  what: string,
): Promise<T> {
  const [answer] = await readNodeBulk(cluster, node, [request]);
  return valueOf(jolokiaTarget(cluster, node), answer!, schema, what);
}

/** Starts a repair coordinated by `node`; Cassandra's command number (0: nothing to repair). */
export function repairAsync(
  cluster: ClusterConfig,
  node: string,
  keyspace: string,
  options: Record<string, string>,
): Promise<number> {
  return execOne(
    cluster,
    node,
    {
      type: 'exec',
      mbean: SS,
      operation: 'repairAsync(java.lang.String,java.util.Map)',
      arguments: [keyspace, options],
    },
    z.number().int(),
    'repairAsync',
  );
}

export interface ParentRepairStatus {
  state: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  messages: string[];
}

/** The command's status on its coordinator; null when the node does not know it (restarted, expired). */
export async function parentRepairStatus(
  cluster: ClusterConfig,
  node: string,
  command: number,
): Promise<ParentRepairStatus | null> {
  const value = await execOne(
    cluster,
    node,
    { type: 'exec', mbean: SS, operation: 'getParentRepairStatus(int)', arguments: [command] },
    z.array(z.string()).nullable(),
    'getParentRepairStatus',
  );
  if (!value || value.length === 0) return null;
  const [state, ...messages] = value;
  const parsed = z.enum(['IN_PROGRESS', 'COMPLETED', 'FAILED']).safeParse(state);
  return parsed.success ? { state: parsed.data, messages } : { state: 'FAILED', messages: value };
}

/** Cassandra 5.0 has no per-command cancel: this stops EVERY repair `node` coordinates. */
export async function terminateAllRepairs(cluster: ClusterConfig, node: string): Promise<void> {
  await execOne(
    cluster,
    node,
    { type: 'exec', mbean: SS, operation: 'forceTerminateAllRepairSessions()', arguments: [] },
    z.unknown(),
    'forceTerminateAllRepairSessions',
  );
}

/** Each node's pending compaction tasks (nodes that did not answer are left out). */
export async function pendingCompactions(cluster: ClusterConfig, nodes: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  await Promise.all(
    nodes.map(async (node) => {
      try {
        const [answer] = await readNodeBulk(cluster, node, [
          { type: 'read', mbean: 'org.apache.cassandra.metrics:type=Compaction,name=PendingTasks', attribute: 'Value' },
        ]);
        out[node] = valueOf(jolokiaTarget(cluster, node), answer!, z.number(), 'pending compactions');
      } catch {
        // A node that cannot answer is held back as down by the caller's own facts.
      }
    }),
  );
  return out;
}

export interface RunningRepair {
  coordinator: string;
  commandId: number | null;
  keyspace: string;
  participants: string[];
}

/**
 * Repairs not yet completed, from each coordinator's system_views.repairs (node-local), and the nodes
 * that could not say (the table arrives in Cassandra 4.1; a node may not answer): "no repairs" from
 * them would be a guess.
 */
export async function runningRepairs(
  clusterId: string,
  options: { readTimeoutMs?: number } = {},
): Promise<{ repairs: RunningRepair[]; unreadable: Record<string, string> }> {
  const results = await executeOnEachNode(
    clusterId,
    'SELECT command_id, keyspace_name, participants, completed FROM system_views.repairs',
    [],
    options,
  );
  const unreadable: Record<string, string> = {};
  for (const result of results) if ('error' in result) unreadable[result.address] = result.error;
  const repairs = results.flatMap((result) =>
    'rows' in result
      ? result.rows
          .filter((row) => row.get('completed') === false)
          .map((row) => ({
            coordinator: result.address,
            commandId: typeof row.get('command_id') === 'number' ? (row.get('command_id') as number) : null,
            keyspace: String(row.get('keyspace_name')),
            participants: ((row.get('participants') as string[] | null) ?? []).map((p) =>
              p.replace(/^\//, '').replace(/:\d+$/, ''),
            ),
          }))
      : [],
  );
  return { repairs, unreadable };
}

/** Repair rows a coordinator keeps for a keyspace (for checks and tests): command id, status, ranges. */
export async function repairRows(
  clusterId: string,
  keyspace: string,
): Promise<{ node: string; commandId: number | null; status: string; ranges: string[] }[]> {
  const results = await executeOnEachNode(
    clusterId,
    'SELECT command_id, keyspace_name, status, ranges FROM system_views.repairs',
  );
  return results.flatMap((result) =>
    'rows' in result
      ? result.rows
          .filter((row) => row.get('keyspace_name') === keyspace)
          .map((row) => ({
            node: result.address,
            commandId: typeof row.get('command_id') === 'number' ? (row.get('command_id') as number) : null,
            status: String(row.get('status')),
            ranges: ((row.get('ranges') as string[] | null) ?? []).map(String),
          }))
      : [],
  );
}
