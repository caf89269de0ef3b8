import 'server-only';
/**
 * One node's part of a job: the operation sent to the node, its progress read from the node's
 * CompactionManager every second while it runs, and its outcome as a step state and a log line.
 */
import type { ClusterConfig } from '../config';
import { JolokiaError } from '../cluster/errors';
import {
  OPERATION_TRAITS,
  runNodeOperation,
  runningTasks,
  type NodeTask,
  type OperationKind,
} from '../cluster/node-operations';
import { logger } from '../log/logger';
import type { Store } from '../store/database';
import { stepChange } from './job-transitions';
import type { Job, JobStep, StepProgress } from './job-types';

/** A blocking operation may take hours on a large node; beyond a day something is wrong. */
export const STEP_TIMEOUT_MS = 24 * 3600_000;
const PROGRESS_EVERY_MS = 1000;

/** The node's tasks that belong to this job: its keyspace, its tables (if named), its kind. */
export function tasksOf(job: Pick<Job, 'kind' | 'target'>, tasks: NodeTask[]): NodeTask[] {
  const kinds = OPERATION_TRAITS[job.kind as OperationKind].taskKinds;
  return tasks.filter(
    (t) =>
      kinds.includes(t.kind) &&
      (job.target.keyspace === null || t.keyspace === job.target.keyspace) &&
      (job.target.tables.length === 0 || (t.table !== null && job.target.tables.includes(t.table))),
  );
}

export function progressOf(tasks: NodeTask[]): StepProgress | null {
  if (tasks.length === 0) return null;
  return {
    completed: tasks.reduce((sum, t) => sum + t.completed, 0),
    total: tasks.reduce((sum, t) => sum + t.total, 0),
    unit: tasks[0]!.unit,
    taskIds: tasks.flatMap((t) => (t.id ? [t.id] : [])),
  };
}

export interface StepContext {
  db: Store;
  cluster: ClusterConfig;
  job: Job;
  /** Where the runner keeps live progress for the view (never stored). */
  progress: Map<number, StepProgress>;
  /** True once the user asked to cancel: an aborted task then ends the step as cancelled, not failed. */
  cancelRequested: () => boolean;
}

/** Runs the step to its end; true when it succeeded. Never throws: the outcome is the step's state. */
export async function runStep(ctx: StepContext, step: JobStep): Promise<boolean> {
  const { db, cluster, job } = ctx;
  const log = logger('job-runner', { clusterId: job.clusterId, jobId: job.id, node: step.node });
  const label = OPERATION_TRAITS[job.kind as OperationKind].label;
  stepChange(
    db,
    job.id,
    step.seq,
    { state: 'running', startedAt: Date.now(), endedAt: null, message: null },
    `${step.node}: ${label} started`,
  );
  const watch = OPERATION_TRAITS[job.kind as OperationKind].taskKinds.length
    ? setInterval(() => {
        runningTasks(cluster, step.node)
          .then((tasks) => {
            const progress = progressOf(tasksOf(job, tasks));
            if (progress) ctx.progress.set(step.seq, progress);
          })
          // A missed progress read costs one tick of the bar, not the operation: debug only.
          .catch((error: unknown) => log.debug({ err: error }, 'progress read failed'));
      }, PROGRESS_EVERY_MS)
    : undefined;
  try {
    const outcome = await runNodeOperation(
      cluster,
      step.node,
      job.kind as OperationKind,
      { keyspace: job.target.keyspace, tables: job.target.tables, params: job.params },
      STEP_TIMEOUT_MS,
    );
    stepChange(
      db,
      job.id,
      step.seq,
      { state: 'succeeded', endedAt: Date.now(), message: outcome },
      `${step.node}: ${outcome}`,
    );
    return true;
  } catch (error) {
    const message = error instanceof JolokiaError ? error.message : `node ${step.node}: ${(error as Error).message}`;
    const cancelled = ctx.cancelRequested();
    log.warn({ err: error, cancelled }, `${label} on ${step.node} ended: ${message}`);
    stepChange(
      db,
      job.id,
      step.seq,
      { state: cancelled ? 'cancelled' : 'failed', endedAt: Date.now(), message },
      `${step.node}: ${cancelled ? 'cancelled' : 'failed'}: ${message}`,
    );
    return false;
  } finally {
    clearInterval(watch);
    ctx.progress.delete(step.seq);
  }
}
