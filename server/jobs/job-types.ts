/**
 * What a job is: the shapes the store keeps, the runner changes and the browser reads. Pure types and
 * zod schemas (no store, no cluster), so the activity page can import the types.
 */
import { z } from 'zod';
import { isUnreadable, JOB_KINDS } from '@/lib/job-words';

export { isUnreadable, JOB_KINDS };
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATES = ['queued', 'running', 'paused', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type JobState = (typeof JOB_STATES)[number];
/** A job in one of these still holds its nodes: a second rolling job over them is refused. */
export const ACTIVE_STATES: readonly JobState[] = ['queued', 'running', 'paused'];
/** A job in one of these may be resumed from the node it stopped at. */
export const RESUMABLE_STATES: readonly JobState[] = ['paused', 'failed', 'interrupted'];

export const STEP_STATES = ['pending', 'running', 'succeeded', 'failed', 'cancelled', 'skipped'] as const;
export type StepState = (typeof STEP_STATES)[number];

const identifier = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[A-Za-z0-9_]+$/, 'a keyspace or table name is letters, digits and _');

export const jobTargetSchema = z.object({
  scope: z.enum(['node', 'dc', 'cluster']),
  /** The node's address, for scope 'node'. */
  node: z.string().min(1).max(100).optional(),
  /** The data centre, for scope 'dc'. */
  dc: z.string().min(1).max(100).optional(),
  keyspace: identifier.nullable().default(null),
  tables: z.array(identifier).max(100).default([]),
});
export type JobTarget = z.output<typeof jobTargetSchema>;
export type JobTargetInput = z.input<typeof jobTargetSchema>;

export const rollingSchema = z.object({
  /** One rack at a time (its nodes together) instead of one node at a time. */
  byRack: z.boolean().default(false),
  /** Wait between one node (or rack) and the next, so the cluster settles. */
  settleMs: z
    .number()
    .int()
    .min(0)
    .max(60 * 60_000)
    .default(10_000),
});
export type Rolling = z.output<typeof rollingSchema>;

export interface StepProgress {
  completed: number;
  total: number;
  unit: string;
  /** Cassandra's ids of the tasks behind the figures, for cancel (stopCompactionById). */
  taskIds: string[];
}

export interface JobStep {
  seq: number;
  node: string;
  dc: string | null;
  rack: string | null;
  state: StepState;
  startedAt: number | null;
  endedAt: number | null;
  message: string | null;
  /** Live only (never stored): the node's running task for this step, when Cassandra reports one. */
  progress: StepProgress | null;
}

export interface JobLogLine {
  at: number;
  line: string;
}

export interface Job {
  id: string;
  clusterId: string;
  kind: JobKind;
  target: JobTarget;
  /** The exact parameters sent to Cassandra (per kind; see server/cluster/node-operations.ts). */
  params: Record<string, unknown>;
  rolling: Rolling | null;
  state: JobState;
  /** Why it failed, was cancelled or interrupted; what it did when it succeeded. */
  message: string | null;
  requestedBy: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  updatedAt: number;
  /** The console process running it (`host:pid:epoch`); a job left running by a dead one is interrupted. */
  owner: string | null;
  /** A pause or cancel the runner will honour after the current node. */
  requested: 'pause' | 'cancel' | null;
  steps: JobStep[];
}

export interface JobWithLog extends Job {
  log: JobLogLine[];
}

/**
 * A stored job this console cannot read: a kind or shape a newer console version wrote into a shared
 * store, or a damaged row. Listed as such, with what is wrong; never run, recovered, cancelled or resumed.
 */
export interface UnreadableJob {
  id: string;
  clusterId: string;
  /** As stored, which need not be a kind this console knows. */
  kind: string;
  state: string;
  createdAt: number | null;
  /** What the store's check found wrong with the row. */
  unreadable: string;
}

/** What a listing of jobs holds: the jobs, and the rows this console could not read, in their places. */
export type ListedJob = Job | UnreadableJob;

export const jobFilterSchema = z.object({
  states: z.array(z.enum(JOB_STATES)).max(JOB_STATES.length).optional(),
  kinds: z.array(z.enum(JOB_KINDS)).max(JOB_KINDS.length).optional(),
  node: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type JobFilter = z.input<typeof jobFilterSchema>;

export function isFinished(state: JobState): boolean {
  return state === 'succeeded' || state === 'failed' || state === 'cancelled' || state === 'interrupted';
}
