'use client';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useState } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';
import { useTRPC } from '@/components/trpc/react';

type LiveOutput = inferRouterOutputs<AppRouter>['metrics']['live'];
export type LiveMetrics = LiveOutput extends AsyncIterable<{ data: infer D }> ? D : never;

/** The collector's polls as they happen, the latest few hundred kept for the charts' live tail. */
export function useLiveMetrics(clusterId: string): LiveMetrics[] {
  const trpc = useTRPC();
  const subscription = useSubscription(trpc.metrics.live.subscriptionOptions({ clusterId }));
  const [ticks, setTicks] = useState<LiveMetrics[]>([]);
  const latest = subscription.data?.data;
  useEffect(() => {
    if (latest)
      setTicks((previous) => (previous.at(-1)?.at === latest.at ? previous : [...previous.slice(-359), latest]));
  }, [latest]);
  return ticks;
}
