'use client';
/**
 * One live subscription per cluster per page, shared by every component under it: the node
 * table, the ring, the gossip and disagreement views all read the same pushed snapshot.
 */
import { useSubscription } from '@trpc/tanstack-react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';
import { useTRPC } from '@/components/trpc/react';

type LiveOutput = inferRouterOutputs<AppRouter>['cluster']['live'];
export type LiveSnapshot = LiveOutput extends AsyncIterable<{ data: infer D }> ? D : never;

export interface LiveCluster {
  clusterId: string;
  snapshot: LiveSnapshot | undefined;
  connection: 'idle' | 'connecting' | 'pending' | 'error';
  error: string | null;
}

const LiveClusterContext = createContext<LiveCluster | null>(null);

export function LiveClusterProvider({ clusterId, children }: { clusterId: string; children: ReactNode }) {
  const trpc = useTRPC();
  const subscription = useSubscription(trpc.cluster.live.subscriptionOptions({ clusterId }));
  const value: LiveCluster = {
    clusterId,
    snapshot: subscription.data?.data,
    connection: subscription.status,
    error: subscription.error?.message ?? null,
  };
  return <LiveClusterContext.Provider value={value}>{children}</LiveClusterContext.Provider>;
}

export function useLiveCluster(): LiveCluster {
  const live = useContext(LiveClusterContext);
  if (!live) throw new Error('useLiveCluster needs a LiveClusterProvider above it');
  return live;
}
