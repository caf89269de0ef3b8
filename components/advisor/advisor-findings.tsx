'use client';
import Link from 'next/link';
import { useLiveCluster } from '@/components/live/live-cluster';
import { useAdvice } from '@/components/schema/use-schema';
import { ErrorBox } from '@/components/ui/error-box';
import { int, urlParams } from '@/components/url/url-params';
import { useUrlState } from '@/components/url/use-url-state';

// The thresholds are in the URL (?partition=50&tombstones=500), so findings can be linked to as seen;
// the bounds are those schema.advise accepts, so a hand-edited URL never asks what the server refuses.
const PARTITION_MIB = { fallback: 100, min: 1, max: 100_000 };
const TOMBSTONES = { fallback: 1000, min: 1, max: 1_000_000 };
const ADVISOR_PARAMS = urlParams({
  partition: int(PARTITION_MIB.fallback, PARTITION_MIB.min, PARTITION_MIB.max),
  tombstones: int(TOMBSTONES.fallback, TOMBSTONES.min, TOMBSTONES.max),
});

/** What is typed, as a whole number within bounds (an empty field is the least). */
const bounded = (typed: string, { min, max }: { min: number; max: number }) =>
  Math.min(max, Math.max(min, Math.floor(Number(typed)) || min));

/** The data-model advisor's findings: what is wrong, the evidence from the cluster, and the fix. */
export function AdvisorFindings() {
  const { clusterId } = useLiveCluster();
  const [params, setParams] = useUrlState(ADVISOR_PARAMS);
  const { partition: largePartitionMiB, tombstones: tombstonesPerRead } = params;
  const advice = useAdvice(clusterId, { largePartitionMiB, tombstonesPerRead });
  const thresholds = (
    <p>
      <label className="factor">
        large partition from{' '}
        <input
          type="number"
          min={PARTITION_MIB.min}
          max={PARTITION_MIB.max}
          value={largePartitionMiB}
          data-testid="threshold-partition"
          onChange={(e) => setParams({ ...params, partition: bounded(e.target.value, PARTITION_MIB) })}
        />{' '}
        MiB
      </label>
      <label className="factor">
        tombstones per read from{' '}
        <input
          type="number"
          min={TOMBSTONES.min}
          max={TOMBSTONES.max}
          value={tombstonesPerRead}
          data-testid="threshold-tombstones"
          onChange={(e) => setParams({ ...params, tombstones: bounded(e.target.value, TOMBSTONES) })}
        />
      </label>
    </p>
  );
  if (advice.isPending) return <p className="muted">Reading every node&apos;s partition sizes and tombstone counts…</p>;
  if (advice.isError) return <ErrorBox title="Cannot advise:" error={advice.error} testId="advisor-error" />;
  const { findings, tablesChecked, unreadNodes } = advice.data;
  return (
    <div data-testid="advisor">
      {thresholds}
      <p className="muted">
        {tablesChecked} user tables checked; {findings.length} finding(s).{' '}
        <button type="button" onClick={() => void advice.refetch()} disabled={advice.isFetching}>
          {advice.isFetching ? 'Checking…' : 'Check again'}
        </button>
      </p>
      {unreadNodes.map((n) => (
        <p key={n.address} className="warning">
          No evidence from {n.address}: {n.error}
        </p>
      ))}
      {findings.map((f, i) => (
        <article key={i} className={`finding w-${f.severity}`} data-testid={`finding-${f.rule}`}>
          <h4>
            {f.table ? (
              <Link href={`/clusters/${clusterId}/keyspaces/${f.keyspace}/${f.table}`}>
                {f.keyspace}.{f.table}
              </Link>
            ) : (
              f.keyspace
            )}
            : {f.title}{' '}
            <span className="muted">
              ({f.rule}, {f.severity})
            </span>
          </h4>
          <p>
            <strong>Evidence.</strong> {f.evidence}
          </p>
          <p>
            <strong>Fix.</strong> {f.fix}
          </p>
        </article>
      ))}
    </div>
  );
}
