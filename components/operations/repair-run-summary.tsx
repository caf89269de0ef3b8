'use client';
/** The top of a repair run's card: failures first, then pace and time left, then what holds segments back. */
import type { Job } from '@/server/jobs/job-types';
import { duration } from './job-format';
import { repairFigures } from './repair-figures';

export function RepairRunSummary({ job }: { job: Job }) {
  const f = repairFigures(job);
  return (
    <div className="repair-summary" data-testid="repair-summary">
      {f.failures.length ? (
        <ul className="problem" data-testid="repair-failures" aria-label="Failed segments">
          {f.failures.slice(0, 10).map((x) => (
            <li key={x.seq}>
              segment {x.seq} {x.final ? 'failed' : 'will retry'}: {x.message}
            </li>
          ))}
          {f.failures.length > 10 ? <li>and {f.failures.length - 10} more (see the segments below)</li> : null}
        </ul>
      ) : null}
      <p className="muted" data-testid="repair-figures">
        {f.done} of {f.total} segments repaired
        {f.failed ? ` · ${f.failed} failed` : ''}
        {f.running ? ` · ${f.running} running` : ''}
        {f.perMinute !== null ? ` · ${f.perMinute.toFixed(f.perMinute < 10 ? 1 : 0)} segments/min` : ''}
        {f.etaMs !== null ? ` · about ${duration(0, f.etaMs)} left` : ''}
      </p>
      {f.held.length ? (
        <ul className="muted" data-testid="repair-held" aria-label="What holds segments back">
          {f.held.map((h) => (
            <li key={h.reason}>
              {h.segments} segment{h.segments === 1 ? '' : 's'} waiting: {h.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
