'use client';
/** On a node's page: the operations running on it now (and any paused or queued that will), from the activity page's live list. */
import Link from 'next/link';
import { useLiveCluster } from '@/components/live/live-cluster';
import { QueryState } from '@/components/ui/query-state';
import { ACTIVE, describeJob, stepPercent } from './job-format';
import { isUnreadable } from '@/lib/job-words';
import type { Job } from '@/server/jobs/job-types';
import { useJobsLive } from './use-operations';

export function NodeActivity({ address }: { address: string }) {
  const { clusterId } = useLiveCluster();
  const jobs = useJobsLive(clusterId);
  return (
    <div data-testid="node-activity">
      <QueryState query={jobs} loading="Reading the jobs…" errorTitle="Cannot follow the jobs:">
        {(list) => {
          // A job this console cannot read has no nodes it knows of: the activity page lists it.
          const here = list.filter(
            (j): j is Job => !isUnreadable(j) && ACTIVE.has(j.state) && j.steps.some((s) => s.node === address),
          );
          if (here.length === 0)
            return (
              <p className="muted" data-testid="node-activity-none">
                No operation is running on this node. <Link href={`/clusters/${clusterId}/activity`}>Activity</Link>
              </p>
            );
          return (
            <ul>
              {here.map((job) => {
                const step = job.steps.find((s) => s.node === address)!;
                const p = stepPercent(step);
                return (
                  <li key={job.id} data-testid={`node-job-${job.id}`}>
                    {describeJob(job)} · job {job.state}, this node {step.state}
                    {p !== null ? <progress max={100} value={p} aria-valuenow={Math.round(p)} /> : null}
                    {step.message ? <span className="muted"> — {step.message}</span> : null}
                  </li>
                );
              })}
            </ul>
          );
        }}
      </QueryState>
    </div>
  );
}
