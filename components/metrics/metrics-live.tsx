'use client';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';
import { useTRPC } from '@/components/trpc/react';

type LiveOutput = inferRouterOutputs<AppRouter>['metrics']['live'];
export type LiveMetrics = LiveOutput extends AsyncIterable<{ data: infer D }> ? D : never;

/** The collector's polls as they happen, the latest few hundred kept for the charts' live tail. */
export function useLiveMetrics(clusterId: string): LiveMetrics[] {
  const trpc = useTRPC();
  const [ticks, setTicks] = useState<LiveMetrics[]>([]);
  useSubscription(
    trpc.metrics.live.subscriptionOptions(
      { clusterId },
      {
        onData: ({ data: latest }) =>
          setTicks((previous) => (previous.at(-1)?.at === latest.at ? previous : [...previous.slice(-359), latest])),
      },
    ),
  );
  return ticks;
}
