import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useOptionalAlertsLive } from '@/components/alerts/alerts-live';
import type { LiveSnapshot } from '@/components/live/live-cluster';
import { recordedSnapshot } from '@/testing/recorded-snapshot';
import { HealthTiles } from './health-tiles';

let snapshot: LiveSnapshot | undefined;
vi.mock('@/components/live/live-cluster', () => ({ useLiveCluster: () => ({ clusterId: 'demo', snapshot }) }));
// No alerts stream above unless a test gives one.
vi.mock('@/components/alerts/alerts-live', () => ({ useOptionalAlertsLive: vi.fn(() => null) }));

const FIGURES: NonNullable<LiveSnapshot['figures']> = {
  at: 1,
  answered: 3,
  missing: [],
  pendingCompactions: 25,
  droppedPerSecond: 0,
  hintsPerSecond: 0,
  hintsInProgress: 0,
  readsPerSecond: 1234,
  writesPerSecond: 5.5,
  readP99Micros: 1500,
  writeP99Micros: null,
  loadBytes: 3 * 1024 ** 2,
};

const live = (label: 'three-up' | 'node3-killed', figures: LiveSnapshot['figures']): LiveSnapshot => ({
  ...recordedSnapshot(label),
  takenAt: new Date(0),
  pollError: null,
  figures,
});

const tile = (id: string) => screen.getByTestId(`tile-${id}`);
const valueOf = (id: string) => within(tile(id)).getByTestId('tile-value').textContent;

beforeEach(() => {
  snapshot = undefined;
  vi.mocked(useOptionalAlertsLive).mockReturnValue(null);
});

describe('HealthTiles', () => {
  it('says it is waiting before the first snapshot, rather than showing nothing', () => {
    render(<HealthTiles />);
    expect(screen.getByTestId('overview-tiles-loading').textContent).toContain('first snapshot');
  });

  it('shows the three nodes up per DC, schema agreement and the collector figures, each linking to its view', () => {
    snapshot = live('three-up', FIGURES);
    render(<HealthTiles />);
    expect(valueOf('nodes')).toBe('3/3');
    expect(tile('nodes').dataset.tone).toBe('ok');
    expect(within(tile('nodes')).getByTestId('tile-detail').textContent).toBe('dc1 2/2 · dc2 1/1');
    expect(tile('nodes').getAttribute('href')).toBe('#nodes');
    expect(valueOf('schema')).toBe('1');
    expect(tile('schema').getAttribute('href')).toBe('/clusters/demo/gossip');
    expect(valueOf('compactions')).toBe('25');
    expect(tile('compactions').dataset.tone).toBe('warn');
    expect(tile('compactions').getAttribute('href')).toBe('/clusters/demo/compaction');
    expect(valueOf('dropped')).toBe('0.0/s');
    expect(valueOf('throughput')).toBe('1.2k/s / 5.5/s');
    expect(valueOf('latency')).toBe('1.5 ms / —');
    expect(valueOf('disk')).toBe('3 MiB');
    expect(tile('disk').getAttribute('href')).toBe('/clusters/demo/metrics');
    expect(screen.getByTestId('overview-dc-dc1').textContent).toBe('dc1: 2 up');
    // The tone is said in words too, not by colour alone.
    expect(tile('compactions').textContent).toContain('attention');
  });

  it('marks node 3 down in its DC, its agent out of reach, and the figures as partial', () => {
    snapshot = live('node3-killed', {
      ...FIGURES,
      answered: 2,
      missing: [{ address: '127.0.0.3', reason: 'refused' }],
      droppedPerSecond: 2,
    });
    render(<HealthTiles />);
    expect(valueOf('nodes')).toBe('2/3');
    expect(tile('nodes').dataset.tone).toBe('bad');
    expect(tile('nodes').textContent).toContain('problem');
    expect(screen.getByTestId('overview-dc-dc2').dataset.down).toBe('1');
    expect(screen.getByTestId('overview-dc-dc2').textContent).toBe('dc2: 0 up, 1 down');
    expect(screen.getByTestId('overview-dc-dc1').dataset.down).toBe('0');
    expect(valueOf('agents')).toBe('1');
    expect(within(tile('agents')).getByTestId('tile-detail').textContent).toBe('127.0.0.3');
    expect(tile('dropped').dataset.tone).toBe('bad');
    expect(within(tile('disk')).getByTestId('tile-detail').textContent).toContain('no answer from 127.0.0.3');
  });

  it('says when the collector has not polled yet', () => {
    snapshot = live('three-up', null);
    render(<HealthTiles />);
    expect(valueOf('metrics')).toBe('—');
    expect(screen.queryByTestId('tile-compactions')).toBeNull();
  });
});

describe('HealthTiles with the page’s alerts stream', () => {
  it('counts the firing incidents, the worst severity setting the tone, and lists them newest first', async () => {
    vi.mocked(useOptionalAlertsLive).mockReturnValue({
      clusterId: 'demo',
      isError: false,
      error: null,
      data: {
        incidents: [
          {
            id: 'b',
            title: 'Node 127.0.0.3 down',
            severity: 'critical',
            state: 'firing',
            openedAt: Date.now() - 60_000,
          },
          {
            id: 'a',
            title: 'Pending compactions high',
            severity: 'warning',
            state: 'firing',
            openedAt: Date.now() - 3_600_000,
          },
        ],
      } as never,
    });
    snapshot = live('node3-killed', FIGURES);
    render(<HealthTiles />);
    expect(valueOf('alerts')).toBe('2');
    expect(tile('alerts').dataset.tone).toBe('bad');
    expect(tile('alerts').getAttribute('href')).toBe('/clusters/demo/alerts');
    expect(within(tile('alerts')).getByTestId('tile-detail').textContent).toBe('Node 127.0.0.3 down and 1 more');
    const rows = screen.getAllByTestId('overview-incident');
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual([
      'Node 127.0.0.3 down',
      'Pending compactions high',
    ]);
    expect(rows[0]!.textContent).toContain('critical');
  });

  it('says when nothing is open', async () => {
    vi.mocked(useOptionalAlertsLive).mockReturnValue({
      clusterId: 'demo',
      isError: false,
      error: null,
      data: { incidents: [] } as never,
    });
    snapshot = live('three-up', FIGURES);
    render(<HealthTiles />);
    expect(valueOf('alerts')).toBe('0');
    expect(tile('alerts').dataset.tone).toBe('ok');
    expect(screen.getByTestId('overview-incidents-none').textContent).toContain('No open incidents');
  });
});
