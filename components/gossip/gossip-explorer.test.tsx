import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GossipExplorer } from './gossip-explorer';

vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams(window.location.search) }));
vi.mock('@/components/live/live-cluster', () => ({
  useLiveCluster: () => ({
    snapshot: { observers: [{ address: '127.0.0.1' }, { address: '127.0.0.2' }, { address: '127.0.0.3' }] },
  }),
}));
vi.mock('./gossip-view', () => ({
  GossipView: ({ observer }: { observer: string }) => <p data-testid="seen-by">{observer}</p>,
}));

beforeEach(() => window.history.replaceState(null, '', '/clusters/demo/gossip'));

describe('GossipExplorer', () => {
  it('shows the gossip of the node the URL names and writes the one picked', async () => {
    window.history.replaceState(null, '', '/clusters/demo/gossip?observer=127.0.0.3');
    render(<GossipExplorer />);
    expect(screen.getByTestId('seen-by').textContent).toBe('127.0.0.3');
    await userEvent.selectOptions(screen.getByTestId('observer-picker'), '127.0.0.2');
    expect(screen.getByTestId('seen-by').textContent).toBe('127.0.0.2');
    expect(window.location.search).toBe('?observer=127.0.0.2');
    // A node picked is named even when it is the first (the default): the order of observers may change.
    await userEvent.selectOptions(screen.getByTestId('observer-picker'), '127.0.0.1');
    expect(window.location.search).toBe('?observer=127.0.0.1');
  });

  it('shows the first node when none is named, or one that is not an observer', () => {
    const { unmount } = render(<GossipExplorer />);
    expect(screen.getByTestId('seen-by').textContent).toBe('127.0.0.1');
    unmount();
    window.history.replaceState(null, '', '/clusters/demo/gossip?observer=10.9.9.9');
    render(<GossipExplorer />);
    expect(screen.getByTestId('seen-by').textContent).toBe('127.0.0.1');
  });
});
