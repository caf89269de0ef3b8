import 'server-only';
/**
 * The process's one job runner. A mutation stores a job and hands it here; the runner works on it in
 * the background (no browser request waits), one batch of nodes at a time, writing every change to
 * the store as it happens. At start-up it marks jobs a dead process left running as interrupted.
 */
import { hostname } from 'node:os';
import { agentConcurrencyProblem } from '../cluster/agent-concurrency';
import { OPERATION_TRAITS, type OperationKind } from '../cluster/node-operations';
import { clusterConfig } from '../cluster/registry';
import { logger } from '../log/logger';
import { processSingleton } from '../process-singleton';
import { getStore } from '../store';
import type { Store } from '../store/database';
import { gateFacts } from './gate-facts';
import { gateRefusal, nextBatch } from './job-plan';
import { getJob, jobsInStates, updateStep } from './job-store';
import { log, stepChange, transition } from './job-transitions';
import type { Job, StepProgress } from './job-types';
import { runStep } from './job-step';
import { runRepair } from '../repair/repair-run';

interface Execution {
  abort: AbortController;
  progress: Map<number, StepProgress>;
}

function ownerAlive(owner: string | null, self: string): boolean {
  if (!owner || owner === self) return false;
  const [host, pid] = owner.split(':');
  if (host !== hostname()) return false;
  try {
    process.kill(Number(pid), 0);
    return Number(pid) !== process.pid;
  } catch {
    return false;
  }
}

export class JobRunner {
  readonly owner = `${hostname()}:${process.pid}:${Date.now().toString(36)}`;
  private readonly executions = new Map<string, Execution>();
  private readonly log = logger('job-runner');

  constructor(private readonly db: Store) {}

  /** Jobs left queued or running by a process that is gone: repair runs carry on, others are interrupted, saying so. */
  recover(): number {
    let count = 0;
    for (const job of jobsInStates(this.db, ['queued', 'running'])) {
      if (this.executions.has(job.id) || ownerAlive(job.owner, this.owner)) continue;
      if (job.kind === 'repair') {
        // A repair run goes on by itself from its finished segments; the ones that were running run again.
        for (const step of job.steps.filter((s) => s.state === 'running'))
          updateStep(this.db, job.id, step.seq, { state: 'pending', startedAt: null, endedAt: null, message: null });
        this.launch(
          job.id,
          `resumed after a console restart (the process ${job.owner ?? 'none'} stopped) from its finished segments`,
        );
        count++;
        continue;
      }
      for (const step of job.steps.filter((s) => s.state === 'running'))
        stepChange(
          this.db,
          job.id,
          step.seq,
          {
            state: 'failed',
            endedAt: Date.now(),
            message: 'interrupted: the console stopped while this ran; Cassandra may still have finished it',
          },
          `${step.node}: interrupted with the console`,
        );
      const resumable = job.rolling ? '; resume it to go on from the node it stopped at' : '';
      transition(
        this.db,
        job.id,
        'interrupted',
        `interrupted: the console process running this job (${job.owner ?? 'none'}) stopped${resumable}`,
        { message: `interrupted: the console stopped while this job ran${resumable}`, owner: null },
      );
      this.log.warn({ jobId: job.id, owner: job.owner }, 'job left running by a stopped console marked interrupted');
      count++;
    }
    return count;
  }

  isRunning(jobId: string): boolean {
    return this.executions.has(jobId);
  }

  progressOf(jobId: string): Map<number, StepProgress> | undefined {
    return this.executions.get(jobId)?.progress;
  }

  /** Starts (or resumes) the job in the background; returns at once. */
  launch(jobId: string, line: string): void {
    if (this.executions.has(jobId)) return;
    const execution: Execution = { abort: new AbortController(), progress: new Map() };
    this.executions.set(jobId, execution);
    transition(this.db, jobId, 'running', line, {
      owner: this.owner,
      requested: null,
      startedAt: getJob(this.db, jobId)?.startedAt ?? Date.now(),
      finishedAt: null,
      message: null,
    });
    void this.execute(jobId, execution)
      .catch((error: unknown) => {
        // A bug or a store failure: the job must not stay "running" with nobody on it.
        this.log.error({ err: error, jobId }, `job runner failed: ${(error as Error).message}`);
        try {
          transition(this.db, jobId, 'failed', `the runner failed: ${(error as Error).message}`, {
            message: `the console's job runner failed: ${(error as Error).message}`,
            finishedAt: Date.now(),
          });
        } catch (inner) {
          this.log.error({ err: inner, jobId }, 'could not record the runner failure');
        }
      })
      .finally(() => this.executions.delete(jobId));
  }

  /** Wakes a settle delay early (pause or cancel asked). */
  interrupt(jobId: string): void {
    const execution = this.executions.get(jobId);
    execution?.abort.abort();
    if (execution) execution.abort = new AbortController();
  }

  private async settle(jobId: string, ms: number): Promise<void> {
    const signal = this.executions.get(jobId)?.abort.signal;
    await new Promise<void>((resolve) => {
      // The listener goes with the timer: a repair run sleeps many times a second on the same signal.
      const wake = () => (clearTimeout(timer), resolve());
      const timer = setTimeout(() => (signal?.removeEventListener('abort', wake), resolve()), ms);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }

  private finish(job: Job, state: 'succeeded' | 'failed' | 'cancelled', message: string): void {
    if (state !== 'succeeded')
      for (const step of job.steps.filter((s) => s.state === 'pending'))
        updateStep(this.db, job.id, step.seq, { state: 'skipped', message: `not started: the job ${state}` });
    transition(this.db, job.id, state, message, { message, finishedAt: Date.now(), requested: null });
  }

  private async execute(jobId: string, execution: Execution): Promise<void> {
    const cluster = clusterConfig(getJob(this.db, jobId)!.clusterId);
    if (getJob(this.db, jobId)!.kind === 'repair')
      return runRepair(this.db, cluster, jobId, (ms) => this.settle(jobId, ms));
    let first = true;
    for (;;) {
      const job = getJob(this.db, jobId)!;
      if (job.requested === 'cancel') return this.finish(job, 'cancelled', 'cancelled on request');
      if (job.requested === 'pause') {
        const next = nextBatch(job.steps, job.rolling)[0];
        transition(this.db, jobId, 'paused', `paused before ${next?.node ?? 'the end'}`, {
          requested: null,
          message: `paused before node ${next?.node ?? '—'}`,
          owner: null,
        });
        return;
      }
      const batch = nextBatch(job.steps, job.rolling);
      if (batch.length === 0) {
        const done = job.steps.filter((s) => s.state === 'succeeded').length;
        return this.finish(job, 'succeeded', `done on ${done} node(s)`);
      }
      const settleMs = job.rolling?.settleMs ?? 0;
      if (!first && settleMs > 0) {
        log(this.db, jobId, `settling ${Math.round(settleMs / 1000)} s before ${batch.map((s) => s.node).join(', ')}`);
        await this.settle(jobId, settleMs);
        if (getJob(this.db, jobId)!.requested) continue;
      }
      first = false;
      const nodes = batch.map((s) => s.node);
      const refusal = job.rolling ? gateRefusal(nodes, await gateFacts(job.clusterId)) : null;
      const blocked =
        refusal ??
        (OPERATION_TRAITS[job.kind as OperationKind].blocking
          ? (await Promise.all(nodes.map((n) => agentConcurrencyProblem(cluster, n)))).find((p) => p !== null)
          : null);
      if (blocked) {
        for (const step of batch)
          stepChange(
            this.db,
            jobId,
            step.seq,
            { state: 'failed', endedAt: Date.now(), message: `not started: ${blocked}` },
            `${step.node}: not started: ${blocked}`,
          );
        return this.finish(
          getJob(this.db, jobId)!,
          'failed',
          `stopped at node ${nodes.join(', ')}: ${blocked}${job.rolling ? ' — resume to go on from there' : ''}`,
        );
      }
      const ok = await Promise.all(
        batch.map((step) =>
          runStep(
            {
              db: this.db,
              cluster,
              job,
              progress: execution.progress,
              cancelRequested: () => getJob(this.db, jobId)?.requested === 'cancel',
            },
            step,
          ),
        ),
      );
      const after = getJob(this.db, jobId)!;
      if (after.requested === 'cancel') return this.finish(after, 'cancelled', 'cancelled on request');
      const failed = after.steps.find((s) => nodes.includes(s.node) && s.state === 'failed');
      if (ok.includes(false) && failed)
        return this.finish(
          after,
          'failed',
          `stopped at node ${failed.node}: ${failed.message ?? 'failed'}${job.rolling ? ' — resume to go on from there' : ''}`,
        );
    }
  }
}

export function jobRunner(): JobRunner {
  return processSingleton('job-runner', () => new JobRunner(getStore()));
}

/** Called once at server start: recovers what a dead process left. */
export function startJobRunner(): void {
  const recovered = jobRunner().recover();
  if (recovered)
    logger('job-runner').info(
      { recovered },
      `${recovered} job(s) a stopped console left running: repair runs resumed, others marked interrupted`,
    );
}
