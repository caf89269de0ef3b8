/**
 * The repair runs that count for gc_grace_seconds, read from a real console store, and the monitor's
 * coverage source: the table list read again only when the schema changes (or an hour passes), kept
 * through a failed read. The cluster's tables are given here; reading them is the integration test's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTemporaryConfig } from '@/testing/unit-config';
import { insertJob, updateJob, updateStep } from '../jobs/job-store';
import type { JobStep } from '../jobs/job-types';
import { getStore } from '../store';
import type { TableGrace } from './gc-grace';
import { CoverageSource } from './gc-grace-service';
import { fullRepairRuns } from './repair-history';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 30, 12);

beforeAll(() => {
  useTemporaryConfig({ clusters: [{ id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1' }] });
});

/** A repair run of `keyspace` that started `daysAgo`, its segments in these states, the run in `state`. */
function run(
  id: string,
  keyspace: string,
  daysAgo: number,
  segments: JobStep['state'][],
  state: 'succeeded' | 'failed' | 'running' = 'succeeded',
  options: { tables?: string[]; incremental?: boolean; clusterId?: string } = {},
) {
  const db = getStore();
  const start = NOW - daysAgo * DAY;
  insertJob(db, {
    id,
    clusterId: options.clusterId ?? 'prod',
    kind: 'repair',
    target: { scope: 'cluster', keyspace, tables: options.tables ?? [] },
    params: { settings: { keyspace, incremental: options.incremental ?? false } },
    rolling: null,
    requestedBy: 'schedule s1',
    createdAt: start - 1000,
    steps: segments.map((_, seq) => ({
      seq,
      node: '10.0.0.1',
      dc: 'dc1',
      rack: null,
      state: 'pending' as const,
      startedAt: null,
      endedAt: null,
      message: null,
      progress: null,
    })),
  });
  // The second segment started first (segments run in any order): the run counts from it.
  segments.forEach((s, seq) =>
    updateStep(db, id, seq, { state: s, startedAt: start + (seq === 1 ? 0 : 5000 * (seq + 1)) }),
  );
  updateJob(db, id, { state, startedAt: start - 500, finishedAt: start + 60_000 });
}

describe('repair runs that count', () => {
  it('are the succeeded runs with every segment repaired, from their first segment start', () => {
    run('full', 'shop', 3, ['succeeded', 'succeeded', 'succeeded']);
    run('incremental', 'shop', 2, ['succeeded', 'succeeded'], 'succeeded', { incremental: true, tables: ['orders'] });
    run('failed', 'shop', 1, ['succeeded', 'failed'], 'failed');
    run('running', 'shop', 0.5, ['succeeded', 'running'], 'running');
    run('other-cluster', 'shop', 0.2, ['succeeded'], 'succeeded', { clusterId: 'staging' });
    // A run marked succeeded with a segment not repaired (resumed oddly, or edited): not counted.
    run('hole', 'shop', 0.1, ['succeeded', 'skipped']);
    const runs = fullRepairRuns(getStore(), 'prod').sort((a, b) => a.id.localeCompare(b.id));
    expect(runs).toEqual([
      {
        id: 'full',
        keyspace: 'shop',
        tables: [],
        incremental: false,
        repairedAsOf: NOW - 3 * DAY,
        finishedAt: NOW - 3 * DAY + 60_000,
        requestedBy: 'schedule s1',
      },
      {
        id: 'incremental',
        keyspace: 'shop',
        tables: ['orders'],
        incremental: true,
        repairedAsOf: NOW - 2 * DAY,
        finishedAt: NOW - 2 * DAY + 60_000,
        requestedBy: 'schedule s1',
      },
    ]);
  });
});

describe('the monitor coverage source', () => {
  const tables: TableGrace[] = [
    { keyspace: 'shop', table: 'orders', gcGraceSeconds: 2 * 86_400, createdAt: NOW - 30 * DAY, replicas: 3 },
    { keyspace: 'shop', table: 'carts', gcGraceSeconds: 2 * 86_400, createdAt: NOW - 30 * DAY, replicas: 3 },
  ];

  it('reads the tables again only when the schema changes or an hour passes, and keeps them through a failure', async () => {
    let reads = 0;
    let fail = false;
    const source = new CoverageSource('prod', async () => {
      reads++;
      if (fail) throw new Error('no node could run the query');
      return tables;
    });
    const first = await source.coverage('v1', NOW);
    expect(reads).toBe(1);
    // carts: by the full run 3 days ago (gc_grace 2 days: past); orders: incrementally 2 days ago (due now, not past).
    expect(first.tables.map((t) => [t.table, t.overdue, t.lastRepair?.id])).toEqual([
      ['carts', true, 'full'],
      ['orders', false, 'incremental'],
    ]);
    expect((await source.coverage('v1', NOW + 1)).tables.map((t) => t.overdue)).toEqual([true, true]);
    await source.coverage('v1', NOW + 60_000);
    expect(reads).toBe(1);
    await source.coverage('v2', NOW + 120_000);
    expect(reads).toBe(2);
    await source.coverage('v2', NOW + 120_000 + 3600_001);
    expect(reads).toBe(3);
    fail = true;
    const kept = await source.coverage('v3', NOW + 2 * 3600_000);
    expect(kept.tables).toHaveLength(2);
    expect(reads).toBe(4);
    // Tried again on the next call, since the list is still the old one.
    await source.coverage('v3', NOW + 2 * 3600_000 + 60_000);
    expect(reads).toBe(5);
  });

  it('throws when it has never read the tables', async () => {
    const source = new CoverageSource('prod', async () => {
      throw new Error('no node could run the query');
    });
    await expect(source.coverage('v1', NOW)).rejects.toThrow('no node could run the query');
  });
});
