'use client';
import { useLiveCluster } from '@/components/live/live-cluster';
import { ErrorBox } from '@/components/ui/error-box';
import { urlParams } from '@/components/url/url-params';
import { useUrlState } from '@/components/url/use-url-state';
import { MetricChart } from './metric-chart';
import { RangePicker } from './range-picker';
import { RANGES, rangeParam, type Range } from './ranges';
import { useLiveMetrics } from './metrics-live';
import { useCollectorStatus, useMetricCatalogue } from './use-metrics';

const CHARTS: [string, string][] = [
  ['client.write.rate', 'Writes per second (coordinator)'],
  ['client.read.rate', 'Reads per second (coordinator)'],
  ['client.write.p99', 'Write latency, p99'],
  ['client.read.p99', 'Read latency, p99'],
  ['client.read.p50', 'Read latency, p50'],
  ['compaction.pending', 'Pending compactions'],
  ['storage.load', 'Load (live data)'],
  ['heap.used', 'Heap used'],
  ['gc.time.rate', 'GC time'],
  ['threadpool.pending', 'Thread pools: pending tasks'],
];

// The range is in the URL (?range=1h), so the overview's charts can link here with theirs.
const DASHBOARD_PARAMS = urlParams<{ range: Range }>({ range: rangeParam(RANGES[0]) });

/** The cluster dashboard (every node) or a node's (`nodes`): throughput, latency, compactions, load, heap, over a chosen range. */
export function MetricsDashboard({ nodes }: { nodes?: string[] }) {
  const { clusterId } = useLiveCluster();
  const [{ range }, setParams] = useUrlState(DASHBOARD_PARAMS);
  const choose = (next: Range) => setParams({ range: next });
  const catalogue = useMetricCatalogue();
  const status = useCollectorStatus(clusterId);
  const live = useLiveMetrics(clusterId);
  return (
    <div data-testid="metrics-dashboard">
      <p className="ranges">
        <RangePicker ranges={RANGES} value={range} onChange={choose} />{' '}
        <span className="muted" data-testid="collector-status">
          collector:{' '}
          {status.data
            ? `${status.data.state}, every ${status.data.intervalMs / 1000} s, ${status.data.polls} polls, ${status.data.writes.rows} rows stored`
            : status.isError
              ? null
              : '…'}
          {status.data?.lastError ? ` — ${status.data.lastError}` : ''}
        </span>
        {status.isError ? (
          <ErrorBox
            inline
            title="collector state unknown:"
            error={status.error}
            testId="collector-error"
            onRetry={() => status.refetch()}
          />
        ) : null}
      </p>
      <div className="charts">
        {CHARTS.map(([metric, title]) => (
          <MetricChart
            key={`${metric}-${range[0]}`}
            clusterId={clusterId}
            metric={metric}
            title={title}
            unit={catalogue.data?.[metric]?.unit ?? 'count'}
            rangeMs={range[1]}
            live={live}
            nodes={nodes}
          />
        ))}
      </div>
    </div>
  );
}
