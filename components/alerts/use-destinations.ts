/** Where the destinations page's data comes from: the destinations with their delivery counts, each one's deliveries, and the changes to them. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/react';

/** Counts change as the worker delivers: read again every few seconds while the page is open. */
export function useDestinations() {
  const trpc = useTRPC();
  return useQuery(trpc.destinations.list.queryOptions(undefined, { refetchInterval: 5_000 }));
}

/**
 * One destination's deliveries, newest first, each with its attempts. "Show more" asks for a longer
 * list rather than a page before the last: the list is read again every few seconds, and a longer read
 * of the newest has no gap where new deliveries pushed older ones down.
 */
export function useDeliveries(destinationId: string, limit: number) {
  const trpc = useTRPC();
  return useQuery(trpc.destinations.deliveries.queryOptions({ id: destinationId, limit }, { refetchInterval: 3_000 }));
}

/** Each change re-reads the list and the deliveries, whether it worked or not. */
export function useDestinationMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSettled = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.destinations.list.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.destinations.deliveries.queryKey() });
  };
  return {
    create: useMutation(trpc.destinations.create.mutationOptions({ onSettled })),
    update: useMutation(trpc.destinations.update.mutationOptions({ onSettled })),
    remove: useMutation(trpc.destinations.remove.mutationOptions({ onSettled })),
    sendTest: useMutation(trpc.destinations.sendTest.mutationOptions({ onSettled })),
    replay: useMutation(trpc.destinations.replay.mutationOptions({ onSettled })),
  };
}
