/**
 * overview.running and overview.events through the router. Running work is read once per few
 * seconds per cluster however many viewers ask (the cluster's sources are replaced by counting
 * stand-ins; one node is a 4.0 one, without system_views.streaming); a source that fails is named
 * while the others still show; events from the store's three sources come newest first, without
 * the collector's gaps.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionHeaders } from '@/testing/test-session';
import { trpcErrorOf, useTemporaryConfig } from '@/testing/unit-config';
import { saveIncident } from '../alerts/alert-store';
import { insertJob, updateJob, updateStep } from '../jobs/job-store';
import { getStore } from '../store';
import { recordEvent } from '../store/events';
import { createContext } from '../trpc';
import { createCaller } from './_app';

const reads = vi.hoisted(() => ({ compactions: 0, repairs: 0, streams: 0, repairsFail: false }));

vi.mock('../compaction/compaction-service', () => ({
  compactionPoller: () => ({
    fresh: async () => {
      reads.compactions += 1;
      const running = [
        { node: '127.0.0.1', id: 'c1', keyspace: 'shop', table: 'orders', kind: 'Compaction', unit: 'bytes' },
      ].map((c) => ({ ...c, completed: 25, total: 100, rate: null, etaSeconds: null }));
      return { value: { at: 1, running, pendingByNode: {}, pendingByTable: [], errors: {}, error: null } };
    },
  }),
}));
vi.mock('../cluster/repair-calls', () => ({
  runningRepairs: async () => {
    reads.repairs += 1;
    if (reads.repairsFail) throw new Error('All host(s) tried for query failed');
    return { repairs: [], unreadable: { '127.0.0.3': 'system_views.repairs needs Cassandra 4.1 or newer' } };
  },
}));
// A 4.0 node is asked its StreamManager instead, which names the plan and gives no figures.
vi.mock('../cluster/stream-manager', () => ({
  currentStreams: async (_cluster: unknown, node: string) =>
    node === '127.0.0.2' ? [{ what: 'Unbootstrap with 127.0.0.47 (plan p1)' }] : [],
}));
vi.mock('../cluster/per-node', async () => {
  const { types } = await import('cassandra-driver');
  const row = (status: string) => ({
    operation: 'Repair',
    peers: ['/127.0.0.2:7000'],
    status,
    progress_percentage: 40,
    bytes_received: types.Long.fromNumber(400),
    bytes_to_receive: types.Long.fromNumber(1000),
    bytes_sent: types.Long.fromNumber(0),
    bytes_to_send: types.Long.fromNumber(0),
  });
  return {
    executeOnEachNode: async () => {
      reads.streams += 1;
      return [
        { address: '127.0.0.1', rows: [row('start'), row('success')] },
        {
          address: '127.0.0.2',
          error: 'system_views.streaming needs Cassandra 4.1 or newer; 127.0.0.2 runs 4.0.19',
          unsupported: true,
        },
      ];
    },
  };
});

beforeAll(() => {
  useTemporaryConfig({
    clusters: ['prod', 'lab', 'other'].map((id) => ({
      id,
      contactPoints: ['127.0.0.254'],
      localDataCenter: 'dc1',
      metrics: { enabled: false },
    })),
  });
});

beforeEach(() => {
  Object.assign(reads, { compactions: 0, repairs: 0, streams: 0, repairsFail: false });
});

const viewer = async (cluster: string, name = 'overview-viewer') =>
  createCaller(createContext({ headers: await sessionHeaders([{ cluster, role: 'viewer' }], name) }));

function runningJob(clusterId: string, id: string, startedAt: number): void {
  const db = getStore();
  insertJob(db, {
    id,
    clusterId,
    kind: 'cleanup',
    target: { scope: 'cluster', keyspace: 'shop', tables: [] },
    params: {},
    rolling: { byRack: false, settleMs: 0 },
    requestedBy: 'op@example.com',
    createdAt: startedAt,
    steps: ['127.0.0.1', '127.0.0.2'].map((node, seq) => ({
      seq,
      node,
      dc: 'dc1',
      rack: 'rack1',
      state: 'pending',
      startedAt,
      endedAt: null,
      message: null,
      progress: null,
    })),
  });
  updateJob(db, id, { state: 'running', startedAt });
  updateStep(db, id, 0, { state: 'succeeded' });
  updateStep(db, id, 1, { state: 'running' });
}

describe('overview.running', () => {
  it('folds compactions, moving streams and active jobs, and reads the cluster once for many viewers', async () => {
    runningJob('prod', '00000000-0000-4000-8000-000000000001', Date.now() - 60_000);
    const callers = await Promise.all(['a', 'b', 'c'].map((name) => viewer('prod', `overview-${name}`)));
    const answers = await Promise.all(
      callers.flatMap((caller) => [0, 1, 2].map(() => caller.overview.running({ clusterId: 'prod' }))),
    );
    const first = answers[0]!;
    expect(answers.every((a) => a.at === first.at)).toBe(true);
    expect(reads).toMatchObject({ compactions: 1, repairs: 1, streams: 1 });
    expect(first.compactions).toHaveLength(1);
    // The finished stream session system_views.streaming still lists is not running.
    expect(first.streams).toEqual([
      { node: '127.0.0.1', operation: 'Repair', peers: ['127.0.0.2'], percent: 40, bytes: { done: 400, total: 1000 } },
      { node: '127.0.0.2', operation: 'Unbootstrap with 127.0.0.47 (plan p1)', peers: [], percent: null, bytes: null },
    ]);
    expect(first.unanswered.streams).toEqual({});
    expect(first.jobs).toHaveLength(1);
    expect(first.jobs[0]).toMatchObject({
      description: 'rolling cleanup of shop on cluster prod',
      nodesDone: 1,
      nodesTotal: 2,
      runningOn: ['127.0.0.2'],
      percent: 50,
    });
    expect(first.unanswered.repairs).toEqual({ '127.0.0.3': 'system_views.repairs needs Cassandra 4.1 or newer' });
    expect(first.failed).toEqual({});
  });

  it('names a source that failed and still shows the others', async () => {
    reads.repairsFail = true;
    const answer = await (await viewer('lab')).overview.running({ clusterId: 'lab' });
    expect(answer.failed).toEqual({ repairs: 'All host(s) tried for query failed' });
    expect(answer.compactions).toHaveLength(1);
    expect(answer.streams).toHaveLength(2);
  });

  it('refuses a viewer of another cluster', async () => {
    const error = await trpcErrorOf((await viewer('lab')).overview.running({ clusterId: 'other' }));
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('overview.events', () => {
  it('lists node, alert and operation events newest first, without collector gaps, at most the limit', async () => {
    const t = Date.now() - 3_600_000;
    recordEvent('other', { ts: t, kind: 'node-down', node: '127.0.0.3', detail: '127.0.0.3 down (not-listening)' });
    recordEvent('other', { ts: t + 1000, kind: 'collector-gap', node: '127.0.0.3', detail: 'refused' });
    recordEvent('other', { ts: t + 60_000, kind: 'node-up', node: '127.0.0.3', detail: '127.0.0.3 up' });
    saveIncident(
      getStore(),
      {
        id: 'inc-1',
        clusterId: 'other',
        key: 'node-down:127.0.0.3',
        title: 'Node 127.0.0.3 down',
        severity: 'critical',
        state: 'resolved',
        openedAt: t + 5000,
        resolvedAt: t + 61_000,
        notifiedFiring: true,
        notifiedResolved: true,
        members: [],
        muted: [],
      },
      t + 61_000,
    );
    runningJob('other', '00000000-0000-4000-8000-000000000002', t + 120_000);
    updateJob(getStore(), '00000000-0000-4000-8000-000000000002', { state: 'succeeded', finishedAt: t + 180_000 });

    const caller = await viewer('other');
    const events = await caller.overview.events({ clusterId: 'other' });
    expect(events.map((e) => [e.kind, e.ts - t])).toEqual([
      ['operation-ended', 180_000],
      ['operation-started', 120_000],
      ['alert-resolved', 61_000],
      ['node-up', 60_000],
      ['alert-fired', 5000],
      ['node-down', 0],
    ]);
    expect(events[0]).toMatchObject({ label: 'succeeded', tone: 'ok', path: '/activity' });
    expect(events[4]).toMatchObject({ label: 'critical fired', tone: 'bad', path: '/alerts' });
    expect(events[5]).toMatchObject({ tone: 'bad', path: '/nodes/127.0.0.3', text: '127.0.0.3 down (not-listening)' });
    expect(await caller.overview.events({ clusterId: 'other', limit: 2 })).toHaveLength(2);
  });
});
