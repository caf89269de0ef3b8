import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AdvisorFindings } from './advisor-findings';

const asked = vi.hoisted(() => ({ thresholds: [] as unknown[] }));
vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams(window.location.search) }));
vi.mock('@/components/live/live-cluster', () => ({ useLiveCluster: () => ({ clusterId: 'demo' }) }));
vi.mock('@/components/schema/use-schema', () => ({
  useAdvice: (_clusterId: string, thresholds: unknown) => {
    asked.thresholds.push(thresholds);
    return {
      isPending: false,
      isError: false,
      isFetching: false,
      refetch: vi.fn(),
      data: { findings: [], tablesChecked: 3, unreadNodes: [] },
    };
  },
}));

const last = () => asked.thresholds.at(-1);

beforeEach(() => {
  asked.thresholds = [];
  window.history.replaceState(null, '', '/clusters/demo/advisor');
});

describe('AdvisorFindings', () => {
  it('asks with the thresholds the URL names and writes those typed back', () => {
    window.history.replaceState(null, '', '/clusters/demo/advisor?partition=50');
    render(<AdvisorFindings />);
    expect(last()).toEqual({ largePartitionMiB: 50, tombstonesPerRead: 1000 });
    fireEvent.change(screen.getByTestId('threshold-tombstones'), { target: { value: '500' } });
    expect(last()).toEqual({ largePartitionMiB: 50, tombstonesPerRead: 500 });
    expect(window.location.search).toBe('?partition=50&tombstones=500');
    fireEvent.change(screen.getByTestId('threshold-partition'), { target: { value: '100' } });
    expect(window.location.search).toBe('?tombstones=500');
  });

  it('reads thresholds the server would refuse as the defaults, and keeps what is typed within bounds', () => {
    window.history.replaceState(null, '', '/clusters/demo/advisor?partition=0&tombstones=9999999');
    render(<AdvisorFindings />);
    expect(last()).toEqual({ largePartitionMiB: 100, tombstonesPerRead: 1000 });
    fireEvent.change(screen.getByTestId('threshold-partition'), { target: { value: '200000' } });
    expect(last()).toEqual({ largePartitionMiB: 100_000, tombstonesPerRead: 1000 });
  });
});
