/**
 * Where the audit page's data comes from: `audit.list` for the applied filter (the page's, kept in its
 * URL), one query per page read
 * ("load older" adds a page starting before the oldest entry shown). The pages are not refetched on
 * their own: a refetched first page holding newer entries would shift what the later pages start from,
 * so the list changes only when asked (apply, refresh).
 */
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/react';
import { AUDIT_PAGE_SIZE, combinePages, type AuditEntry, type AuditFilter } from './audit-filter';

export interface AuditLog {
  /** Entries read so far, newest first; undefined until the first page arrives. */
  data: AuditEntry[] | undefined;
  error: unknown;
  isError: boolean;
  /** More entries exist before the oldest shown. */
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder(): void;
  /** Reads the newest entries again, from the first page. */
  refresh(): void;
}

/** The log for `filter`; a different filter starts again from the newest entry. */
export function useAuditLog(filter: AuditFilter): AuditLog {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The pages read are those of one filter: for any other, only the first page is asked for.
  const key = JSON.stringify(filter);
  const [paging, setPaging] = useState<{ key: string; cursors: (number | undefined)[] }>({
    key,
    cursors: [undefined],
  });
  const cursors = paging.key === key ? paging.cursors : [undefined];
  const pages = useQueries({
    queries: cursors.map((beforeId) => ({
      ...trpc.audit.list.queryOptions({ ...filter, beforeId, limit: AUDIT_PAGE_SIZE }),
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    })),
  });
  const first = pages[0];
  const { entries, olderBeforeId } = combinePages(
    pages.map((p) => p.data),
    AUDIT_PAGE_SIZE,
  );
  const failed = pages.find((p) => p.isError);
  const loadingOlder = pages.slice(1).some((p) => p.isPending);
  return {
    data: first?.data === undefined ? undefined : entries,
    error: failed?.error ?? null,
    isError: failed !== undefined,
    hasOlder: olderBeforeId !== null && !loadingOlder,
    loadingOlder,
    loadOlder: () => {
      if (olderBeforeId !== null) setPaging({ key, cursors: [...cursors, olderBeforeId] });
    },
    refresh: () => {
      setPaging({ key, cursors: [undefined] });
      void queryClient.resetQueries({ queryKey: trpc.audit.list.queryKey() });
    },
  };
}
