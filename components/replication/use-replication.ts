/** Where the replication views' data comes from: keyspaces with warnings, the ALTER preview and run, key lookup. */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { inferRouterInputs } from '@trpc/server';
import { useTRPC } from '@/components/trpc/react';
import type { AppRouter } from '@/server/routers/_app';

export type TargetReplication = inferRouterInputs<AppRouter>['replication']['preview']['replication'];

export function useReplicationKeyspaces(clusterId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.replication.keyspaces.queryOptions({ clusterId }));
}

/** The ALTER statement a target replication needs, its warnings and the steps that must follow. */
export function useReplicationPreview(clusterId: string, keyspace: string, replication: TargetReplication) {
  const trpc = useTRPC();
  return useQuery(trpc.replication.preview.queryOptions({ clusterId, keyspace, replication }));
}

/** Runs the ALTER, only with the exact statement the operator confirmed. */
export function useAlterReplication() {
  const trpc = useTRPC();
  return useMutation(trpc.replication.alter.mutationOptions());
}

/** A partition key's token and replicas; nothing is asked until `key` is given. */
export function useLocateKey(clusterId: string, keyspace: string, table: string, key: Record<string, string> | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.replication.locate.queryOptions({ clusterId, keyspace, table, key: key ?? {} }),
    enabled: key !== null,
    retry: false,
  });
}
