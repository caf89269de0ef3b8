import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { summary } from '@/testing/home-fixtures';
import { HomeDashboard } from './home-dashboard';
import type { HomeLive } from './use-home-live';

let live: HomeLive;
vi.mock('./use-home-live', () => ({ useHomeLive: () => live }));

beforeEach(() => {
  live = { summaries: {}, sparks: {}, connection: 'connecting', error: null };
});

const CLUSTERS = [
  { id: 'prod', name: 'Production' },
  { id: 'staging', name: 'Staging' },
  { id: 'lab', name: 'Lab' },
];

describe('HomeDashboard', () => {
  it('places a card per cluster at once, in the configured order, before any figure arrives', () => {
    render(<HomeDashboard clusters={CLUSTERS} />);
    const cards = within(screen.getByTestId('cluster-cards')).getAllByRole('link');
    expect(cards.map((c) => c.dataset.testid)).toEqual([
      'cluster-card-prod',
      'cluster-card-staging',
      'cluster-card-lab',
    ]);
    expect(cards.every((c) => c.dataset.verdict === 'connecting')).toBe(true);
    expect(screen.getByTestId('live-indicator').textContent).toBe('connecting');
  });

  it('fills the cards from the live state and counts the clusters with problems', () => {
    live = {
      connection: 'pending',
      error: null,
      summaries: {
        prod: summary('prod'),
        staging: summary('staging', { up: 2, down: ['127.0.0.3'], downCount: 1 }),
        lab: summary('lab', { agentErrorCount: 1, agentErrors: [{ address: '10.0.0.1', error: 'refused' }] }),
      },
      sparks: {},
    };
    render(<HomeDashboard clusters={CLUSTERS} />);
    expect(screen.getByTestId('live-indicator').textContent).toBe('live');
    expect(screen.getByTestId('home-counts').textContent).toBe('3 clusters, 1 with problems, 1 needing attention');
    expect(within(screen.getByTestId('cluster-card-staging')).getByTestId('card-down').textContent).toBe(
      '1 down: 127.0.0.3',
    );
  });

  it('says why the stream failed, and what to do with no cluster granted', () => {
    live = { ...live, connection: 'error', error: 'UNAUTHORIZED: session expired' };
    const { unmount } = render(<HomeDashboard clusters={CLUSTERS} />);
    expect(screen.getByTestId('live-indicator').textContent).toBe('disconnected');
    expect(screen.getByTestId('home-error').textContent).toContain('session expired');
    unmount();
    render(<HomeDashboard clusters={[]} />);
    expect(screen.getByTestId('no-clusters').textContent).toContain('ask a console administrator');
  });
});
