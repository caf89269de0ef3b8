import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningNow } from '@/server/overview/running-fold';
import { RunningNowSection } from './running-now-section';
import type { SectionQuery } from './overview-section';
import { useRunningNow } from './use-overview';

vi.mock('./use-overview', () => ({ RUNNING_EVERY_MS: 5000, useRunningNow: vi.fn() }));

const NOTHING: RunningNow = {
  at: 0,
  compactions: [],
  repairs: [],
  streams: [],
  jobs: [],
  unanswered: { compactions: {}, repairs: {}, streams: {} },
  failed: {},
};

const BUSY: RunningNow = {
  ...NOTHING,
  compactions: [
    {
      node: '127.0.0.2',
      id: 'c1',
      keyspace: 'shop',
      table: 'orders',
      kind: 'Compaction',
      unit: 'bytes',
      completed: 512 * 1024,
      total: 2048 * 1024,
      rate: 1000,
      etaSeconds: 9.2,
    },
  ],
  repairs: [{ coordinator: '127.0.0.1', commandId: 4, keyspace: 'shop', participants: ['127.0.0.2', '127.0.0.3'] }],
  streams: [
    { node: '127.0.0.3', operation: 'Repair', peers: ['127.0.0.1'], percent: 40, bytes: { done: 400, total: 1000 } },
  ],
  jobs: [
    {
      id: 'j1',
      description: 'rolling cleanup of shop on cluster demo',
      state: 'running',
      startedAt: 0,
      percent: 50,
      nodesDone: 1,
      nodesTotal: 2,
      runningOn: ['127.0.0.2'],
    },
  ],
  unanswered: { compactions: {}, repairs: {}, streams: { '127.0.0.9': 'needs Cassandra 4.1 or newer' } },
};

function answer(query: Partial<SectionQuery<RunningNow>>) {
  const full = {
    data: undefined,
    error: null,
    isError: false,
    isFetching: false,
    dataUpdatedAt: Date.now(),
    refetch: vi.fn(),
    ...query,
  };
  vi.mocked(useRunningNow).mockReturnValue(full as unknown as ReturnType<typeof useRunningNow>);
  return full;
}

beforeEach(() => vi.mocked(useRunningNow).mockReset());

describe('RunningNowSection', () => {
  it('shows a skeleton while the first answer is on its way, and its heading links to the activity page', () => {
    answer({});
    render(<RunningNowSection clusterId="demo" />);
    const loading = screen.getByTestId('overview-running-loading');
    expect(loading.getAttribute('aria-busy')).toBe('true');
    expect(within(loading).getByRole('status').textContent).toBe('Reading running work…');
    expect(screen.getByTestId('overview-running-link').getAttribute('href')).toBe('/clusters/demo/activity');
  });

  it('says what failed and retries when asked', () => {
    const query = answer({ isError: true, error: new Error('cluster demo is not reachable') });
    render(<RunningNowSection clusterId="demo" />);
    expect(screen.getByTestId('overview-running-error').textContent).toContain('cluster demo is not reachable');
    fireEvent.click(within(screen.getByTestId('overview-running-error')).getByRole('button', { name: 'Try again' }));
    expect(query.refetch).toHaveBeenCalledOnce();
  });

  it('says nothing is running and where to start something', () => {
    answer({ data: NOTHING });
    render(<RunningNowSection clusterId="demo" />);
    const none = screen.getByTestId('overview-running-none');
    expect(none.textContent).toContain('Nothing running');
    expect(within(none).getByRole('link').getAttribute('href')).toBe('/clusters/demo/activity');
    expect(screen.getByTestId('overview-running-compactions').dataset.count).toBe('0');
  });

  it('does not say nothing is running when the cluster could not be asked', () => {
    const reason = 'cluster demo is not reachable';
    answer({ data: { ...NOTHING, failed: { compactions: reason, repairs: reason, streams: reason } } });
    render(<RunningNowSection clusterId="demo" />);
    expect(screen.queryByTestId('overview-running-none')).toBeNull();
    expect(screen.getByTestId('overview-running-unknown').textContent).toContain('could not be asked');
    expect(screen.getByTestId('overview-running-gaps').textContent).toBe(
      `compactions, repair sessions and streams could not be read: ${reason}`,
    );
  });

  it('says nothing is running only as far as the nodes that answered know', () => {
    answer({ data: { ...NOTHING, unanswered: { ...NOTHING.unanswered, repairs: { '127.0.0.3': 'timeout' } } } });
    render(<RunningNowSection clusterId="demo" />);
    expect(screen.getByTestId('overview-running-none').textContent).toContain(
      'Nothing running that the nodes which answered know of',
    );
  });

  it('counts each kind, lists the work with where it runs and how far it is, and names who could not say', () => {
    answer({ data: BUSY });
    render(<RunningNowSection clusterId="demo" />);
    expect(screen.getByTestId('overview-running-compactions').textContent).toBe('1 compaction');
    expect(screen.getByTestId('overview-running-compactions').getAttribute('href')).toBe('/clusters/demo/compaction');
    expect(screen.getByTestId('overview-running-operations').textContent).toBe('1 operation');
    const items = screen.getAllByTestId('overview-running-item');
    expect(items.map((i) => i.dataset.kind)).toEqual(['operation', 'repair', 'stream', 'compaction']);
    const compaction = items[3]!;
    expect(within(compaction).getByRole('link').getAttribute('href')).toBe('/clusters/demo/compaction');
    expect(within(compaction).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
    expect(compaction.textContent).toContain('512 KiB of 2 MiB, about 10 s left');
    // A repair session has no figure of its own: no bar rather than a made-up one.
    expect(within(items[1]!).queryByRole('progressbar')).toBeNull();
    expect(screen.getByTestId('overview-running-gaps').textContent).toBe(
      'no streams from 127.0.0.9 (needs Cassandra 4.1 or newer)',
    );
  });

  it('marks what is on screen as stale with its age when a refresh fails', () => {
    answer({ data: BUSY, isError: true, error: new Error('timeout'), dataUpdatedAt: Date.now() - 65_000 });
    render(<RunningNowSection clusterId="demo" />);
    const stale = screen.getByTestId('overview-running-stale');
    expect(stale.textContent).toContain('As of 1 min ago — could not refresh: timeout');
    expect(screen.getAllByTestId('overview-running-item')).toHaveLength(4);
  });
});
