import 'server-only';
/**
 * What the router calls: start a job (checked, stored, handed to the runner; the call returns its id
 * at once), cancel, pause, resume, and read jobs with their live progress — the list a shared poller
 * streams to every open activity page.
 */
import { randomUUID } from 'node:crypto';
import { OPERATION_TRAITS, stopTask, type OperationKind } from '../cluster/node-operations';
import { clusterConfig } from '../cluster/registry';
import { SharedPoller } from '../live/shared-poller';
import { logger } from '../log/logger';
import { processSingleton } from '../process-singleton';
import { getStore } from '../store';
import { checkJob, JobInputError } from './job-input';
import { getJob, getJobWithLog, insertJob, listJobs, UnreadableJobError, updateJob, updateStep } from './job-store';
import { log, transition } from './job-transitions';
import { jobRunner } from './job-runner';
import {
  ACTIVE_STATES,
  RESUMABLE_STATES,
  isUnreadable,
  type Job,
  type JobFilter,
  type JobKind,
  type JobTarget,
  type JobWithLog,
  type ListedJob,
  type Rolling,
} from './job-types';
import { describeJob } from '@/lib/job-words';
import { cancelRepair } from '../repair/repair-service';

export interface StartJob {
  clusterId: string;
  kind: JobKind;
  target: JobTarget;
  params: unknown;
  rolling: Rolling | null;
  requestedBy: string | null;
}

export async function startJob(request: StartJob): Promise<{ id: string }> {
  const db = getStore();
  const checked = await checkJob(db, request.clusterId, request.kind, request.target, request.params, request.rolling);
  const id = randomUUID();
  insertJob(db, {
    id,
    clusterId: request.clusterId,
    kind: request.kind,
    target: request.target,
    params: checked.params,
    rolling: request.rolling,
    requestedBy: request.requestedBy,
    createdAt: Date.now(),
    steps: checked.steps.map((s) => ({ ...s, progress: null })),
  });
  const job = getJob(db, id)!;
  jobRunner().launch(id, `${describeJob(job)} started by ${request.requestedBy ?? 'the console'}`);
  pollers.get(request.clusterId)?.nudge();
  return { id };
}

function jobOf(clusterId: string, id: string): Job {
  let job: Job | undefined;
  try {
    job = getJob(getStore(), id);
  } catch (error) {
    if (!(error instanceof UnreadableJobError)) throw error;
    if (error.job.clusterId !== clusterId) throw new JobInputError(`no job ${id} on cluster ${clusterId}`);
    throw new JobInputError(
      `job ${id} (${error.job.kind}, ${error.job.state}) cannot be read by this console, which therefore neither ` +
        `shows, cancels, pauses nor resumes it — a newer console version may have written it, or the row is damaged: ${error.job.unreadable}`,
    );
  }
  if (!job || job.clusterId !== clusterId) throw new JobInputError(`no job ${id} on cluster ${clusterId}`);
  return job;
}

/** With the runner's live progress on each running step. */
function withProgress<T extends Job>(job: T): T {
  const progress = jobRunner().progressOf(job.id);
  if (!progress) return job;
  return { ...job, steps: job.steps.map((s) => ({ ...s, progress: progress.get(s.seq) ?? null })) };
}

export function jobsOf(clusterId: string, filter: JobFilter = {}): ListedJob[] {
  return listJobs(getStore(), clusterId, filter).map((job) => (isUnreadable(job) ? job : withProgress(job)));
}

export function jobDetail(clusterId: string, id: string): JobWithLog {
  jobOf(clusterId, id);
  return withProgress(getJobWithLog(getStore(), id)!);
}

/**
 * Cancels a job. Queued or paused: at once. Running: no further node starts, and the running
 * operation is stopped where Cassandra can stop it (stopCompactionById); where it cannot, the answer
 * says so and the node finishes it.
 */
export async function cancelJob(clusterId: string, id: string, by: string): Promise<{ message: string }> {
  const db = getStore();
  const job = jobOf(clusterId, id);
  if (!ACTIVE_STATES.includes(job.state)) throw new JobInputError(`job ${id} is ${job.state}: nothing to cancel`);
  if (!jobRunner().isRunning(id)) {
    for (const step of job.steps.filter((s) => s.state === 'pending'))
      updateStep(db, id, step.seq, { state: 'skipped', message: 'not started: the job was cancelled' });
    transition(db, id, 'cancelled', `cancelled by ${by}`, { message: `cancelled by ${by}`, finishedAt: Date.now() });
    return { message: 'cancelled' };
  }
  if (job.kind === 'repair') return cancelRepair(clusterId, id, by);
  updateJob(db, id, { requested: 'cancel' });
  log(db, id, `cancel asked by ${by}`);
  jobRunner().interrupt(id);
  const traits = OPERATION_TRAITS[job.kind as OperationKind];
  const running = job.steps.filter((s) => s.state === 'running');
  if (running.length === 0) return { message: 'cancelled before the next node started' };
  if (!traits.cancellable) {
    const message = `${traits.label} cannot be cancelled once Cassandra has started it: ${running
      .map((s) => s.node)
      .join(', ')} will finish it; no further node starts`;
    log(db, id, message);
    return { message };
  }
  const progress = jobRunner().progressOf(id);
  const stopped: string[] = [];
  const cluster = clusterConfig(clusterId);
  for (const step of running)
    for (const taskId of progress?.get(step.seq)?.taskIds ?? []) {
      try {
        await stopTask(cluster, step.node, taskId);
        stopped.push(`${step.node} task ${taskId}`);
      } catch (error) {
        logger('jobs').warn({ err: error, jobId: id }, `stopCompactionById failed on ${step.node}`);
        log(db, id, `${step.node}: stopping task ${taskId} failed: ${(error as Error).message}`);
      }
    }
  const message = stopped.length
    ? `asked Cassandra to stop ${stopped.join(', ')}`
    : `no running ${traits.label} task seen yet on ${running.map((s) => s.node).join(', ')}: no further node starts; the running one finishes`;
  log(db, id, message);
  return { message };
}

/** A rolling job stops before its next node. */
export function pauseJob(clusterId: string, id: string, by: string): { message: string } {
  const job = jobOf(clusterId, id);
  if (!job.rolling && job.kind !== 'repair')
    throw new JobInputError(`job ${id} is not rolling: only a rolling job or a repair run pauses`);
  if (job.state !== 'running') throw new JobInputError(`job ${id} is ${job.state}: only a running job pauses`);
  updateJob(getStore(), id, { requested: 'pause' });
  log(getStore(), id, `pause asked by ${by}`);
  jobRunner().interrupt(id);
  return { message: 'pauses before its next node' };
}

/** Resumes a paused, failed or interrupted job from the node it stopped at. */
export function resumeJob(clusterId: string, id: string, by: string): { message: string } {
  const db = getStore();
  const job = jobOf(clusterId, id);
  if (!RESUMABLE_STATES.includes(job.state))
    throw new JobInputError(`job ${id} is ${job.state}: only a paused, failed or interrupted job resumes`);
  if (job.state === 'failed' && !job.rolling && job.kind !== 'repair')
    throw new JobInputError(`job ${id} ran on one node: start it again instead`);
  if (jobRunner().isRunning(id)) throw new JobInputError(`job ${id} is still being wound down; try again in a moment`);
  const from = job.steps.find((s) => s.state !== 'succeeded');
  for (const step of job.steps.filter((s) => s.state !== 'succeeded'))
    updateStep(db, id, step.seq, { state: 'pending', startedAt: null, endedAt: null, message: null });
  jobRunner().launch(id, `resumed by ${by} from node ${from?.node ?? '—'}`);
  pollers.get(clusterId)?.nudge();
  return { message: `resumed from node ${from?.node ?? '—'}` };
}

const pollers = processSingleton('jobs-view-pollers', () => new Map<string, SharedPoller<ListedJob[]>>());

/** The cluster's latest jobs with live progress, every second while anyone watches (read from the store). */
export function jobsPoller(clusterId: string): SharedPoller<ListedJob[]> {
  let poller = pollers.get(clusterId);
  if (!poller) {
    poller = new SharedPoller<ListedJob[]>(async () => jobsOf(clusterId, { limit: 100 }), 1000, 30_000, {
      poller: 'jobs-view',
      clusterId,
    });
    pollers.set(clusterId, poller);
  }
  return poller;
}
