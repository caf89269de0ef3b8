'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useLiveCluster } from '@/components/live/live-cluster';
import { useAdvice } from '@/components/schema/use-schema';
import { ErrorBox } from '@/components/ui/error-box';

/** The data-model advisor's findings: what is wrong, the evidence from the cluster, and the fix. */
export function AdvisorFindings() {
  const { clusterId } = useLiveCluster();
  const [largePartitionMiB, setLargePartitionMiB] = useState(100);
  const [tombstonesPerRead, setTombstonesPerRead] = useState(1000);
  const advice = useAdvice(clusterId, { largePartitionMiB, tombstonesPerRead });
  const thresholds = (
    <p>
      <label className="factor">
        large partition from{' '}
        <input
          type="number"
          min={1}
          value={largePartitionMiB}
          data-testid="threshold-partition"
          onChange={(e) => setLargePartitionMiB(Math.max(1, Number(e.target.value) || 1))}
        />{' '}
        MiB
      </label>
      <label className="factor">
        tombstones per read from{' '}
        <input
          type="number"
          min={1}
          value={tombstonesPerRead}
          data-testid="threshold-tombstones"
          onChange={(e) => setTombstonesPerRead(Math.max(1, Number(e.target.value) || 1))}
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
