'use client';
import { useLiveCluster } from '@/components/live/live-cluster';
import { urlParams } from '@/components/url/url-params';
import { useUrlState } from '@/components/url/use-url-state';
import { MetricChart } from './metric-chart';
import { rangeOf, rangeParam, type Range } from './ranges';

const CHARTS = [
  ['write.rate', 'Writes per second (replica)', 'per_second'],
  ['read.rate', 'Reads per second (replica)', 'per_second'],
  ['write.p99', 'Local write latency, p99', 'microseconds'],
  ['sstables', 'Live SSTables', 'count'],
] as const;

const ONE_HOUR = rangeOf('1h');
const CHOICES: [Range, string][] = [
  [ONE_HOUR, '1 hour'],
  [rangeOf('24h'), '24 hours'],
  [rangeOf('7d'), '7 days'],
];

// The range is in the table page's URL (?range=24h), so a table's charts can be linked to as seen.
export const TABLE_METRICS_PARAMS = urlParams<{ range: Range }>({
  range: rangeParam(
    ONE_HOUR,
    CHOICES.map(([range]) => range),
  ),
});

/** A table's own series: the collector keeps them for the busiest tables, read once a minute. */
export function TableMetrics({ keyspace, table }: { keyspace: string; table: string }) {
  const { clusterId } = useLiveCluster();
  const [{ range }, setParams] = useUrlState(TABLE_METRICS_PARAMS);
  return (
    <div data-testid="table-metrics">
      <p className="muted">
        Per-table series are kept for the three busiest tables of each node, read once a minute.{' '}
        <select
          value={range[0]}
          onChange={(e) => setParams({ range: rangeOf(e.target.value, range) })}
          aria-label="Range"
          data-testid="table-metrics-range"
        >
          {CHOICES.map(([r, label]) => (
            <option key={r[0]} value={r[0]}>
              {label}
            </option>
          ))}
        </select>
      </p>
      <div className="charts">
        {CHARTS.map(([metric, title, unit]) => (
          <MetricChart
            key={`${metric}-${range[0]}`}
            clusterId={clusterId}
            metric={`table:${keyspace}.${table}:${metric}`}
            title={title}
            unit={unit}
            rangeMs={range[1]}
            live={[]}
          />
        ))}
      </div>
    </div>
  );
}
