'use client';
/**
 * Throughput and latency over a short range: the metrics page's own chart, composed here with one
 * line for the cluster (OVERVIEW_CHARTS). The range is in the URL (?range=) and the link opens the
 * metrics page, a line per node, on the same range.
 */
import { MetricChart } from '@/components/metrics/metric-chart';
import type { LiveMetrics } from '@/components/metrics/metrics-live';
import { RangePicker } from '@/components/metrics/range-picker';
import { RANGES, rangeOf, rangeParam, type Range } from '@/components/metrics/ranges';
import { useMetricCatalogue } from '@/components/metrics/use-metrics';
import { urlParams } from '@/components/url/url-params';
import { useUrlState } from '@/components/url/use-url-state';
import { OverviewSection } from './overview-section';

/** A short glance: the metrics page has the long ranges. */
const CHOICES: readonly Range[] = RANGES.filter((r) => ['1h', '6h', '24h'].includes(r[0]));
const DEFAULT = rangeOf('1h');
const OVERVIEW_PARAMS = urlParams<{ range: Range }>({ range: rangeParam(DEFAULT, CHOICES) });

/**
 * The cluster as one line a chart: throughput summed over the nodes, latency the worst node's — what
 * reads at a glance on 3 nodes or 1,000 (a line per node is the metrics page's).
 */
export const OVERVIEW_CHARTS = [
  ['client.read.rate', 'Reads per second, cluster', 'sum'],
  ['client.write.rate', 'Writes per second, cluster', 'sum'],
  ['client.read.p99', 'Read latency p99, worst node', 'max'],
  ['client.write.p99', 'Write latency p99, worst node', 'max'],
] as const;

/**
 * No live tail: the tiles above carry the latest figures on the page's one live push, and a metrics.live
 * stream here would be the page's third connection of the six a browser allows a host. The charts
 * re-read their series every minute.
 */
const NO_LIVE_TAIL: LiveMetrics[] = [];

export function OverviewCharts({ clusterId }: { clusterId: string }) {
  const [{ range }, setParams] = useUrlState(OVERVIEW_PARAMS);
  const setRange = (next: Range) => setParams({ range: next });
  const catalogue = useMetricCatalogue();
  return (
    <OverviewSection
      id="overview-charts"
      title="Throughput and latency"
      href={`/clusters/${encodeURIComponent(clusterId)}/metrics?range=${range[0]}`}
      linkText={`Metrics, last ${range[0]}`}
      testId="overview-charts"
      aside={<RangePicker ranges={CHOICES} value={range} onChange={setRange} testIdPrefix="overview-range-" />}
    >
      {/* Two charts a row once the section itself is wide enough, whatever the sidebar and the split take. */}
      <div className="grid grid-cols-1 gap-2 @xl:grid-cols-2">
        {OVERVIEW_CHARTS.map(([metric, title, aggregate]) => (
          <MetricChart
            key={`${metric}-${range[0]}`}
            clusterId={clusterId}
            metric={metric}
            title={title}
            unit={catalogue.data?.[metric]?.unit ?? 'count'}
            rangeMs={range[1]}
            live={NO_LIVE_TAIL}
            aggregate={aggregate}
          />
        ))}
      </div>
    </OverviewSection>
  );
}
