import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyspaceList } from './keyspace-list';

vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams(window.location.search) }));
vi.mock('@/components/live/live-cluster', () => ({ useLiveCluster: () => ({ clusterId: 'demo' }) }));
vi.mock('@/components/live/use-schema-version', () => ({ useRefetchOnSchemaChange: () => undefined }));
vi.mock('@/components/auth/use-cluster-role', () => ({ useMayAct: () => false }));
vi.mock('./replication-editor', () => ({ ReplicationEditor: () => null }));
const replication = (factor: string) => ({ strategy: 'NetworkTopologyStrategy', factors: { dc1: factor } });
vi.mock('./use-replication', () => ({
  useReplicationKeyspaces: () => ({
    isError: false,
    refetch: vi.fn(),
    data: {
      nodesPerDc: { dc1: 3 },
      keyspaces: [
        { name: 'shop', system: false, replication: replication('3'), warnings: [] },
        { name: 'system_auth', system: true, replication: replication('1'), warnings: [] },
      ],
    },
  }),
}));

beforeEach(() => window.history.replaceState(null, '', '/clusters/demo/keyspaces'));

describe('KeyspaceList', () => {
  it('lists system keyspaces unless the URL says ?system=0, and writes the choice back', async () => {
    render(<KeyspaceList />);
    expect(screen.getByTestId('keyspace-row-system_auth')).toBeTruthy();
    await userEvent.click(screen.getByTestId('show-system'));
    expect(screen.queryByTestId('keyspace-row-system_auth')).toBeNull();
    expect(window.location.search).toBe('?system=0');
    await userEvent.click(screen.getByTestId('show-system'));
    expect(window.location.search).toBe('');
  });

  it('opens with the system keyspaces hidden from a link', () => {
    window.history.replaceState(null, '', '/clusters/demo/keyspaces?system=0');
    render(<KeyspaceList />);
    expect(screen.getByTestId('keyspace-row-shop')).toBeTruthy();
    expect(screen.queryByTestId('keyspace-row-system_auth')).toBeNull();
    expect(screen.getByTestId<HTMLInputElement>('show-system').checked).toBe(false);
  });
});
