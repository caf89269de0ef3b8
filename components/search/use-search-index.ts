/** The command palette's data: one search.index query, fetched when the palette first opens and kept for 30 s. */
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/react';

export function useSearchIndex(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.search.index.queryOptions(), enabled, staleTime: 30_000 });
}
