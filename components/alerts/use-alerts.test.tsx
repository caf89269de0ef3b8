import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INCIDENT } from '@/testing/alert-fixtures';
import type { Incident } from './alert-format';
import { HISTORY_PAGE_SIZE, useIncidentHistory } from './use-alerts';

interface IncidentsInput {
  clusterId: string;
  state?: string;
  beforeOpenedAt?: number;
  limit: number;
}

// tRPC is replaced by a store of resolved incidents read as alerts.incidents reads them: newest first,
// `openedAt < beforeOpenedAt`, a page at a time. The hook is tested for which pages it asks for.
const server = vi.hoisted(() => ({ incidents: vi.fn() }));
vi.mock('@/components/trpc/react', () => ({
  useTRPC: () => ({
    alerts: {
      incidents: {
        queryKey: (input?: Partial<IncidentsInput>) => [['alerts', 'incidents'], ...(input ? [{ input }] : [])],
        queryOptions: (input: IncidentsInput) => ({
          queryKey: [['alerts', 'incidents'], { input }],
          queryFn: () => server.incidents(input),
        }),
      },
    },
  }),
}));

const past = (n: number, openedAt: number): Incident => ({
  ...INCIDENT,
  id: `past-${n}`,
  state: 'resolved',
  openedAt,
  resolvedAt: openedAt + 1000,
});

let stored: Incident[] = [];
const read = ({ beforeOpenedAt, limit }: IncidentsInput) =>
  stored.filter((i) => beforeOpenedAt === undefined || i.openedAt < beforeOpenedAt).slice(0, limit);

function renderHistory(openKey: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return renderHook((props: { openKey: string }) => useIncidentHistory('demo', props.openKey), {
    wrapper,
    initialProps: { openKey },
  });
}

beforeEach(() => {
  server.incidents.mockReset();
  server.incidents.mockImplementation(read);
});

describe('useIncidentHistory', () => {
  it('loads older pages, and keeps incidents that opened in the same millisecond as the oldest shown', async () => {
    // Incidents opened by one evaluation share their openedAt: 19 alone, then 3 at t = 1000.
    stored = [
      ...Array.from({ length: HISTORY_PAGE_SIZE - 1 }, (_, i) => past(i, 100_000 - i * 1000)),
      past(100, 1000),
      past(101, 1000),
      past(102, 1000),
      past(103, 500),
    ];
    const { result } = renderHistory('');
    await waitFor(() => expect(result.current.data).toHaveLength(HISTORY_PAGE_SIZE));
    expect(result.current.hasOlder).toBe(true);
    act(() => result.current.loadOlder());
    await waitFor(() => expect(result.current.data).toHaveLength(stored.length));
    expect(result.current.data?.map((i) => i.id).slice(-4)).toEqual(['past-100', 'past-101', 'past-102', 'past-103']);
    expect(server.incidents).toHaveBeenLastCalledWith(
      expect.objectContaining({ state: 'resolved', beforeOpenedAt: 1001, limit: HISTORY_PAGE_SIZE }),
    );
    expect(result.current.hasOlder).toBe(false);
  });

  it('starts again from the newest page when the open incidents change', async () => {
    stored = Array.from({ length: 30 }, (_, i) => past(i, 100_000 - i * 1000));
    const { result, rerender } = renderHistory('a');
    await waitFor(() => expect(result.current.data).toHaveLength(HISTORY_PAGE_SIZE));
    act(() => result.current.loadOlder());
    await waitFor(() => expect(result.current.data).toHaveLength(30));

    // Incident "a" resolves: it heads the history, read from the first page again.
    stored = [past(99, 200_000), ...stored];
    rerender({ openKey: '' });
    await waitFor(() => expect(result.current.data?.[0]?.id).toBe('past-99'));
    expect(result.current.data).toHaveLength(HISTORY_PAGE_SIZE);
  });
});
