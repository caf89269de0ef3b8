/**
 * What "running now" holds and how its parts are folded from their sources' answers: compactions as
 * the compaction poller reports them, repair sessions and streams from each node's system_views, the
 * console's active jobs summarised (a rolling job over 1,000 nodes sends its figures, not its steps).
 * Pure.
 */
import type { RunningRepair } from '../cluster/repair-calls';
import type { RunningCompaction } from '../compaction/compactions';
import type { Job, JobState } from '../jobs/job-types';
import { describeJob, jobPercent } from '@/lib/job-words';

export interface RunningStream {
  node: string;
  /** Cassandra's word for it: Repair, Bootstrap, Rebuild, Unbootstrap, … */
  operation: string;
  peers: string[];
  /** As the node reports it, 0–100; null before it knows how much there is. */
  percent: number | null;
  /** Sent and received together; null from a 4.0 node, whose StreamManager gives no figures. */
  bytes: { done: number; total: number } | null;
}

export interface JobSummary {
  id: string;
  description: string;
  state: JobState;
  startedAt: number | null;
  percent: number;
  nodesDone: number;
  nodesTotal: number;
  /** The nodes it works on at this moment. */
  runningOn: string[];
}

/** What is read from the cluster (the console's own jobs come from its store, which always answers). */
export type RunningSource = 'compactions' | 'repairs' | 'streams';

export interface RunningNow {
  /** When it was read (ms since the epoch): the page marks it stale when a refresh fails. */
  at: number;
  compactions: RunningCompaction[];
  repairs: RunningRepair[];
  streams: RunningStream[];
  jobs: JobSummary[];
  /** Per source, the nodes that could not say (and why): "nothing" from them would be a guess. */
  unanswered: Record<RunningSource, Record<string, string>>;
  /** A source that could not be read at all (the cluster out of reach, a timeout), and why: its list is empty for that reason. */
  failed: Partial<Record<RunningSource, string>>;
}

/** Streams still moving: system_views.streaming keeps finished sessions for days, marked success or failure. */
const MOVING = new Set(['init', 'start']);

export interface StreamRow {
  operation: string;
  peers: string[] | null;
  status: string;
  progress_percentage: number | null;
  bytes_received: number;
  bytes_to_receive: number;
  bytes_sent: number;
  bytes_to_send: number;
}

export function streamsOf(node: string, rows: readonly StreamRow[]): RunningStream[] {
  return rows
    .filter((row) => MOVING.has(row.status.toLowerCase()))
    .map((row) => ({
      node,
      operation: row.operation,
      peers: (row.peers ?? []).map((p) => p.replace(/^\//, '').replace(/:\d+$/, '')),
      percent: row.progress_percentage,
      bytes: { done: row.bytes_received + row.bytes_sent, total: row.bytes_to_receive + row.bytes_to_send },
    }));
}

/** A plan a 4.0 node's StreamManager lists ("Unbootstrap with 127.0.0.47 (plan …)"): its words, no figures. */
export function streamOfPlan(node: string, plan: { what: string }): RunningStream {
  return { node, operation: plan.what, peers: [], percent: null, bytes: null };
}

export function jobSummary(job: Job): JobSummary {
  return {
    id: job.id,
    description: describeJob(job),
    state: job.state,
    startedAt: job.startedAt,
    percent: jobPercent(job),
    nodesDone: job.steps.filter((s) => s.state === 'succeeded').length,
    nodesTotal: job.steps.length,
    runningOn: job.steps.filter((s) => s.state === 'running').map((s) => s.node),
  };
}
