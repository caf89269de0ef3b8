/** Where the repair schedules and the gc_grace_seconds warning get their data, and the operator's schedule actions. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/react';

/** The cluster's schedules, re-read every 10 s: a run started, postponed or failed shows without a reload. */
export function useRepairSchedules(clusterId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.repair.schedules.queryOptions({ clusterId }, { refetchInterval: 10_000 }));
}

/** Each table's last full repair against its gc_grace_seconds, re-read every minute. */
export function useGcGrace(clusterId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.repair.gcGrace.queryOptions({ clusterId }, { refetchInterval: 60_000 }));
}

/** Create, pause, resume, delete: each answer is shown where it was asked, and the list is read again. */
export function useScheduleActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: trpc.repair.schedules.queryKey() });
  return {
    create: useMutation(trpc.repair.createSchedule.mutationOptions({ onSettled })),
    pause: useMutation(trpc.repair.pauseSchedule.mutationOptions({ onSettled })),
    resume: useMutation(trpc.repair.resumeSchedule.mutationOptions({ onSettled })),
    remove: useMutation(trpc.repair.deleteSchedule.mutationOptions({ onSettled })),
  };
}
