/** Where the charts' data comes from: stored series with their events, the metric catalogue, the collector's state. */
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/react';

/** One metric over `rangeMs`; long ranges change slowly, so they refetch less often. */
export function useMetricSeries(
  clusterId: string,
  metric: string,
  rangeMs: number,
  nodes?: string[],
  aggregate?: 'sum' | 'max',
) {
  const trpc = useTRPC();
  return useQuery(
    trpc.metrics.series.queryOptions(
      { clusterId, metric, rangeMs, nodes, aggregate },
      { refetchInterval: rangeMs <= 6 * 3_600_000 ? 60_000 : 300_000 },
    ),
  );
}

export function useMetricCatalogue() {
  const trpc = useTRPC();
  return useQuery(trpc.metrics.catalogue.queryOptions());
}

export function useCollectorStatus(clusterId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.metrics.status.queryOptions({ clusterId }, { refetchInterval: 10_000 }));
}
