/** Words and figures of a job as the activity page shows them. Pure. */
import type { Job, JobStep } from '@/server/jobs/job-types';
import { describeJob } from '@/lib/job-words';

export { describeJob };

export function stepPercent(step: JobStep): number | null {
  if (!step.progress || step.progress.total <= 0) return null;
  return Math.min(100, (100 * step.progress.completed) / step.progress.total);
}

/** Nodes done out of all, for the job's own bar. */
export function jobPercent(job: Job): number {
  if (job.steps.length === 0) return 0;
  const done = job.steps.filter((s) => s.state === 'succeeded').length;
  const running = job.steps
    .filter((s) => s.state === 'running')
    .reduce((sum, s) => sum + (stepPercent(s) ?? 0) / 100, 0);
  return (100 * (done + running)) / job.steps.length;
}

export function duration(from: number | null, to: number | null, now = Date.now()): string {
  if (from === null) return '—';
  const seconds = Math.max(0, Math.round(((to ?? now) - from) / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

export const ACTIVE = new Set<Job['state']>(['queued', 'running', 'paused']);

export interface JobFilterState {
  state: 'all' | 'active' | 'finished' | 'failed';
  kind: Job['kind'] | 'all';
  node: string;
  text: string;
}

export function filterJobs(jobs: Job[], filter: JobFilterState): Job[] {
  const text = filter.text.trim().toLowerCase();
  return jobs.filter(
    (job) =>
      (filter.state === 'all' ||
        (filter.state === 'active' && ACTIVE.has(job.state)) ||
        (filter.state === 'finished' && !ACTIVE.has(job.state)) ||
        (filter.state === 'failed' && (job.state === 'failed' || job.state === 'interrupted'))) &&
      (filter.kind === 'all' || job.kind === filter.kind) &&
      (!filter.node || job.steps.some((s) => s.node === filter.node)) &&
      (!text ||
        describeJob(job).toLowerCase().includes(text) ||
        (job.requestedBy ?? '').toLowerCase().includes(text) ||
        (job.message ?? '').toLowerCase().includes(text)),
  );
}
