/**
 * How a job is named in logs, notifications and the activity page. Pure, shared by the server and
 * the browser; the shapes are spelled out here (lib/ imports nothing of ours) and match server/jobs/job-types.ts.
 */
export const JOB_KINDS = [
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
  'repair',
] as const;

export type JobKindName =
  | 'flush'
  | 'compact'
  | 'cleanup'
  | 'upgradesstables'
  | 'scrub'
  | 'garbagecollect'
  | 'snapshot'
  | 'clearsnapshot'
  | 'drain'
  | 'compactionthroughput'
  | 'streamthroughput'
  | 'repair';

interface Job {
  kind: JobKindName;
  clusterId: string;
  target: { scope: 'node' | 'dc' | 'cluster'; node?: string; dc?: string; keyspace: string | null; tables: string[] };
  rolling: unknown;
}

const LABELS: Record<Job['kind'], string> = {
  flush: 'flush',
  compact: 'major compaction',
  cleanup: 'cleanup',
  upgradesstables: 'upgradesstables',
  scrub: 'scrub',
  garbagecollect: 'garbage collect',
  snapshot: 'snapshot',
  clearsnapshot: 'clear snapshot',
  drain: 'drain',
  compactionthroughput: 'set compaction throughput',
  streamthroughput: 'set stream throughput',
  repair: 'repair',
};

export function kindLabel(kind: Job['kind']): string {
  return LABELS[kind];
}

export function targetLabel(job: Pick<Job, 'target' | 'clusterId'>): string {
  const { target } = job;
  const where =
    target.scope === 'node'
      ? `node ${target.node}`
      : target.scope === 'dc'
        ? `data centre ${target.dc}`
        : `cluster ${job.clusterId}`;
  const what = target.keyspace
    ? `${target.keyspace}${target.tables.length ? `.{${target.tables.join(',')}}` : ''}`
    : null;
  return what ? `${what} on ${where}` : where;
}

export function describeJob(job: Pick<Job, 'kind' | 'target' | 'clusterId' | 'rolling'>): string {
  return `${job.rolling ? 'rolling ' : ''}${kindLabel(job.kind)} of ${targetLabel(job)}`;
}

/** Whether a listed job is one the console could not read (server/jobs/job-types.ts UnreadableJob). */
export function isUnreadable<T extends object>(job: T): job is Extract<T, { unreadable: string }> {
  return 'unreadable' in job;
}

/** What the progress figures need of a step: its state and, while it runs, Cassandra's own counts. */
interface StepFigures {
  state: string;
  progress: { completed: number; total: number } | null;
}

export function stepPercent(step: StepFigures): number | null {
  if (!step.progress || step.progress.total <= 0) return null;
  return Math.min(100, (100 * step.progress.completed) / step.progress.total);
}

/** Nodes done out of all, a running node counting for its own progress, for the job's bar. */
export function jobPercent(job: { steps: readonly StepFigures[] }): number {
  if (job.steps.length === 0) return 0;
  const done = job.steps.filter((s) => s.state === 'succeeded').length;
  const running = job.steps
    .filter((s) => s.state === 'running')
    .reduce((sum, s) => sum + (stepPercent(s) ?? 0) / 100, 0);
  return (100 * (done + running)) / job.steps.length;
}
