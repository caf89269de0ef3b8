/**
 * Where the audit page's data comes from: `audit.list` for the applied filter, one query per page read
 * ("load older" adds a page starting before the oldest entry shown). The pages are not refetched on
 * their own: a refetched first page holding newer entries would shift what the later pages start from,
 * so the list changes only when asked (apply, refresh).
 */
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/react';
import { AUDIT_PAGE_SIZE, combinePages, type AuditEntry, type AuditFilter } from './audit-filter';

export interface AuditLog {
  filter: AuditFilter;
  /** Applies a filter and starts again from the newest entry. */
  setFilter(filter: AuditFilter): void;
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

export function useAuditLog(): AuditLog {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [{ filter, cursors }, setState] = useState<{ filter: AuditFilter; cursors: (number | undefined)[] }>({
    filter: {},
    cursors: [undefined],
  });
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
    filter,
    setFilter: (next) => setState({ filter: next, cursors: [undefined] }),
    data: first?.data === undefined ? undefined : entries,
    error: failed?.error ?? null,
    isError: failed !== undefined,
    hasOlder: olderBeforeId !== null && !loadingOlder,
    loadingOlder,
    loadOlder: () => {
      if (olderBeforeId !== null) setState((s) => ({ ...s, cursors: [...s.cursors, olderBeforeId] }));
    },
    refresh: () => {
      setState((s) => ({ ...s, cursors: [undefined] }));
      void queryClient.resetQueries({ queryKey: trpc.audit.list.queryKey() });
    },
  };
}
