import 'server-only';
/**
 * The node operations the console runs, as each node's StorageService takes them over Jolokia
 * (signatures checked against StorageServiceMBean of cassandra-all 4.0.19, 4.1.10 and 5.0.9; where
 * they differ, the node's release strategy says how: versions/features.ts). Every one is listed in the
 * agents' access policy, localcluster/templates/jolokia-access.xml. Each kind says which running
 * CompactionManager task shows its progress and whether Cassandra can stop it.
 */
import { z } from 'zod';
import type { ClusterConfig } from '../config';
import { valueOf, type JolokiaRequest } from './jolokia';
import { execLong } from './long-exec';
import { jolokiaTarget, readNodeBulk } from './node-bulk';
import { mebibytesToMegabits } from './versions/features';
import { agentStrategy } from './versions/node-strategy';
import { featureMissingReason, type ReleaseStrategy } from './versions/release-strategy';

const SS = 'org.apache.cassandra.db:type=StorageService';
const CM = 'org.apache.cassandra.db:type=CompactionManager';

export const OPERATION_KINDS = [
  'flush',
  'compact',
  'cleanup',
  'upgradesstables',
  'scrub',
  'garbagecollect',
  'snapshot',
  'clearsnapshot',
  'drain',
  'compactionthroughput',
  'streamthroughput',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

const jobs = z.number().int().min(0).max(64).default(0);
/** Each kind's parameters beyond the keyspace and tables; what is stored is what is sent. */
export const OPERATION_PARAMS = {
  flush: z.object({}),
  compact: z.object({ splitOutput: z.boolean().default(false) }),
  cleanup: z.object({ jobs }),
  upgradesstables: z.object({ includeAllSSTables: z.boolean().default(false), jobs }),
  scrub: z.object({
    disableSnapshot: z.boolean().default(false),
    skipCorrupted: z.boolean().default(false),
    checkData: z.boolean().default(true),
    reinsertOverflowedTTL: z.boolean().default(false),
    jobs,
  }),
  garbagecollect: z.object({ tombstoneOption: z.enum(['ROW', 'CELL']).default('ROW'), jobs }),
  snapshot: z.object({
    tag: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.-]+$/, 'a snapshot tag is letters, digits, _ . -'),
    skipFlush: z.boolean().default(false),
    /** Cassandra refuses a ttl under 60 s. */
    ttlSeconds: z
      .number()
      .int()
      .min(60)
      .max(10 * 365 * 86_400)
      .nullable()
      .default(null),
  }),
  clearsnapshot: z.object({
    tag: z
      .string()
      .max(100)
      .regex(/^[A-Za-z0-9_.-]*$/)
      .default(''),
    olderThan: z
      .string()
      .regex(/^\d+[smhd]$/, 'a duration such as 30d')
      .nullable()
      .default(null),
  }),
  drain: z.object({}),
  compactionthroughput: z.object({ mebibytesPerSecond: z.number().int().min(0).max(1_000_000) }),
  streamthroughput: z.object({ mebibytesPerSecond: z.number().int().min(0).max(1_000_000) }),
} as const satisfies Record<OperationKind, z.ZodType>;
export type OperationParams<K extends OperationKind> = z.output<(typeof OPERATION_PARAMS)[K]>;

export interface OperationTraits {
  label: string;
  /** Needs a keyspace (tables optional); false: the whole node. */
  keyspace: 'required' | 'optional' | 'none';
  /** The CompactionManager taskType labels that show its progress. */
  taskKinds: string[];
  /** Cassandra can stop it with stopCompactionById once it has started. */
  cancellable: boolean;
  /** Holds the exec open while it works: the agent must keep serving reads meanwhile. */
  blocking: boolean;
}

export const OPERATION_TRAITS: Record<OperationKind, OperationTraits> = {
  flush: { label: 'flush', keyspace: 'required', taskKinds: [], cancellable: false, blocking: true },
  compact: {
    label: 'major compaction',
    keyspace: 'required',
    taskKinds: ['Major compaction', 'Compaction'],
    cancellable: true,
    blocking: true,
  },
  cleanup: { label: 'cleanup', keyspace: 'required', taskKinds: ['Cleanup'], cancellable: true, blocking: true },
  upgradesstables: {
    label: 'upgradesstables',
    keyspace: 'required',
    taskKinds: ['Upgrade sstables'],
    cancellable: true,
    blocking: true,
  },
  scrub: { label: 'scrub', keyspace: 'required', taskKinds: ['Scrub'], cancellable: true, blocking: true },
  garbagecollect: {
    label: 'garbage collect',
    keyspace: 'required',
    taskKinds: ['Remove deleted data'],
    cancellable: true,
    blocking: true,
  },
  snapshot: { label: 'snapshot', keyspace: 'optional', taskKinds: [], cancellable: false, blocking: true },
  clearsnapshot: { label: 'clear snapshot', keyspace: 'optional', taskKinds: [], cancellable: false, blocking: false },
  drain: { label: 'drain', keyspace: 'none', taskKinds: [], cancellable: false, blocking: true },
  compactionthroughput: {
    label: 'set compaction throughput',
    keyspace: 'none',
    taskKinds: [],
    cancellable: false,
    blocking: false,
  },
  streamthroughput: {
    label: 'set stream throughput',
    keyspace: 'none',
    taskKinds: [],
    cancellable: false,
    blocking: false,
  },
};

/** Status codes of the int-returning operations (CompactionManager.AllSSTableOpStatus). */
const STATUS = ['successful', 'aborted', 'unable to cancel', 'a table was dropped'];
/** The kinds whose StorageService operation returns such a status; the others return nothing. */
const RETURNS_STATUS: ReadonlySet<OperationKind> = new Set(['cleanup', 'upgradesstables', 'scrub', 'garbagecollect']);
/** The kinds that are a Jolokia write, which answers with the attribute's previous value (MiB/s here). */
const WRITES_ATTRIBUTE: ReadonlySet<OperationKind> = new Set(['compactionthroughput', 'streamthroughput']);

export interface OperationCall {
  keyspace: string | null;
  tables: string[];
  params: Record<string, unknown>;
}

/**
 * Why a node of this release cannot run the operation as asked, said plainly, or null when it can: an
 * older release would take the request and silently drop what it does not know (4.0 keeps a snapshot
 * asked with a ttl forever).
 */
export function unsupportedOperation(
  kind: OperationKind,
  params: Record<string, unknown>,
  strategy: ReleaseStrategy,
  address: string,
): string | null {
  if (kind === 'snapshot' && OPERATION_PARAMS.snapshot.parse(params).ttlSeconds !== null)
    return featureMissingReason(strategy, 'snapshot-ttl', address);
  if (kind === 'clearsnapshot' && OPERATION_PARAMS.clearsnapshot.parse(params).olderThan !== null)
    return featureMissingReason(strategy, 'clearsnapshot-older-than', address);
  return null;
}

/**
 * The exact Jolokia request an operation sends to a node of this release; pure (its test holds every
 * signature). Throws what unsupportedOperation says rather than send what the node would misread.
 */
export function operationRequest(
  kind: OperationKind,
  call: OperationCall,
  strategy: ReleaseStrategy,
  address = 'the node',
): JolokiaRequest {
  const unsupported = unsupportedOperation(kind, call.params, strategy, address);
  if (unsupported) throw new Error(unsupported);
  const exec = (operation: string, args: unknown[]): JolokiaRequest => ({
    type: 'exec',
    mbean: SS,
    operation,
    arguments: args,
  });
  const ks = call.keyspace ?? '';
  const tables = call.tables;
  switch (kind) {
    case 'flush':
      return exec('forceKeyspaceFlush(java.lang.String,[Ljava.lang.String;)', [ks, tables]);
    case 'compact': {
      const p = OPERATION_PARAMS.compact.parse(call.params);
      return exec('forceKeyspaceCompaction(boolean,java.lang.String,[Ljava.lang.String;)', [p.splitOutput, ks, tables]);
    }
    case 'cleanup': {
      const p = OPERATION_PARAMS.cleanup.parse(call.params);
      return exec('forceKeyspaceCleanup(int,java.lang.String,[Ljava.lang.String;)', [p.jobs, ks, tables]);
    }
    case 'upgradesstables': {
      const p = OPERATION_PARAMS.upgradesstables.parse(call.params);
      // The second argument is "skip SSTables already on the current version": the opposite of -a.
      return exec('upgradeSSTables(java.lang.String,boolean,int,[Ljava.lang.String;)', [
        ks,
        !p.includeAllSSTables,
        p.jobs,
        tables,
      ]);
    }
    case 'scrub': {
      const p = OPERATION_PARAMS.scrub.parse(call.params);
      return exec('scrub(boolean,boolean,boolean,boolean,int,java.lang.String,[Ljava.lang.String;)', [
        p.disableSnapshot,
        p.skipCorrupted,
        p.checkData,
        p.reinsertOverflowedTTL,
        p.jobs,
        ks,
        tables,
      ]);
    }
    case 'garbagecollect': {
      const p = OPERATION_PARAMS.garbagecollect.parse(call.params);
      return exec('garbageCollect(java.lang.String,int,java.lang.String,[Ljava.lang.String;)', [
        p.tombstoneOption,
        p.jobs,
        ks,
        tables,
      ]);
    }
    case 'snapshot': {
      const p = OPERATION_PARAMS.snapshot.parse(call.params);
      const options: Record<string, string> = { skipFlush: String(p.skipFlush) };
      if (p.ttlSeconds !== null) options.ttl = `${p.ttlSeconds}s`;
      // Entities are keyspaces or keyspace.table; none at all means every keyspace.
      const entities = call.keyspace ? (tables.length ? tables.map((t) => `${ks}.${t}`) : [ks]) : [];
      return exec('takeSnapshot(java.lang.String,java.util.Map,[Ljava.lang.String;)', [p.tag, options, entities]);
    }
    case 'clearsnapshot': {
      const p = OPERATION_PARAMS.clearsnapshot.parse(call.params);
      const keyspaces = call.keyspace ? [ks] : [];
      const signature = strategy.mbeans.clearSnapshot;
      if (signature === 'clearSnapshot(java.lang.String,[Ljava.lang.String;)')
        return exec(signature, [p.tag, keyspaces]);
      const options: Record<string, string> = p.olderThan ? { older_than: p.olderThan } : {};
      return exec(signature, [options, p.tag, keyspaces]);
    }
    case 'drain':
      return exec('drain()', []);
    case 'compactionthroughput': {
      const p = OPERATION_PARAMS.compactionthroughput.parse(call.params);
      return { type: 'write', mbean: SS, attribute: 'CompactionThroughputMbPerSec', value: p.mebibytesPerSecond };
    }
    case 'streamthroughput': {
      const p = OPERATION_PARAMS.streamthroughput.parse(call.params);
      const { attribute, unit } = strategy.mbeans.streamThroughput;
      const value = unit === 'MiB/s' ? p.mebibytesPerSecond : mebibytesToMegabits(p.mebibytesPerSecond);
      return { type: 'write', mbean: SS, attribute, value };
    }
  }
}

/**
 * What the operation answered, as one line for the job's log; throws when Cassandra reports it did not
 * finish. A throughput write answers with the previous value, in the unit the node's attribute takes.
 */
export function describeOutcome(kind: OperationKind, value: unknown, strategy: ReleaseStrategy): string {
  if (WRITES_ATTRIBUTE.has(kind)) {
    const unit = kind === 'streamthroughput' ? strategy.mbeans.streamThroughput.unit : 'MiB/s';
    return `${OPERATION_TRAITS[kind].label}: done (it was ${String(value)} ${unit})`;
  }
  if (RETURNS_STATUS.has(kind) && typeof value === 'number' && Number.isInteger(value)) {
    const status = STATUS[value] ?? `status ${value}`;
    if (value !== 0) throw new Error(`${OPERATION_TRAITS[kind].label} ended ${status} (Cassandra status ${value})`);
    return `${OPERATION_TRAITS[kind].label}: ${status}`;
  }
  return `${OPERATION_TRAITS[kind].label}: done`;
}

/** Runs one operation on one node and waits for it to end (up to `timeoutMs`). */
export async function runNodeOperation(
  cluster: ClusterConfig,
  node: string,
  kind: OperationKind,
  call: OperationCall,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<string> {
  const strategy = await agentStrategy(cluster, node);
  const value = await execLong(cluster, node, operationRequest(kind, call, strategy, node), timeoutMs, signal);
  return describeOutcome(kind, value, strategy);
}

const taskSchema = z.array(
  z.object({
    compactionId: z.string().optional(),
    keyspace: z.string().optional(),
    columnfamily: z.string().optional(),
    completed: z.string(),
    total: z.string(),
    unit: z.string(),
    taskType: z.string(),
  }),
);

export interface NodeTask {
  id: string | null;
  keyspace: string | null;
  table: string | null;
  kind: string;
  completed: number;
  total: number;
  unit: string;
}

/** The node's running CompactionManager tasks (compactions, cleanups, scrubs, …). */
export async function runningTasks(cluster: ClusterConfig, node: string): Promise<NodeTask[]> {
  const [answer] = await readNodeBulk(cluster, node, [{ type: 'read', mbean: CM, attribute: 'Compactions' }]);
  const tasks = valueOf(jolokiaTarget(cluster, node), answer!, taskSchema, 'CompactionManager.Compactions');
  return tasks.map((t) => ({
    id: t.compactionId ?? null,
    keyspace: t.keyspace ?? null,
    table: t.columnfamily ?? null,
    kind: t.taskType,
    completed: Number(t.completed),
    total: Number(t.total),
    unit: t.unit,
  }));
}

/** Asks Cassandra to stop one running task; it ends the operation's exec with an "aborted" status. */
export async function stopTask(cluster: ClusterConfig, node: string, compactionId: string): Promise<void> {
  const [answer] = await readNodeBulk(cluster, node, [
    { type: 'exec', mbean: CM, operation: 'stopCompactionById(java.lang.String)', arguments: [compactionId] },
  ]);
  valueOf(jolokiaTarget(cluster, node), answer!, z.unknown(), `stopCompactionById(${compactionId})`);
}
