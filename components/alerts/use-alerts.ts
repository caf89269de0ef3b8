/**
 * Where the alerts page's data comes from, besides the live view (alerts-live.tsx): resolved incidents
 * a page at a time, every silence (the expired ones too), the rules, and the changes operators and
 * console administrators make to silences and rules.
 */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '@/components/trpc/react';
import type { Incident } from './alert-format';

/** Resolved incidents per "load older". */
export const HISTORY_PAGE_SIZE = 20;

export interface IncidentHistory {
  /** Newest first; undefined until the first page arrives. */
  data: Incident[] | undefined;
  error: unknown;
  isError: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder(): void;
}

/**
 * Resolved incidents, newest first, one query per page (`beforeOpenedAt` = the oldest shown). When the
 * open incidents change (`openKey`), one may just have resolved: the list starts again from the newest
 * page, since a first page read again with a new entry would leave a gap before the pages after it.
 */
export function useIncidentHistory(clusterId: string, openKey: string): IncidentHistory {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [paging, setPaging] = useState<{ openKey: string; cursors: (number | undefined)[] }>({
    openKey,
    cursors: [undefined],
  });
  // Starting again is decided while rendering (React's "adjusting state when a prop changes").
  if (paging.openKey !== openKey) setPaging({ openKey, cursors: [undefined] });
  const cursors = paging.openKey === openKey ? paging.cursors : [undefined];
  const readKey = useRef(openKey);
  useEffect(() => {
    if (readKey.current === openKey) return;
    readKey.current = openKey;
    void queryClient.invalidateQueries({ queryKey: trpc.alerts.incidents.queryKey({ clusterId }) });
  }, [openKey, clusterId, queryClient, trpc]);
  const pages = useQueries({
    queries: cursors.map((beforeOpenedAt) => ({
      ...trpc.alerts.incidents.queryOptions({
        clusterId,
        state: 'resolved' as const,
        beforeOpenedAt,
        limit: HISTORY_PAGE_SIZE,
      }),
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    })),
  });
  // Pages overlap by the incidents opened in the oldest one's millisecond (see loadOlder): each once.
  const loaded = [...new Map(pages.flatMap((p) => p.data ?? []).map((i) => [i.id, i])).values()];
  const last = pages[pages.length - 1]?.data;
  const oldest = loaded[loaded.length - 1];
  const failed = pages.find((p) => p.isError);
  const loadingOlder = pages.slice(1).some((p) => p.isPending);
  return {
    data: pages[0]?.data === undefined ? undefined : loaded,
    error: failed?.error ?? null,
    isError: failed !== undefined,
    hasOlder: last !== undefined && last.length === HISTORY_PAGE_SIZE && !loadingOlder,
    loadingOlder,
    loadOlder: () => {
      if (!oldest) return;
      // Incidents of one evaluation share their openedAt, and the server pages by `openedAt <` alone: the
      // next page starts at the oldest one's millisecond (included), unless that page was already read.
      const overlapping = oldest.openedAt + 1;
      const next = cursors[cursors.length - 1] === overlapping ? oldest.openedAt : overlapping;
      setPaging((p) => ({ ...p, cursors: [...p.cursors, next] }));
    },
  };
}

/**
 * Every silence of the cluster, expired ones included. The live view lists those in force; when that
 * set changes (one made or ended, here or by someone else) this is read again.
 */
export function useAllSilences(clusterId: string, liveKey: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const readKey = useRef(liveKey);
  useEffect(() => {
    if (readKey.current === liveKey) return;
    readKey.current = liveKey;
    void queryClient.invalidateQueries({ queryKey: trpc.alerts.silences.queryKey({ clusterId }) });
  }, [liveKey, clusterId, queryClient, trpc]);
  return useQuery(trpc.alerts.silences.queryOptions({ clusterId }, { refetchInterval: 60_000 }));
}

export function useSilenceMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: trpc.alerts.silences.queryKey() });
  return {
    create: useMutation(trpc.alerts.createSilence.mutationOptions({ onSettled })),
    expire: useMutation(trpc.alerts.expireSilence.mutationOptions({ onSettled })),
  };
}

export function useAlertRules() {
  const trpc = useTRPC();
  return useQuery(trpc.alerts.rules.queryOptions(undefined, { refetchInterval: 60_000 }));
}

/** Each change re-reads the rules, whether it worked or not. */
export function useRuleMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: trpc.alerts.rules.queryKey() });
  return {
    save: useMutation(trpc.alerts.saveRule.mutationOptions({ onSettled })),
    remove: useMutation(trpc.alerts.deleteRule.mutationOptions({ onSettled })),
  };
}
