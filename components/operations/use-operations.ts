/** Where the activity page's data comes from: the cluster's jobs pushed every second, one job's log, and the operator's actions. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '@/components/trpc/react';
import type { QueryLike } from '@/components/ui/query-state';
import type { ListedJob } from '@/server/jobs/job-types';

/** The cluster's latest jobs with live progress, and any stored job this console cannot read. */
export function useJobsLive(clusterId: string): QueryLike<ListedJob[]> {
  const trpc = useTRPC();
  const live = useSubscription(trpc.operations.live.subscriptionOptions({ clusterId }));
  return { data: live.data?.data, error: live.error, isError: live.status === 'error' };
}

/** One job with its log, re-read every 2 s while it is open on screen. */
export function useJobDetail(clusterId: string, id: string) {
  const trpc = useTRPC();
  return useQuery(trpc.operations.get.queryOptions({ clusterId, id }, { refetchInterval: 2000 }));
}

/** Start, cancel, pause, resume: each answer is shown where it was asked; the live list shows the change. */
export function useOperationActions() {
  const trpc = useTRPC();
  return {
    start: useMutation(trpc.operations.start.mutationOptions()),
    cancel: useMutation(trpc.operations.cancel.mutationOptions()),
    pause: useMutation(trpc.operations.pause.mutationOptions()),
    resume: useMutation(trpc.operations.resume.mutationOptions()),
    repairStart: useMutation(trpc.operations.repairStart.mutationOptions()),
  };
}

/** The segments and exact options map a repair run would use; asked only when `enabled`. */
export function useRepairPreview(clusterId: string, settings: Record<string, unknown>, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.operations.repairPreview.queryOptions({ clusterId, settings }, { enabled, retry: false }));
}
