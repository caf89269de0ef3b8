/** Where the schema views' data comes from: keyspace and table descriptions, keyspace names, the advisor's findings. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/react';

export function useKeyspaceNames(clusterId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.schema.keyspaces.queryOptions({ clusterId }));
}

export function useKeyspaceDescription(clusterId: string, keyspace: string) {
  const trpc = useTRPC();
  return useQuery(trpc.schema.keyspace.queryOptions({ clusterId, keyspace }));
}

export function useTableDescription(clusterId: string, keyspace: string, table: string) {
  const trpc = useTRPC();
  return useQuery(trpc.schema.table.queryOptions({ clusterId, keyspace, table }));
}

/** The advisor's findings; changing a threshold keeps the previous findings on screen until the new ones arrive. */
export function useAdvice(clusterId: string, thresholds: { largePartitionMiB: number; tombstonesPerRead: number }) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.schema.advise.queryOptions({ clusterId, thresholds }),
    placeholderData: keepPreviousData,
  });
}
