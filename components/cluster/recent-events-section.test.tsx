import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OverviewEvent } from '@/server/overview/event-fold';
import type { SectionQuery } from './overview-section';
import { RecentEventsSection } from './recent-events-section';
import { useRecentEvents } from './use-overview';

vi.mock('./use-overview', () => ({ EVENTS_EVERY_MS: 10_000, useRecentEvents: vi.fn() }));

function answer(query: Partial<SectionQuery<OverviewEvent[]>>) {
  const full = {
    data: undefined,
    error: null,
    isError: false,
    isFetching: false,
    dataUpdatedAt: Date.now(),
    refetch: vi.fn(),
    ...query,
  };
  vi.mocked(useRecentEvents).mockReturnValue(full as unknown as ReturnType<typeof useRecentEvents>);
}

beforeEach(() => vi.mocked(useRecentEvents).mockReset());

describe('RecentEventsSection', () => {
  it('lists events newest first with their age, the kind in a word, each linking to its view', () => {
    const now = Date.now();
    answer({
      data: [
        {
          ts: now - 30_000,
          kind: 'alert-resolved',
          label: 'resolved',
          text: 'Node down: 127.0.0.3',
          tone: 'ok',
          path: '/alerts',
        },
        {
          ts: now - 5 * 60_000,
          kind: 'node-down',
          label: 'node down',
          text: '127.0.0.3 down (not-listening)',
          tone: 'bad',
          path: '/nodes/127.0.0.3',
        },
      ],
    });
    render(<RecentEventsSection clusterId="demo" />);
    const [resolved, down] = screen.getAllByTestId('overview-event');
    expect(resolved!.textContent).toBe('30 s agoresolvedNode down: 127.0.0.3');
    expect(down!.dataset.kind).toBe('node-down');
    expect(within(down!).getByRole('link').getAttribute('href')).toBe('/clusters/demo/nodes/127.0.0.3');
    expect(within(down!).getByText('5 min ago').getAttribute('dateTime')).toBe(new Date(now - 300_000).toISOString());
  });

  it('says what will appear and where to act when nothing has happened yet', () => {
    answer({ data: [] });
    render(<RecentEventsSection clusterId="demo" />);
    expect(screen.getByTestId('overview-events-none').textContent).toContain('No events recorded yet');
  });

  it('says what failed, with a retry', () => {
    answer({ isError: true, error: new Error('store locked') });
    render(<RecentEventsSection clusterId="demo" />);
    const error = screen.getByTestId('overview-events-error');
    expect(error.textContent).toContain('Could not read recent events: store locked');
    expect(within(error).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
