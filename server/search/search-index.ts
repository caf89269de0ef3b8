import 'server-only';
/**
 * What the command palette can jump to: every cluster the caller holds a role on, with its nodes
 * (from the cluster's shared poller: no extra poll when one is fresh) and its keyspaces and tables
 * (one read of system_schema.tables). A cluster that does not answer is listed with what failed, so
 * its pages can still be reached; none waits longer than `timeoutMs` for the others.
 */
import { isSystemKeyspace } from '@/lib/cql/system-keyspaces';
import { roleOn, type Grant, type Role } from '@/lib/roles';
import { config } from '../config';
import { clusterPoller } from '../nodes/live';
import { tableNames } from '../schema/keyspaces';

export interface SearchNode {
  address: string;
  dc: string | null;
  rack: string | null;
  hostId: string | null;
}

export interface SearchKeyspace {
  name: string;
  system: boolean;
  tables: string[];
}

export interface SearchCluster {
  id: string;
  name: string;
  role: Role;
  nodes: SearchNode[];
  keyspaces: SearchKeyspace[];
  /** What could not be read (nodes or schema), or null. */
  error: string | null;
}

export interface SearchIndex {
  clusters: SearchCluster[];
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function clusterEntry(id: string, name: string, role: Role, timeoutMs: number): Promise<SearchCluster> {
  const [nodes, schema] = await Promise.allSettled([
    withTimeout(clusterPoller(id).fresh(), timeoutMs, 'the node list'),
    withTimeout(tableNames(id), timeoutMs, 'the schema'),
  ]);
  const errors: string[] = [];
  if (nodes.status === 'rejected') errors.push(`nodes: ${messageOf(nodes.reason)}`);
  if (schema.status === 'rejected') errors.push(`schema: ${messageOf(schema.reason)}`);
  return {
    id,
    name,
    role,
    nodes:
      nodes.status === 'fulfilled'
        ? nodes.value.value.nodes.map((n) => ({ address: n.address, dc: n.dc, rack: n.rack, hostId: n.hostId }))
        : [],
    keyspaces:
      schema.status === 'fulfilled'
        ? [...schema.value.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([keyspace, tables]) => ({ name: keyspace, system: isSystemKeyspace(keyspace), tables }))
        : [],
    error: errors.length ? errors.join('; ') : null,
  };
}

export async function searchIndex(grants: readonly Grant[], timeoutMs = 3000): Promise<SearchIndex> {
  const visible = config().clusters.flatMap((c) => {
    const role = roleOn(grants, c.id);
    return role === null ? [] : [{ id: c.id, name: c.name ?? c.id, role }];
  });
  return { clusters: await Promise.all(visible.map((c) => clusterEntry(c.id, c.name, c.role, timeoutMs))) };
}
