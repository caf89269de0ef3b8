/** The collector's latest value of one metric per node (a plain query every 10 s: the page's one live connection stays cluster.live). */
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/react';

export function useLatestMetric(clusterId: string, metric: string | undefined) {
  const trpc = useTRPC();
  return useQuery(
    trpc.metrics.latest.queryOptions(
      { clusterId, metric: metric ?? '' },
      { enabled: metric !== undefined, refetchInterval: 10_000 },
    ),
  );
}
