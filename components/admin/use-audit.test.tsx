import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_PAGE_SIZE, type AuditEntry, type AuditFilter } from './audit-filter';
import { useAuditLog } from './use-audit';

interface ListInput {
  beforeId?: number;
  limit: number;
  action?: string;
}

// tRPC is replaced by a log of 250 entries (ids 1 … 250) read the way audit.list reads it: newest
// first, before an id, a page at a time. The hook is tested for which pages it asks for.
const server = vi.hoisted(() => ({ list: vi.fn() }));
vi.mock('@/components/trpc/react', () => ({
  useTRPC: () => ({
    audit: {
      list: {
        queryKey: () => [['audit', 'list']],
        queryOptions: (input: ListInput) => ({
          queryKey: [['audit', 'list'], { input }],
          queryFn: () => server.list(input),
        }),
      },
    },
  }),
}));

function entry(id: number): AuditEntry {
  return {
    id,
    at: id * 1000,
    userId: 'u1',
    userEmail: 'ana@example.com',
    role: 'console-admin',
    ip: null,
    userAgent: null,
    action: id % 2 ? 'users.add' : 'query.run',
    cluster: null,
    target: null,
    params: null,
    outcome: 'ok',
    detail: null,
    requestId: null,
  };
}

const LOG = Array.from({ length: 250 }, (_, i) => entry(250 - i));

function readLog({ beforeId, limit, action }: ListInput): AuditEntry[] {
  return LOG.filter(
    (e) => (beforeId === undefined || e.id < beforeId) && (!action || e.action.startsWith(action)),
  ).slice(0, limit);
}

function renderLog() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return renderHook(({ filter }: { filter: AuditFilter }) => useAuditLog(filter), {
    wrapper,
    initialProps: { filter: {} },
  });
}

beforeEach(() => {
  server.list.mockReset().mockImplementation(readLog);
});

describe('useAuditLog', () => {
  it('reads the newest page, then each older page before the oldest entry shown, to the end', async () => {
    const { result } = renderLog();
    await waitFor(() => expect(result.current.data).toHaveLength(AUDIT_PAGE_SIZE));
    expect(server.list).toHaveBeenLastCalledWith({ beforeId: undefined, limit: AUDIT_PAGE_SIZE });
    expect(result.current.hasOlder).toBe(true);

    act(() => result.current.loadOlder());
    await waitFor(() => expect(result.current.data).toHaveLength(200));
    expect(server.list).toHaveBeenLastCalledWith({ beforeId: 151, limit: AUDIT_PAGE_SIZE });

    act(() => result.current.loadOlder());
    await waitFor(() => expect(result.current.data).toHaveLength(250));
    expect(result.current.data?.at(-1)?.id).toBe(1);
    expect(result.current.hasOlder).toBe(false);
  });

  it('starts again from the newest entry when the filter changes', async () => {
    const { result, rerender } = renderLog();
    await waitFor(() => expect(result.current.hasOlder).toBe(true));
    act(() => result.current.loadOlder());
    await waitFor(() => expect(result.current.data).toHaveLength(200));

    rerender({ filter: { action: 'users.' } });
    await waitFor(() => expect(result.current.data).toHaveLength(AUDIT_PAGE_SIZE));
    expect(result.current.data?.[0]?.id).toBe(249);
    expect(server.list).toHaveBeenLastCalledWith({ action: 'users.', beforeId: undefined, limit: AUDIT_PAGE_SIZE });
  });

  it('says why the log cannot be read', async () => {
    server.list.mockRejectedValue(new Error('sign in first'));
    const { result } = renderLog();
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect((result.current.error as Error).message).toBe('sign in first');
    expect(result.current.data).toBeUndefined();
  });
});
