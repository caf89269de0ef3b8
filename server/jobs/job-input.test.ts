/**
 * What checkJob refuses before anything is stored or run, with the cluster's schema and the poller's
 * snapshot replaced at their edge.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTemporaryConfig } from '@/testing/unit-config';
import { getStore } from '../store';
import { insertJob, updateJob } from './job-store';

const cluster = vi.hoisted(() => ({
  states: {} as Record<string, string>,
  releases: {} as Record<string, string>,
  tables: ['t'],
}));
vi.mock('../cluster/registry', async (original) => ({
  ...(await original<typeof Registry>()),
  driverFor: async () => ({
    execute: async (query: string, params: string[]) => ({
      rows: query.includes('system_schema.keyspaces')
        ? params[0] === 'ks'
          ? [{ keyspace_name: 'ks' }]
          : []
        : cluster.tables.map((table_name) => ({ table_name })),
    }),
  }),
}));
vi.mock('../nodes/live', () => ({
  clusterPoller: () => ({
    fresh: async () => ({
      value: {
        nodes: ['127.0.0.1', '127.0.0.2', '127.0.0.3'].map((address) => ({
          address,
          dc: address === '127.0.0.3' ? 'dc2' : 'dc1',
          rack: 'rack1',
          status: 'Up',
          state: cluster.states[address] ?? 'Normal',
          releaseVersion: cluster.releases[address] ?? '5.0.9',
        })),
      },
    }),
  }),
}));
import type * as Registry from '../cluster/registry';

const { checkJob } = await import('./job-input');

beforeAll(() => {
  useTemporaryConfig({
    clusters: [{ id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1', metrics: { enabled: false } }],
  });
});
beforeEach(() => {
  cluster.states = {};
  cluster.releases = {};
});

const node = (n: string, keyspace: string | null = 'ks', tables: string[] = []) => ({
  scope: 'node' as const,
  node: n,
  keyspace,
  tables,
});
const check = (
  kind: Parameters<typeof checkJob>[2],
  target: Parameters<typeof checkJob>[3],
  params = {},
  rolling = null,
) => checkJob(getStore(), 'prod', kind, target, params, rolling);

describe('checkJob', () => {
  it('accepts a good request and fills in the parameters Cassandra gets', async () => {
    const checked = await check('compact', node('127.0.0.1', 'ks', ['t']));
    expect(checked.params).toEqual({ splitOutput: false });
    expect(checked.steps.map((s) => s.node)).toEqual(['127.0.0.1']);
  });

  it('refuses an unknown keyspace or table, naming what exists', async () => {
    await expect(check('flush', node('127.0.0.1', 'nope'))).rejects.toThrow('no keyspace "nope" in cluster prod');
    await expect(check('flush', node('127.0.0.1', 'ks', ['t', 'x']))).rejects.toThrow(
      'no table ks.x (tables of ks: t)',
    );
  });

  it('refuses cleanup while a node is joining, naming it', async () => {
    cluster.states = { '127.0.0.3': 'Joining' };
    await expect(check('cleanup', node('127.0.0.1'))).rejects.toThrow(
      /^cleanup refused: node 127\.0\.0\.3 is Joining — ranges are still moving/,
    );
    // Other operations are not held back by it.
    await expect(check('flush', node('127.0.0.1'))).resolves.toBeTruthy();
  });

  it('refuses what does not fit the operation', async () => {
    await expect(check('flush', node('127.0.0.1', null))).rejects.toThrow('flush needs a keyspace');
    await expect(check('drain', node('127.0.0.1'))).rejects.toThrow('drain applies to the whole node');
    await expect(check('snapshot', node('127.0.0.1'), { tag: 'a b' })).rejects.toThrow(/snapshot tag/);
    await expect(check('cleanup', node('127.0.0.1', 'system'))).rejects.toThrow(/local system keyspaces/);
    await expect(check('flush', { scope: 'cluster', keyspace: 'ks', tables: [] })).rejects.toThrow(/runs rolling/);
    await expect(check('flush', { scope: 'dc', dc: 'dc9', keyspace: 'ks', tables: [] }, {}, null)).rejects.toThrow();
  });

  it('refuses, naming the node and its release, an option the node would silently drop (mixed versions)', async () => {
    cluster.releases = { '127.0.0.2': '4.0.19' };
    const ttl = { tag: 'before', ttlSeconds: 3600 };
    await expect(check('snapshot', node('127.0.0.2'), ttl)).rejects.toThrow(
      'snapshot refused: a snapshot with a ttl needs Cassandra 4.1 or newer; 127.0.0.2 runs 4.0.19',
    );
    await expect(check('snapshot', node('127.0.0.1'), ttl)).resolves.toBeTruthy();
    await expect(check('snapshot', node('127.0.0.2'), { tag: 'before' })).resolves.toBeTruthy();
  });

  it('refuses a second rolling job over nodes an active job holds', async () => {
    const rolling = { byRack: false, settleMs: 0 };
    insertJob(getStore(), {
      id: 'held',
      clusterId: 'prod',
      kind: 'flush',
      target: { scope: 'dc', dc: 'dc1', keyspace: 'ks', tables: [] },
      params: {},
      rolling,
      requestedBy: 'a@example.com',
      createdAt: 1,
      steps: ['127.0.0.1', '127.0.0.2'].map((n, seq) => ({
        seq,
        node: n,
        dc: 'dc1',
        rack: 'rack1',
        state: 'pending' as const,
        startedAt: null,
        endedAt: null,
        message: null,
        progress: null,
      })),
    });
    updateJob(getStore(), 'held', { state: 'running' });
    await expect(
      checkJob(getStore(), 'prod', 'flush', { scope: 'cluster', keyspace: 'ks', tables: [] }, {}, rolling),
    ).rejects.toThrow(
      'job held (rolling flush of ks on data centre dc1, running) already holds node 127.0.0.1, 127.0.0.2: a rolling job runs alone on its nodes. Wait for it, or cancel it.',
    );
    await expect(check('compact', node('127.0.0.2'))).rejects.toThrow(/already holds node 127\.0\.0\.2/);
    await expect(check('compact', node('127.0.0.3'))).resolves.toBeTruthy();
    updateJob(getStore(), 'held', { state: 'succeeded' });
    await expect(check('compact', node('127.0.0.2'))).resolves.toBeTruthy();
  });
});
