/** Where the compaction view's data comes from: the live poller's snapshots, the node-local history, the tables. */
import { useQuery } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '@/components/trpc/react';
import type { QueryLike } from '@/components/ui/query-state';
import type { CompactionSnapshot } from '@/server/compaction/compaction-service';

/** Running compactions and pending tasks, pushed every second while the page is open. */
export function useCompactionLive(clusterId: string): QueryLike<CompactionSnapshot> {
  const trpc = useTRPC();
  const live = useSubscription(trpc.compaction.live.subscriptionOptions({ clusterId }));
  return { data: live.data?.data, error: live.error, isError: live.status === 'error' };
}

export function useCompactionHistory(clusterId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.compaction.history.queryOptions({ clusterId, limit: 30 }, { refetchInterval: 10_000 }));
}

export function useCompactionTables(clusterId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.compaction.tables.queryOptions({ clusterId }, { refetchInterval: 30_000 }));
}
