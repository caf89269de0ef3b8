/** Where the overview's own sections get their data: running work and recent events, each one query on an interval. */
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/react';

/** The server reads the cluster at most every 5 s per cluster (shared by every viewer); asking more often would only re-send it. */
export const RUNNING_EVERY_MS = 5000;
export const EVENTS_EVERY_MS = 10_000;

export function useRunningNow(clusterId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.overview.running.queryOptions({ clusterId }, { refetchInterval: RUNNING_EVERY_MS }));
}

export function useRecentEvents(clusterId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.overview.events.queryOptions({ clusterId, limit: 10 }, { refetchInterval: EVENTS_EVERY_MS }));
}
