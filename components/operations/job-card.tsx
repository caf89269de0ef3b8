'use client';
/** One job: what, where, who, its state and bar, each node's step with its own bar, its log on demand, and the operator's buttons. */
import { useState } from 'react';
import { ErrorBox } from '@/components/ui/error-box';
import { QueryState } from '@/components/ui/query-state';
import { JobStateBadge } from '@/components/ui/status-badge';
import type { Job, UnreadableJob } from '@/server/jobs/job-types';
import { ACTIVE, describeJob, duration, jobPercent, stepPercent } from './job-format';
import { RepairRunSummary } from './repair-run-summary';
import { useJobDetail, useOperationActions } from './use-operations';
import { toast } from 'sonner';

function JobLog({ clusterId, id }: { clusterId: string; id: string }) {
  const detail = useJobDetail(clusterId, id);
  return (
    <QueryState query={detail} loading="Reading the log…" errorTitle="Cannot read the log:">
      {(job) => (
        <pre className="mono job-log" data-testid="job-log">
          {job.log.map((l) => `${new Date(l.at).toISOString()}  ${l.line}`).join('\n')}
        </pre>
      )}
    </QueryState>
  );
}

export function JobCard({ job, mayAct }: { job: Job; mayAct: boolean }) {
  const [showLog, setShowLog] = useState(false);
  const actions = useOperationActions();
  const [answer, setAnswer] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const act = (name: 'cancel' | 'pause' | 'resume') => {
    setFailure(null);
    actions[name].mutate(
      { clusterId: job.clusterId, id: job.id },
      {
        onSuccess: (r) => {
          setAnswer(r.message);
          toast(r.message);
        },
        onError: (e) => setFailure(e),
      },
    );
  };
  const percent = jobPercent(job);
  const resumable =
    job.state === 'paused' ||
    job.state === 'interrupted' ||
    (job.state === 'failed' && (job.rolling !== null || job.kind === 'repair'));
  return (
    <article className="job" data-testid={`job-${job.id}`} data-state={job.state} data-kind={job.kind}>
      <header>
        <strong data-testid="job-title">{describeJob(job)}</strong>{' '}
        <JobStateBadge value={job.state} testId="job-state" className={`job-state job-${job.state}`} />
        <span className="muted">
          {' '}
          · {job.requestedBy ?? 'the console'} · {new Date(job.createdAt).toLocaleString()} ·{' '}
          {duration(job.startedAt, job.finishedAt)}
          {job.rolling
            ? ` · ${job.rolling.byRack ? 'a rack' : 'a node'} at a time, ${Math.round(job.rolling.settleMs / 1000)} s settle`
            : ''}
        </span>
      </header>
      <progress max={100} value={percent} data-testid="job-progress" aria-valuenow={Math.round(percent)} />
      {job.message ? (
        <p
          className={job.state === 'failed' || job.state === 'interrupted' ? 'problem' : 'muted'}
          data-testid="job-message"
        >
          {job.message}
        </p>
      ) : null}
      {job.kind === 'repair' ? <RepairRunSummary job={job} /> : null}
      {Object.keys(job.params).length ? (
        <p className="muted mono" data-testid="job-params">
          {/* A repair's segments are its steps below: the parameters line keeps to its settings. */}
          {JSON.stringify(job.kind === 'repair' ? { settings: job.params.settings } : job.params)}
        </p>
      ) : null}
      <ol className="job-steps">
        {job.steps.map((step) => {
          const p = stepPercent(step);
          return (
            <li key={step.seq} data-testid={`step-${step.node}`} data-state={step.state}>
              <span>
                {step.node}{' '}
                <span className="muted">
                  ({step.dc ?? '?'}/{step.rack ?? '?'})
                </span>{' '}
                · {step.state}
                {step.startedAt ? ` · ${duration(step.startedAt, step.endedAt)}` : ''}
              </span>
              {p !== null ? (
                <progress max={100} value={p} data-testid="step-progress" aria-valuenow={Math.round(p)} />
              ) : null}
              {step.message ? <span className="muted"> — {step.message}</span> : null}
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => setShowLog(!showLog)} data-testid="job-show-log">
        {showLog ? 'Hide log' : 'Log'}
      </button>{' '}
      {mayAct && ACTIVE.has(job.state) ? (
        <button type="button" onClick={() => act('cancel')} data-testid="job-cancel">
          Cancel
        </button>
      ) : null}{' '}
      {mayAct && (job.rolling || job.kind === 'repair') && job.state === 'running' ? (
        <button type="button" onClick={() => act('pause')} data-testid="job-pause">
          {job.kind === 'repair' ? 'Pause (no new segment)' : 'Pause before the next node'}
        </button>
      ) : null}{' '}
      {mayAct && resumable ? (
        <button type="button" onClick={() => act('resume')} data-testid="job-resume">
          Resume from the node it stopped at
        </button>
      ) : null}
      {answer ? (
        <p className="muted" data-testid="job-answer">
          {answer}
        </p>
      ) : null}
      {failure ? <ErrorBox error={failure} title="Refused:" testId="job-action-error" /> : null}
      {showLog ? <JobLog clusterId={job.clusterId} id={job.id} /> : null}
    </article>
  );
}

/** A stored job this console cannot read (a newer console's kind, a damaged row): what it is, what is wrong, no buttons. */
export function UnreadableJobCard({ job }: { job: UnreadableJob }) {
  return (
    <article className="job" data-testid={`job-${job.id}`} data-state="unreadable" data-kind={job.kind}>
      <header>
        <strong data-testid="job-title">
          {job.kind} job {job.id}
        </strong>{' '}
        <span className="job-state job-unreadable" data-testid="job-state">
          unreadable
        </span>
        <span className="muted">
          {' '}
          · stored as {job.state}
          {job.createdAt !== null ? ` · ${new Date(job.createdAt).toLocaleString()}` : ''}
        </span>
      </header>
      <p className="problem" data-testid="job-message">
        This console cannot read this job, so it neither runs, resumes nor cancels it. A newer console version may have
        written it into a shared store, or the row is damaged: {job.unreadable}
      </p>
    </article>
  );
}
