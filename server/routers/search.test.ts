/**
 * search.index through the router: the clusters a caller holds a role on and no others, each with its
 * nodes from the shared poller and its tables; a cluster whose schema does not answer is still listed,
 * saying what failed, and does not hold the others back.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Grant } from '@/lib/roles';
import { recordedSnapshot } from '@/testing/recorded-snapshot';
import { sessionHeaders } from '@/testing/test-session';
import { useTemporaryConfig } from '@/testing/unit-config';
import { SharedPoller } from '../live/shared-poller';
import type { ClusterSnapshot } from '../nodes/snapshot';
import { createContext } from '../trpc';
import { createCaller } from './_app';

vi.mock('../nodes/live', () => {
  const pollers = new Map<string, SharedPoller<ClusterSnapshot>>();
  return {
    clusterPoller(id: string) {
      let poller = pollers.get(id);
      if (!poller) {
        poller = new SharedPoller<ClusterSnapshot>(async () => recordedSnapshot('three-up', id), 60_000);
        pollers.set(id, poller);
      }
      return poller;
    },
  };
});

vi.mock('../schema/keyspaces', () => ({
  async tableNames(clusterId: string) {
    if (clusterId === 'lab') throw new Error('All host(s) tried for query failed');
    return new Map([
      ['system_schema', ['tables', 'keyspaces']],
      ['shop', ['orders', 'customers']],
      ['empty_ks', []],
    ]);
  },
}));

beforeAll(() => {
  useTemporaryConfig({
    clusters: ['prod', 'staging', 'lab'].map((id) => ({
      id,
      name: id === 'prod' ? 'Production' : undefined,
      contactPoints: ['127.0.0.254'],
      localDataCenter: 'dc1',
      metrics: { enabled: false },
    })),
  });
});

const indexFor = async (grants: Grant[], name: string) =>
  createCaller(createContext({ headers: await sessionHeaders(grants, name) })).search.index();

describe('search.index', () => {
  it('lists only the clusters the caller holds a role on, with nodes, keyspaces and tables', async () => {
    const index = await indexFor([{ cluster: 'prod', role: 'viewer' }], 'search-viewer');
    expect(index.consoleAdmin).toBe(false);
    expect(index.clusters.map((c) => [c.id, c.name, c.role])).toEqual([['prod', 'Production', 'viewer']]);
    const [prod] = index.clusters;
    expect(prod!.error).toBeNull();
    expect(prod!.nodes).toEqual([
      { address: '127.0.0.1', dc: 'dc1', rack: 'rack1', hostId: 'e0b76021-63ee-4fdd-aecb-7b11b6558a5a' },
      { address: '127.0.0.2', dc: 'dc1', rack: 'rack1', hostId: 'd7363419-b3fd-4315-bf1b-b898eb69c2a3' },
      { address: '127.0.0.3', dc: 'dc2', rack: 'rack1', hostId: 'b217745c-fe28-4faf-bc50-e9923ac39b1c' },
    ]);
    expect(prod!.keyspaces).toEqual([
      { name: 'empty_ks', system: false, tables: [] },
      { name: 'shop', system: false, tables: ['orders', 'customers'] },
      { name: 'system_schema', system: true, tables: ['tables', 'keyspaces'] },
    ]);
  });

  it('gives a console administrator every cluster and the admin pages; a cluster that fails says why', async () => {
    const index = await indexFor([{ cluster: '*', role: 'admin' }], 'search-admin');
    expect(index.consoleAdmin).toBe(true);
    expect(index.clusters.map((c) => c.id)).toEqual(['prod', 'staging', 'lab']);
    const lab = index.clusters.find((c) => c.id === 'lab')!;
    expect(lab.keyspaces).toEqual([]);
    expect(lab.nodes).toHaveLength(3);
    expect(lab.error).toBe('schema: All host(s) tried for query failed');
  });

  it('refuses an anonymous caller', async () => {
    await expect(createCaller(createContext({ headers: new Headers() })).search.index()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
