'use client';
/**
 * Throughput and latency over a short range: the metrics page's own charts (coordinator read/write
 * rate and p99, a line per node), composed here. The range is in the URL (?range=) and the link
 * opens the metrics page on the same range.
 */
import { usePathname, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { MetricChart } from '@/components/metrics/metric-chart';
import type { LiveMetrics } from '@/components/metrics/metrics-live';
import { RANGES, rangeOf, writeRangeToUrl, type Range } from '@/components/metrics/ranges';
import { useMetricCatalogue } from '@/components/metrics/use-metrics';
import { Button } from '@/components/ui/button';
import { OverviewSection } from './overview-section';

/** A short glance: the metrics page has the long ranges. */
const CHOICES: readonly Range[] = RANGES.filter((r) => ['1h', '6h', '24h'].includes(r[0]));
const DEFAULT = rangeOf('1h');

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
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const [range, setRange] = useState<Range>(() => rangeOf(searchParams.get('range'), DEFAULT));
  const catalogue = useMetricCatalogue();
  const choose = (next: Range) => {
    setRange(next);
    writeRangeToUrl(pathname, next, DEFAULT);
  };
  return (
    <OverviewSection
      id="overview-charts"
      title="Throughput and latency"
      href={`/clusters/${encodeURIComponent(clusterId)}/metrics?range=${range[0]}`}
      linkText={`Metrics, last ${range[0]}`}
      testId="overview-charts"
      aside={
        <div role="group" aria-label="Chart range" className="flex gap-1">
          {CHOICES.map((r) => (
            <Button
              key={r[0]}
              type="button"
              size="xs"
              variant={r === range ? 'default' : 'outline'}
              aria-pressed={r === range}
              onClick={() => choose(r)}
              data-testid={`overview-range-${r[0]}`}
            >
              {r[0]}
            </Button>
          ))}
        </div>
      }
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
