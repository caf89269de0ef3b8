'use client';
/**
 * The activity page: start an operation (operators), the repair schedules and the gc_grace_seconds
 * warning, then every job of the cluster, running and past, filterable, live.
 */
import { useMayAct } from '@/components/auth/use-cluster-role';
import { useLiveCluster } from '@/components/live/live-cluster';
import { QueryState } from '@/components/ui/query-state';
import { oneOf, text, urlParams } from '@/components/url/url-params';
import { useUrlState } from '@/components/url/use-url-state';
import { isUnreadable, JOB_KINDS } from '@/lib/job-words';
import { filterJobs, type JobFilterState } from './job-format';
import { JobCard, UnreadableJobCard } from './job-card';
import { RepairSection } from './repair-section';
import { StartOperation } from './start-operation';
import { StartRepair } from './start-repair';
import { useJobsLive } from './use-operations';

/** The job filter in the URL (`?state=failed&kind=repair&node=127.0.0.2&text=shop`), so a listing can be linked to. */
export const JOB_FILTER_PARAMS = urlParams<JobFilterState>({
  state: oneOf(['all', 'active', 'finished', 'failed'], 'all'),
  kind: oneOf(['all', ...JOB_KINDS], 'all'),
  node: text(100),
  text: text(200),
});

export function ActivityView() {
  const { clusterId, snapshot } = useLiveCluster();
  const mayAct = useMayAct(clusterId, 'operator');
  const jobs = useJobsLive(clusterId);
  const [filter, setFilter] = useUrlState(JOB_FILTER_PARAMS);
  const nodes = (snapshot?.nodes ?? []).map((n) => n.address);
  // A linked node no longer in the cluster (its past jobs remain) is still offered, so the select says what filters.
  if (filter.node && !nodes.includes(filter.node)) nodes.push(filter.node);
  return (
    <div data-testid="activity-view">
      {mayAct ? (
        <>
          <h3>Start an operation</h3>
          <StartOperation clusterId={clusterId} />
          <h3>Repair a keyspace</h3>
          <StartRepair clusterId={clusterId} />
        </>
      ) : null}
      <RepairSection clusterId={clusterId} mayAct={mayAct} />
      <h3>Jobs</h3>
      <div className="filters" data-testid="job-filters">
        <select
          value={filter.state}
          onChange={(e) => setFilter({ ...filter, state: e.target.value as JobFilterState['state'] })}
          data-testid="filter-state"
          aria-label="Job state"
        >
          <option value="all">all</option>
          <option value="active">running, queued or paused</option>
          <option value="finished">finished</option>
          <option value="failed">failed or interrupted</option>
        </select>{' '}
        <select
          value={filter.kind}
          onChange={(e) => setFilter({ ...filter, kind: e.target.value as JobFilterState['kind'] })}
          data-testid="filter-kind"
          aria-label="Operation"
        >
          <option value="all">every operation</option>
          {JOB_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>{' '}
        <select
          value={filter.node}
          onChange={(e) => setFilter({ ...filter, node: e.target.value })}
          data-testid="filter-node"
          aria-label="Node"
        >
          <option value="">every node</option>
          {nodes.map((address) => (
            <option key={address}>{address}</option>
          ))}
        </select>{' '}
        <input
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          placeholder="keyspace, who, message…"
          data-testid="filter-text"
        />
      </div>
      <QueryState
        query={jobs}
        loading="Reading the jobs…"
        errorTitle="Cannot follow the jobs:"
        errorTestId="jobs-error"
        isEmpty={(list) => list.length === 0}
        empty="No operation has run on this cluster from the console yet."
      >
        {(list) => {
          const shown = filterJobs(list, filter);
          return shown.length === 0 ? (
            <p className="muted" data-testid="no-matching-jobs">
              No job matches the filter ({list.length} in all).
            </p>
          ) : (
            <div data-testid="job-list">
              {shown.map((job) =>
                isUnreadable(job) ? (
                  <UnreadableJobCard key={job.id} job={job} />
                ) : (
                  <JobCard key={job.id} job={job} mayAct={mayAct} />
                ),
              )}
            </div>
          );
        }}
      </QueryState>
    </div>
  );
}
