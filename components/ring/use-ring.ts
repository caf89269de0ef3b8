/** Where the ring's data comes from: ranges, owners, replicas of `keyspace` and effective ownership. */
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/react';

export function useRingView(clusterId: string, keyspace: string | null) {
  const trpc = useTRPC();
  return useQuery(trpc.ring.view.queryOptions({ clusterId, keyspace }));
}
