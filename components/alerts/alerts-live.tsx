'use client';
/**
 * One `alerts.live` subscription per cluster page, shared by the alerts page, the node table's marks
 * and the node page's badges. A provider nested under another for the same cluster subscribes to
 * nothing and hands on its parent's view, so each component can bring one along safely.
 *
 * Only cluster pages hold one: a browser keeps at most six HTTP/1.1 connections to a host, and the
 * home page already holds a `cluster.live` stream per cluster (node-alert-marks.ts polls there).
 */
import { skipToken } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { useLiveCluster } from '@/components/live/live-cluster';
import { useTRPC } from '@/components/trpc/react';
import type { QueryLike } from '@/components/ui/query-state';
import type { AlertsView } from './alert-format';

export interface AlertsLive extends QueryLike<AlertsView> {
  clusterId: string;
}

const AlertsLiveContext = createContext<AlertsLive | null>(null);

export function AlertsLiveProvider({ children }: { children: ReactNode }) {
  const parent = useContext(AlertsLiveContext);
  const { clusterId } = useLiveCluster();
  const shared = parent?.clusterId === clusterId;
  const trpc = useTRPC();
  const live = useSubscription(trpc.alerts.live.subscriptionOptions(shared ? skipToken : { clusterId }));
  if (shared) return <>{children}</>;
  const value: AlertsLive = {
    clusterId,
    data: live.data?.data,
    error: live.error,
    isError: live.status === 'error',
  };
  return <AlertsLiveContext.Provider value={value}>{children}</AlertsLiveContext.Provider>;
}

export function useAlertsLive(): AlertsLive {
  const live = useContext(AlertsLiveContext);
  if (!live) throw new Error('useAlertsLive needs an AlertsLiveProvider above it');
  return live;
}

/** The page's live view, or null where no provider is above (the home page). */
export function useOptionalAlertsLive(): AlertsLive | null {
  return useContext(AlertsLiveContext);
}
