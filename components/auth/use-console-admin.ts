/**
 * Whether the signed-in user is a console administrator (admin of every cluster), so a page can leave
 * out what only they may use. Only presentation: the procedures check again on the server.
 */
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/react';

/** False while loading, so a control never flashes up. */
export function useConsoleAdmin(): boolean {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
  return me.data?.consoleAdmin ?? false;
}
