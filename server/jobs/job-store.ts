import 'server-only';
/**
 * The one repository of jobs: the `jobs`, `job_steps` and `job_log` tables (migration 8). Every read
 * goes through zod; every state change is one statement or one transaction, so a crash leaves a job
 * either before or after a change, never half-way.
 */
import { z } from 'zod';
import type { Store } from '../store/database';
import { readRow, readRows } from '../store/rows';
import {
  JOB_KINDS,
  JOB_STATES,
  STEP_STATES,
  jobTargetSchema,
  rollingSchema,
  type Job,
  type JobFilter,
  type JobLogLine,
  type JobState,
  type JobStep,
  type JobWithLog,
  type StepState,
} from './job-types';

const jsonOf = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text, ctx): z.output<T> => {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: z.prettifyError(parsed.error) });
    return z.NEVER;
  });

const jobRow = z.object({
  id: z.string(),
  cluster: z.string(),
  kind: z.enum(JOB_KINDS),
  target: jsonOf(jobTargetSchema),
  params: jsonOf(z.record(z.string(), z.unknown())),
  rolling: jsonOf(rollingSchema).nullable(),
  state: z.enum(JOB_STATES),
  message: z.string().nullable(),
  requested_by: z.string().nullable(),
  requested: z.enum(['pause', 'cancel']).nullable(),
  owner: z.string().nullable(),
  created_at: z.number().int(),
  started_at: z.number().int().nullable(),
  finished_at: z.number().int().nullable(),
  updated_at: z.number().int(),
});

const stepRow = z.object({
  job_id: z.string(),
  seq: z.number().int(),
  node: z.string(),
  dc: z.string().nullable(),
  rack: z.string().nullable(),
  state: z.enum(STEP_STATES),
  started_at: z.number().int().nullable(),
  ended_at: z.number().int().nullable(),
  message: z.string().nullable(),
});

const logRow = z.object({ at: z.number().int(), line: z.string() });

function toStep(row: z.output<typeof stepRow>): JobStep {
  return {
    seq: row.seq,
    node: row.node,
    dc: row.dc,
    rack: row.rack,
    state: row.state,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    message: row.message,
    progress: null,
  };
}

function toJob(row: z.output<typeof jobRow>, steps: JobStep[]): Job {
  return {
    id: row.id,
    clusterId: row.cluster,
    kind: row.kind,
    target: row.target,
    params: row.params,
    rolling: row.rolling,
    state: row.state,
    message: row.message,
    requestedBy: row.requested_by,
    requested: row.requested,
    owner: row.owner,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    updatedAt: row.updated_at,
    steps,
  };
}

export type NewJob = Omit<Job, 'state' | 'message' | 'startedAt' | 'finishedAt' | 'updatedAt' | 'requested' | 'owner'>;

export function insertJob(db: Store, job: NewJob): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO jobs (id, cluster, kind, target, params, rolling, state, requested_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)`,
    ).run(
      job.id,
      job.clusterId,
      job.kind,
      JSON.stringify(job.target),
      JSON.stringify(job.params),
      job.rolling ? JSON.stringify(job.rolling) : null,
      job.requestedBy,
      job.createdAt,
      job.createdAt,
    );
    const step = db.prepare(
      `INSERT INTO job_steps (job_id, seq, node, dc, rack, state) VALUES (?, ?, ?, ?, ?, 'pending')`,
    );
    for (const s of job.steps) step.run(job.id, s.seq, s.node, s.dc, s.rack);
  })();
}

function stepsOf(db: Store, ids: string[]): Map<string, JobStep[]> {
  const byJob = new Map<string, JobStep[]>();
  if (ids.length === 0) return byJob;
  const rows = readRows(
    'job_steps',
    stepRow,
    db
      .prepare(`SELECT * FROM job_steps WHERE job_id IN (${ids.map(() => '?').join(',')}) ORDER BY job_id, seq`)
      .all(...ids),
  );
  for (const row of rows) byJob.set(row.job_id, [...(byJob.get(row.job_id) ?? []), toStep(row)]);
  return byJob;
}

export function getJob(db: Store, id: string): Job | undefined {
  const row = readRow('jobs', jobRow, db.prepare('SELECT * FROM jobs WHERE id = ?').get(id));
  return row && toJob(row, stepsOf(db, [id]).get(id) ?? []);
}

export function getJobWithLog(db: Store, id: string, logLimit = 2000): JobWithLog | undefined {
  const job = getJob(db, id);
  if (!job) return undefined;
  // The newest lines when there are more: a long run's end is what a reader looks for.
  const log = readRows(
    'job_log',
    logRow,
    db.prepare('SELECT at, line FROM job_log WHERE job_id = ? ORDER BY id DESC LIMIT ?').all(id, logLimit),
  ).reverse();
  return { ...job, log };
}

/** A cluster's jobs, newest first. */
export function listJobs(db: Store, clusterId: string, filter: JobFilter = {}): Job[] {
  const where = ['cluster = ?'];
  const params: unknown[] = [clusterId];
  if (filter.states?.length) {
    where.push(`state IN (${filter.states.map(() => '?').join(',')})`);
    params.push(...filter.states);
  }
  if (filter.kinds?.length) {
    where.push(`kind IN (${filter.kinds.map(() => '?').join(',')})`);
    params.push(...filter.kinds);
  }
  if (filter.node) {
    where.push('id IN (SELECT job_id FROM job_steps WHERE node = ?)');
    params.push(filter.node);
  }
  const rows = readRows(
    'jobs',
    jobRow,
    db
      .prepare(`SELECT * FROM jobs WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id LIMIT ?`)
      .all(...params, filter.limit ?? 100),
  );
  const steps = stepsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toJob(row, steps.get(row.id) ?? []));
}

/** Jobs in these states, any cluster: the runner's view at start-up and the overlap check. */
export function jobsInStates(db: Store, states: readonly JobState[]): Job[] {
  const rows = readRows(
    'jobs',
    jobRow,
    db.prepare(`SELECT * FROM jobs WHERE state IN (${states.map(() => '?').join(',')})`).all(...states),
  );
  const steps = stepsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toJob(row, steps.get(row.id) ?? []));
}

export function appendLog(db: Store, jobId: string, line: string, at = Date.now()): void {
  db.prepare('INSERT INTO job_log (job_id, at, line) VALUES (?, ?, ?)').run(jobId, at, line);
}

export interface JobChange {
  state?: JobState;
  message?: string | null;
  owner?: string | null;
  requested?: 'pause' | 'cancel' | null;
  startedAt?: number;
  finishedAt?: number | null;
}

const JOB_COLUMNS: Record<keyof JobChange, string> = {
  state: 'state',
  message: 'message',
  owner: 'owner',
  requested: 'requested',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
};

export function updateJob(db: Store, id: string, change: JobChange, at = Date.now()): void {
  const keys = (Object.keys(change) as (keyof JobChange)[]).filter((k) => change[k] !== undefined);
  const sets = [...keys.map((k) => `${JOB_COLUMNS[k]} = ?`), 'updated_at = ?'];
  db.prepare(`UPDATE jobs SET ${sets.join(', ')} WHERE id = ?`).run(...keys.map((k) => change[k]), at, id);
}

export interface StepChange {
  state: StepState;
  startedAt?: number | null;
  endedAt?: number | null;
  message?: string | null;
}

export function updateStep(db: Store, jobId: string, seq: number, change: StepChange): void {
  const sets = ['state = ?'];
  const values: unknown[] = [change.state];
  for (const [column, value] of [
    ['started_at', change.startedAt],
    ['ended_at', change.endedAt],
    ['message', change.message],
  ] as const) {
    if (value === undefined) continue;
    sets.push(`${column} = ?`);
    values.push(value);
  }
  db.prepare(`UPDATE job_steps SET ${sets.join(', ')} WHERE job_id = ? AND seq = ?`).run(...values, jobId, seq);
}

export type { JobLogLine };
