import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommandPalette } from './command-palette';

const push = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ push }), usePathname: () => '/clusters/prod/metrics' }));

type Index = { data: unknown; isError: boolean; error: unknown };
let index: Index;
const enabledCalls: boolean[] = [];
vi.mock('./use-search-index', () => ({
  useSearchIndex: (enabled: boolean) => {
    enabledCalls.push(enabled);
    return index;
  },
}));

const DATA = {
  consoleAdmin: false,
  clusters: [
    {
      id: 'prod',
      name: 'Production',
      role: 'viewer',
      error: null,
      nodes: [{ address: '127.0.0.3', dc: 'dc2', rack: 'rack1', hostId: 'b217' }],
      keyspaces: [{ name: 'shop', system: false, tables: ['orders', 'customers'] }],
    },
    { id: 'lab', name: 'lab', role: 'viewer', error: 'schema: timeout', nodes: [], keyspaces: [] },
  ],
};

beforeAll(() => {
  // jsdom lacks what cmdk and Radix call on open.
  Element.prototype.scrollIntoView ??= () => {};
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

beforeEach(() => {
  push.mockReset();
  enabledCalls.length = 0;
  index = { data: DATA, isError: false, error: null };
});

describe('CommandPalette', () => {
  it('asks for the index only once opened; Ctrl-K opens it, a table name and Enter go to the table', async () => {
    const user = userEvent.setup();
    render(<CommandPalette />);
    expect(enabledCalls.every((e) => e === false)).toBe(true);
    expect(screen.queryByTestId('palette-input')).toBeNull();
    await user.keyboard('{Control>}k{/Control}');
    expect(await screen.findByTestId('palette-input')).toBeTruthy();
    expect(enabledCalls.at(-1)).toBe(true);
    await user.type(screen.getByTestId('palette-input'), 'orders');
    const first = screen.getAllByTestId('palette-item')[0]!;
    expect(first.dataset.href).toBe('/clusters/prod/keyspaces/shop/orders');
    await waitFor(() => expect(first.getAttribute('data-selected')).toBe('true'));
    await user.keyboard('{Enter}');
    expect(push).toHaveBeenCalledWith('/clusters/prod/keyspaces/shop/orders');
    await waitFor(() => expect(screen.queryByTestId('palette-input')).toBeNull());
  });

  it('the header button opens it; an address goes to its node; a cluster that failed is named', async () => {
    const user = userEvent.setup();
    render(<CommandPalette />);
    await user.click(screen.getByTestId('palette-open'));
    await user.type(await screen.findByTestId('palette-input'), '127.0.0');
    const items = screen.getAllByTestId('palette-item');
    expect(items.map((i) => i.dataset.kind)).toEqual(['node']);
    await user.keyboard('{Enter}');
    expect(push).toHaveBeenCalledWith('/clusters/prod/nodes/127.0.0.3');
    await user.click(screen.getByTestId('palette-open'));
    expect((await screen.findByTestId('palette-partial')).textContent).toContain('lab (schema: timeout)');
  });

  it('says nothing matches, and shows a failed index as an error', async () => {
    const user = userEvent.setup();
    const view = render(<CommandPalette />);
    await user.keyboard('{Meta>}k{/Meta}');
    await user.type(await screen.findByTestId('palette-input'), 'zzzz');
    expect(screen.queryAllByTestId('palette-item')).toHaveLength(0);
    expect(screen.getByText(/Nothing matches/)).toBeTruthy();
    index = { data: undefined, isError: true, error: new Error('UNAUTHORIZED') };
    act(() => view.rerender(<CommandPalette />));
    expect(screen.getByTestId('palette-error').textContent).toContain('UNAUTHORIZED');
  });
});

describe('CommandPalette closed', () => {
  it('puts no dialog title or description on the page until it opens', async () => {
    render(<CommandPalette />);
    expect(screen.queryByRole('heading', { name: 'Go to' })).toBeNull();
    expect(screen.queryByText(/Jump to a cluster/)).toBeNull();
    await userEvent.setup().keyboard('{Control>}k{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Go to' })).toBeTruthy();
  });
});
