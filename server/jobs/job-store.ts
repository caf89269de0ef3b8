import 'server-only';
/**
 * The one repository of jobs: the `jobs`, `job_steps` and `job_log` tables (migration 8). Every read
 * goes through zod; every state change is one statement or one transaction, so a crash leaves a job
 * either before or after a change, never half-way.
 *
 * A job row that does not pass the check (a kind a newer console version wrote into a shared store, a
 * damaged row) is checked on its own: it never stops the reading of the others. Listings carry it as
 * an UnreadableJob; the runner's and the overlap check's reads leave it out; each such row is logged
 * once per process.
 */
import { z } from 'zod';
import { logger } from '../log/logger';
import { processSingleton } from '../process-singleton';
import type { Store } from '../store/database';
import { readRows, StoreRowError } from '../store/rows';
import {
  JOB_KINDS,
  JOB_STATES,
  STEP_STATES,
  isUnreadable,
  jobTargetSchema,
  rollingSchema,
  type Job,
  type JobFilter,
  type JobLogLine,
  type JobState,
  type JobStep,
  type JobWithLog,
  type ListedJob,
  type StepState,
  type UnreadableJob,
} from './job-types';

/** What a check found wrong, on one line (for a log line and a card): each issue with where it is. */
function problemOf(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.message}${issue.path.length ? ` (at ${issue.path.join('.')})` : ''}`)
    .join('; ');
}

const jsonOf = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text, ctx): z.output<T> => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `not JSON: ${(error as Error).message}` });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: problemOf(parsed.error) });
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

/** Each job's steps; a job with a step row that fails the check gets what is wrong instead. */
function stepsOf(db: Store, ids: string[]): Map<string, JobStep[] | { problem: string }> {
  const byJob = new Map<string, JobStep[] | { problem: string }>();
  if (ids.length === 0) return byJob;
  const rows = db
    .prepare(`SELECT * FROM job_steps WHERE job_id IN (${ids.map(() => '?').join(',')}) ORDER BY job_id, seq`)
    .all(...ids) as { job_id?: unknown }[];
  for (const row of rows) {
    const jobId = String(row.job_id);
    if (!byJob.has(jobId)) byJob.set(jobId, []);
    const steps = byJob.get(jobId);
    if (!Array.isArray(steps)) continue;
    const parsed = stepRow.safeParse(row);
    if (parsed.success) steps.push(toStep(parsed.data));
    else byJob.set(jobId, { problem: `a job_steps row: ${problemOf(parsed.error)}` });
  }
  return byJob;
}

/** Rows already logged as unreadable (id and problem), so that a listing read every second logs one line. */
const reported = processSingleton('unreadable-jobs-reported', () => new Set<string>());

/** The row as an UnreadableJob, logged the first time this process meets it. */
function unreadableJob(row: Record<string, unknown>, problem: string): UnreadableJob {
  const job: UnreadableJob = {
    id: String(row.id),
    clusterId: String(row.cluster),
    kind: String(row.kind),
    state: String(row.state),
    createdAt: typeof row.created_at === 'number' ? row.created_at : null,
    unreadable: problem,
  };
  const key = `${job.id}\n${problem}`;
  if (!reported.has(key)) {
    reported.add(key);
    logger('job-store').warn(
      { jobId: job.id, clusterId: job.clusterId, kind: job.kind, state: job.state, problem },
      `job ${job.id} (${job.kind}, ${job.state}) in the console store cannot be read by this console and is skipped: ` +
        'it is not run, recovered or counted as holding its nodes, and listings show it as unreadable. ' +
        `A newer console version may have written it, or the row is damaged: ${problem}`,
    );
  }
  return job;
}

/** The jobs of these rows (in their order) with their steps; a row that fails the check is an UnreadableJob. */
function readJobs(db: Store, rows: unknown[]): ListedJob[] {
  const checked = (rows as Record<string, unknown>[]).map((row) => ({ row, parsed: jobRow.safeParse(row) }));
  const steps = stepsOf(
    db,
    checked.flatMap(({ parsed }) => (parsed.success ? [parsed.data.id] : [])),
  );
  return checked.map(({ row, parsed }): ListedJob => {
    if (!parsed.success) return unreadableJob(row, `the jobs row: ${problemOf(parsed.error)}`);
    const jobSteps = steps.get(parsed.data.id) ?? [];
    return Array.isArray(jobSteps) ? toJob(parsed.data, jobSteps) : unreadableJob(row, jobSteps.problem);
  });
}

/** A job this console cannot read was asked for by its id. */
export class UnreadableJobError extends StoreRowError {
  constructor(readonly job: UnreadableJob) {
    super(`job ${job.id} cannot be read by this console: ${job.unreadable}`);
  }
}

/** The job, or undefined where there is none; throws UnreadableJobError for a row this console cannot read. */
export function getJob(db: Store, id: string): Job | undefined {
  const row = db.prepare('SELECT * FROM jobs WHERE id = ?').get(id);
  if (row === undefined) return undefined;
  const [job] = readJobs(db, [row]);
  if (job && isUnreadable(job)) throw new UnreadableJobError(job);
  return job;
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

/** A cluster's jobs, newest first, a row this console cannot read among them as an UnreadableJob. */
export function listJobs(db: Store, clusterId: string, filter: JobFilter = {}): ListedJob[] {
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
  return readJobs(
    db,
    db
      .prepare(`SELECT * FROM jobs WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id LIMIT ?`)
      .all(...params, filter.limit ?? 100),
  );
}

/**
 * Jobs in these states, any cluster: the runner's view at start-up and the overlap check. A row this
 * console cannot read is left out (and logged): it is not this console's to recover or to wait for.
 */
export function jobsInStates(db: Store, states: readonly JobState[]): Job[] {
  return readJobs(
    db,
    db.prepare(`SELECT * FROM jobs WHERE state IN (${states.map(() => '?').join(',')})`).all(...states),
  ).filter((job): job is Job => !isUnreadable(job));
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
