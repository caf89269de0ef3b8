/** Where the users page's data comes from: the users with their grants, and the console administrator's changes to them. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/react';

export function useUsers() {
  const trpc = useTRPC();
  return useQuery(trpc.users.list.queryOptions());
}

/** Every change re-reads the list, whether it worked or not: a half-done change still shows as it is. */
export function useUserMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  return {
    add: useMutation(trpc.users.add.mutationOptions({ onSettled })),
    setGrants: useMutation(trpc.users.setGrants.mutationOptions({ onSettled })),
    resetPassword: useMutation(trpc.users.resetPassword.mutationOptions({ onSettled })),
    setDisabled: useMutation(trpc.users.setDisabled.mutationOptions({ onSettled })),
    revokeSessions: useMutation(trpc.users.revokeSessions.mutationOptions({ onSettled })),
  };
}
