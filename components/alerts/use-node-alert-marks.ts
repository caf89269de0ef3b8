/**
 * The node marks of one cluster: from the page's live alerts view on a cluster page; elsewhere (the
 * home page, one table per cluster) from `alerts.current` every few seconds, since a stream per table
 * would use up the browser's six connections to the console.
 */
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/react';
import { useOptionalAlertsLive } from './alerts-live';
import { nodeMarksOf, type NodeAlertMarks } from './node-marks';

const POLL_MS = 5_000;

export function useNodeAlertMarks(clusterId: string): NodeAlertMarks | undefined {
  const live = useOptionalAlertsLive();
  const streamed = live?.clusterId === clusterId;
  const trpc = useTRPC();
  const polled = useQuery(
    trpc.alerts.current.queryOptions(
      { clusterId },
      {
        enabled: !streamed,
        retry: false,
        // Marks are extra: after a refusal or failure the table goes on without them rather than ask again.
        refetchInterval: (query) => (query.state.status === 'error' ? false : POLL_MS),
      },
    ),
  );
  return nodeMarksOf(streamed ? live.data : polled.data);
}
