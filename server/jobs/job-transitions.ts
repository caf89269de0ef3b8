import 'server-only';
/**
 * A job's state changes, each one transaction with its log line and, for start, failure and success,
 * the `operation.*` notification (server/notify): the change and the promise to tell someone commit
 * together or not at all.
 */
import { randomUUID } from 'node:crypto';
import { enqueueNotification } from '../notify/notification';
import type { Store } from '../store/database';
import { appendLog, getJob, updateJob, updateStep, type JobChange, type StepChange } from './job-store';
import type { Job, JobState } from './job-types';
import { describeJob } from '@/lib/job-words';

type OperationEvent = 'started' | 'failed' | 'succeeded';

function notify(db: Store, job: Job, event: OperationEvent, at: number, message: string | null): void {
  enqueueNotification(db, {
    id: randomUUID(),
    type: `operation.${event}`,
    clusterId: job.clusterId,
    occurredAt: at,
    severity: event === 'failed' ? 'error' : 'info',
    summary: `${describeJob(job)} ${event}${message ? `: ${message}` : ''}`.slice(0, 1024),
    dedupKey: job.id,
    data: {
      job: {
        id: job.id,
        kind: job.kind,
        target: job.target,
        params: job.params,
        rolling: job.rolling,
        requestedBy: job.requestedBy,
        message,
        steps: job.steps.map((s) => ({ node: s.node, state: s.state, message: s.message })),
      },
    },
  });
}

const EVENT_OF: Partial<Record<JobState, OperationEvent>> = {
  failed: 'failed',
  succeeded: 'succeeded',
};

/** Moves the job to `state` with a log line; notifies on running (first start), failed and succeeded. */
export function transition(
  db: Store,
  jobId: string,
  state: JobState,
  line: string,
  extra: Omit<JobChange, 'state'> = {},
  at = Date.now(),
): void {
  db.transaction(() => {
    const before = getJob(db, jobId);
    if (!before) throw new Error(`no job ${jobId}`);
    updateJob(db, jobId, { ...extra, state }, at);
    appendLog(db, jobId, line, at);
    const after = getJob(db, jobId)!;
    if (state === 'running' && before.startedAt === null) notify(db, after, 'started', at, null);
    const event = EVENT_OF[state];
    if (event) notify(db, after, event, at, after.message);
  })();
}

/** A step's change and its log line, together. */
export function stepChange(db: Store, jobId: string, seq: number, change: StepChange, line: string): void {
  db.transaction(() => {
    updateStep(db, jobId, seq, change);
    appendLog(db, jobId, line);
  })();
}

export function log(db: Store, jobId: string, line: string): void {
  appendLog(db, jobId, line);
}
