import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { OverviewCharts } from './overview-charts';

let search = new URLSearchParams();
vi.mock('next/navigation', () => ({ useSearchParams: () => search, usePathname: () => '/clusters/demo' }));
vi.mock('@/components/metrics/use-metrics', () => ({
  useMetricCatalogue: () => ({ data: { 'client.read.p99': { unit: 'microseconds' } } }),
}));
// The metrics page's own chart is composed, not re-tested: a stand-in shows what it was asked for.
vi.mock('@/components/metrics/metric-chart', () => ({
  MetricChart: (props: { metric: string; rangeMs: number; unit: string; live: unknown[] }) => (
    <figure
      data-testid={`chart-${props.metric}`}
      data-range={props.rangeMs}
      data-unit={props.unit}
      data-live={props.live.length}
    />
  ),
}));

describe('OverviewCharts', () => {
  it('draws read/write rate and p99 over the last hour and links to the metrics page on that range', () => {
    search = new URLSearchParams();
    render(<OverviewCharts clusterId="demo" />);
    for (const metric of ['client.read.rate', 'client.write.rate', 'client.read.p99', 'client.write.p99'])
      expect(screen.getByTestId(`chart-${metric}`).dataset.range).toBe('3600000');
    expect(screen.getByTestId('chart-client.read.p99').dataset.unit).toBe('microseconds');
    expect(screen.getByTestId('overview-charts-link').getAttribute('href')).toBe('/clusters/demo/metrics?range=1h');
    expect(screen.getByTestId('overview-range-1h').getAttribute('aria-pressed')).toBe('true');
  });

  it('takes its range from the URL and writes a new one back, the link following', () => {
    search = new URLSearchParams('range=6h&q=dc2');
    window.history.replaceState(null, '', '/clusters/demo?range=6h&q=dc2');
    render(<OverviewCharts clusterId="demo" />);
    expect(screen.getByTestId('chart-client.write.rate').dataset.range).toBe(String(6 * 3_600_000));
    fireEvent.click(screen.getByTestId('overview-range-24h'));
    expect(screen.getByTestId('chart-client.write.rate').dataset.range).toBe(String(24 * 3_600_000));
    expect(window.location.search).toBe('?range=24h&q=dc2');
    expect(screen.getByTestId('overview-charts-link').getAttribute('href')).toBe('/clusters/demo/metrics?range=24h');
    // Back to the default: the URL loses the parameter rather than spelling the default out.
    fireEvent.click(screen.getByTestId('overview-range-1h'));
    expect(window.location.search).toBe('?q=dc2');
  });
});
