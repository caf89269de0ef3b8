'use client';
import { useState } from 'react';
import { useLiveCluster } from '@/components/live/live-cluster';
import { MetricChart } from './metric-chart';

const CHARTS = [
  ['write.rate', 'Writes per second (replica)', 'per_second'],
  ['read.rate', 'Reads per second (replica)', 'per_second'],
  ['write.p99', 'Local write latency, p99', 'microseconds'],
  ['sstables', 'Live SSTables', 'count'],
] as const;

/** A table's own series: the collector keeps them for the busiest tables, read once a minute. */
export function TableMetrics({ keyspace, table }: { keyspace: string; table: string }) {
  const { clusterId } = useLiveCluster();
  const [rangeMs, setRangeMs] = useState(3_600_000);
  return (
    <div data-testid="table-metrics">
      <p className="muted">
        Per-table series are kept for the three busiest tables of each node, read once a minute.{' '}
        <select value={rangeMs} onChange={(e) => setRangeMs(Number(e.target.value))} aria-label="Range">
          <option value={3_600_000}>1 hour</option>
          <option value={86_400_000}>24 hours</option>
          <option value={7 * 86_400_000}>7 days</option>
        </select>
      </p>
      <div className="charts">
        {CHARTS.map(([metric, title, unit]) => (
          <MetricChart
            key={`${metric}-${rangeMs}`}
            clusterId={clusterId}
            metric={`table:${keyspace}.${table}:${metric}`}
            title={title}
            unit={unit}
            rangeMs={rangeMs}
            live={[]}
          />
        ))}
      </div>
    </div>
  );
}
