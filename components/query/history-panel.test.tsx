import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryPanel } from './history-panel';

const asked = vi.hoisted(() => ({ searches: [] as string[] }));
vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams(window.location.search) }));
vi.mock('@/components/auth/use-cluster-role', () => ({ useMayAct: () => false }));
vi.mock('./use-query-data', () => ({
  useQueryHistory: (_clusterId: string, search: string) => {
    asked.searches.push(search);
    return { data: [], error: null, isError: false };
  },
  useSavedQueries: () => ({
    list: { data: [], error: null, isError: false },
    save: { mutate: vi.fn(), isPending: false, isError: false, data: undefined },
    remove: { mutate: vi.fn(), isError: false },
  }),
}));

beforeEach(() => {
  asked.searches = [];
  window.history.replaceState(null, '', '/clusters/demo/query');
});

describe('HistoryPanel', () => {
  it('searches the history for what the URL names and writes what is typed back', async () => {
    window.history.replaceState(null, '', '/clusters/demo/query?history=orders');
    render(<HistoryPanel clusterId="demo" current={{ statement: '', keyspace: null }} onLoad={vi.fn()} />);
    expect(screen.getByTestId<HTMLInputElement>('history-search').value).toBe('orders');
    expect(asked.searches.at(-1)).toBe('orders');
    expect(screen.getByTestId('history-empty').textContent).toBe('Nothing ran matches.');
    await userEvent.type(screen.getByTestId('history-search'), '!');
    expect(asked.searches.at(-1)).toBe('orders!');
    expect(window.location.search).toBe('?history=orders%21');
    await userEvent.clear(screen.getByTestId('history-search'));
    expect(window.location.search).toBe('');
  });
});
