/**
 * The signed-in user's role on a cluster, so a page can leave out what the role cannot use. Only
 * presentation: every procedure checks the role again on the server.
 */
import { useQuery } from '@tanstack/react-query';
import { atLeast, type Role } from '@/lib/roles';
import { useTRPC } from '@/components/trpc/react';

export function useClusterRole(clusterId: string): Role | null {
  const trpc = useTRPC();
  const clusters = useQuery(trpc.cluster.list.queryOptions(undefined, { staleTime: 60_000 }));
  return clusters.data?.find((c) => c.id === clusterId)?.role ?? null;
}

/** True once the role is known to allow `needed`; false while loading, so a control never flashes up. */
export function useMayAct(clusterId: string, needed: Role): boolean {
  return atLeast(useClusterRole(clusterId), needed);
}
