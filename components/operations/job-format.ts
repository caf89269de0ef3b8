/** Words and figures of a job as the activity page shows them. Pure. */
import type { Job, ListedJob } from '@/server/jobs/job-types';
import { describeJob, isUnreadable, jobPercent, stepPercent } from '@/lib/job-words';

export { describeJob, jobPercent, stepPercent };

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

function stateMatches(state: string, filter: JobFilterState['state']): boolean {
  const active = (ACTIVE as Set<string>).has(state);
  return (
    filter === 'all' ||
    (filter === 'active' && active) ||
    (filter === 'finished' && !active) ||
    (filter === 'failed' && (state === 'failed' || state === 'interrupted'))
  );
}

/**
 * The jobs the filter lets through. A job this console cannot read is matched by its stored state, its
 * id, kind and problem: it has no known operation or nodes, so a filter by either leaves it out.
 */
export function filterJobs(jobs: ListedJob[], filter: JobFilterState): ListedJob[] {
  const text = filter.text.trim().toLowerCase();
  return jobs.filter((job) => {
    if (!stateMatches(job.state, filter.state)) return false;
    if (isUnreadable(job))
      return (
        filter.kind === 'all' &&
        !filter.node &&
        (!text || [job.id, job.kind, job.unreadable].some((t) => t.toLowerCase().includes(text)))
      );
    return (
      (filter.kind === 'all' || job.kind === filter.kind) &&
      (!filter.node || job.steps.some((s) => s.node === filter.node)) &&
      (!text ||
        describeJob(job).toLowerCase().includes(text) ||
        (job.requestedBy ?? '').toLowerCase().includes(text) ||
        (job.message ?? '').toLowerCase().includes(text))
    );
  });
}
