import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MetricsDashboard } from './metrics-dashboard';
import { RANGES, rangeOf, rangeParam } from './ranges';
import { TableMetrics } from './table-metrics';

// The charts are not under test here, only which range they are given; they show it as text.
vi.mock('./metric-chart', () => ({
  MetricChart: ({ metric, rangeMs }: { metric: string; rangeMs: number }) => (
    <p data-testid={`chart-${metric}`}>{rangeMs}</p>
  ),
}));
vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams(window.location.search) }));
vi.mock('@/components/live/live-cluster', () => ({ useLiveCluster: () => ({ clusterId: 'demo' }) }));
vi.mock('./metrics-live', () => ({ useLiveMetrics: () => [] }));
vi.mock('./use-metrics', () => ({
  useMetricCatalogue: () => ({ data: undefined }),
  useCollectorStatus: () => ({ data: undefined, isError: false }),
}));

const HOUR = 3_600_000;
const shownRange = (metric: string) => Number(screen.getByTestId(`chart-${metric}`).textContent);

beforeEach(() => window.history.replaceState(null, '', '/clusters/demo/metrics'));

describe('rangeParam', () => {
  it('reads the ranges offered and falls back for any other', () => {
    const param = rangeParam(rangeOf('1h'), [rangeOf('1h'), rangeOf('24h')]);
    expect(param.schema.safeParse('24h').data).toBe(rangeOf('24h'));
    expect(param.schema.safeParse('15m').success).toBe(false);
    expect(param.schema.safeParse('2h').success).toBe(false);
    expect(rangeParam(RANGES[0]).schema.safeParse('30d').data).toBe(rangeOf('30d'));
  });
});

describe('the metrics dashboard', () => {
  it('opens at the range the URL names and writes the one chosen', async () => {
    window.history.replaceState(null, '', '/clusters/demo/metrics?range=6h');
    render(<MetricsDashboard />);
    expect(shownRange('client.read.rate')).toBe(6 * HOUR);
    await userEvent.click(screen.getByTestId('range-15m'));
    expect(shownRange('client.read.rate')).toBe(15 * 60_000);
    expect(window.location.search).toBe('');
  });

  it('reads a range it does not offer as the default', () => {
    window.history.replaceState(null, '', '/clusters/demo/metrics?range=forever');
    render(<MetricsDashboard />);
    expect(shownRange('client.read.rate')).toBe(15 * 60_000);
  });
});

describe("a table's charts", () => {
  it('open at the range the URL names, write the one chosen, and leave the default out', async () => {
    window.history.replaceState(null, '', '/clusters/demo/keyspaces/shop/orders?range=7d');
    render(<TableMetrics keyspace="shop" table="orders" />);
    const select = screen.getByTestId<HTMLSelectElement>('table-metrics-range');
    expect(select.value).toBe('7d');
    expect(shownRange('table:shop.orders:sstables')).toBe(7 * 24 * HOUR);
    await userEvent.selectOptions(select, '24h');
    expect(window.location.search).toBe('?range=24h');
    expect(shownRange('table:shop.orders:sstables')).toBe(24 * HOUR);
    await userEvent.selectOptions(select, '1h');
    expect(window.location.search).toBe('');
  });

  it('read a range the table does not offer (the dashboard’s 15m) as 1 hour', () => {
    window.history.replaceState(null, '', '/clusters/demo/keyspaces/shop/orders?range=15m');
    render(<TableMetrics keyspace="shop" table="orders" />);
    expect(screen.getByTestId<HTMLSelectElement>('table-metrics-range').value).toBe('1h');
  });
});
