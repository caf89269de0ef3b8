import { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import {
  repairCoverage,
  replicasOf,
  statusLine,
  timeUuidMillis,
  type FullRepairRun,
  type TableGrace,
} from './gc-grace';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 30, 12);
const TEN_DAYS = 864_000;

const table = (keyspace: string, name: string, change: Partial<TableGrace> = {}): TableGrace => ({
  keyspace,
  table: name,
  gcGraceSeconds: TEN_DAYS,
  createdAt: NOW - 100 * DAY,
  replicas: 3,
  ...change,
});
const run = (id: string, keyspace: string, daysAgo: number, tables: string[] = []): FullRepairRun => ({
  id,
  keyspace,
  tables,
  incremental: false,
  repairedAsOf: NOW - daysAgo * DAY,
  finishedAt: NOW - daysAgo * DAY + 60_000,
  requestedBy: 'op@example.com',
});

const statusOf = (coverage: ReturnType<typeof repairCoverage>, name: string) =>
  coverage.tables.find((t) => `${t.keyspace}.${t.table}` === name);

describe('time-based table ids', () => {
  it('reads the creation time of a table id Cassandra generated, as the driver decodes it', () => {
    // ringside.metrics_raw and ringside_it_repair.t on the demo cluster.
    for (const id of ['15eec950-f242-11f1-aa3a-ed1b435cbda7', 'ad9280b0-f249-11f1-b8d2-d7db631e7272'])
      expect(timeUuidMillis(id)).toBe(types.TimeUuid.fromString(id).getDate().getTime());
    expect(timeUuidMillis('15eec950-f242-11f1-aa3a-ed1b435cbda7')).toBe(Date.UTC(2026, 11, 7, 13, 28, 27, 493));
    expect(timeUuidMillis('05BF7000-2B0F-11EE-8000-000000000000')).toBe(Date.UTC(2023, 6, 25, 17, 16, 41, 600));
  });

  it('knows nothing from a random or name-based uuid', () => {
    expect(timeUuidMillis('5a1c395e-b41f-4d91-8e14-6a5c0f1a2b3c')).toBeNull(); // v4
    expect(timeUuidMillis('afddfb9d-bc1e-3a58-9c4f-4c1b2b6b2a7c')).toBeNull(); // v3 (system tables)
    expect(timeUuidMillis('not a uuid')).toBeNull();
  });
});

describe('replicas of a keyspace', () => {
  it('sums the data centres, reads SimpleStrategy and transient factors', () => {
    expect(replicasOf({ class: 'org.apache.cassandra.locator.NetworkTopologyStrategy', dc1: '2', dc2: '1' })).toBe(3);
    expect(replicasOf({ class: 'NetworkTopologyStrategy', dc1: '3/1' })).toBe(3);
    expect(replicasOf({ class: 'org.apache.cassandra.locator.SimpleStrategy', replication_factor: '1' })).toBe(1);
    expect(replicasOf({ class: 'org.apache.cassandra.locator.LocalStrategy' })).toBe(1);
  });
});

describe('tables past their gc_grace_seconds without a full repair', () => {
  it('takes the latest covering run: a whole-keyspace run covers every table, a table run only its own', () => {
    const coverage = repairCoverage(
      [table('shop', 'orders'), table('shop', 'carts'), table('shop', 'users')],
      [run('old', 'shop', 12), run('orders-only', 'shop', 2, ['orders']), run('other-ks', 'billing', 1)],
      NOW,
    );
    expect(statusOf(coverage, 'shop.orders')).toMatchObject({
      overdue: false,
      lastRepair: { id: 'orders-only' },
      dueBy: NOW - 2 * DAY + TEN_DAYS * 1000,
    });
    expect(statusOf(coverage, 'shop.carts')).toMatchObject({
      overdue: true,
      lastRepair: { id: 'old' },
      dueBy: NOW - 2 * DAY,
    });
    // Overdue first, the longest overdue at the top.
    expect(coverage.tables[0]!.overdue).toBe(true);
    expect(coverage.tables.at(-1)).toMatchObject({ table: 'orders' });
  });

  it('is overdue exactly once gc_grace_seconds have passed since the repair began', () => {
    const at = (ms: number) =>
      repairCoverage([table('shop', 'orders', { gcGraceSeconds: 3600 })], [run('r', 'shop', 0)], ms).tables[0]!.overdue;
    expect(at(NOW + 3600_000)).toBe(false);
    expect(at(NOW + 3600_001)).toBe(true);
  });

  it('counts a never-repaired table from its creation, and one of unknown age as overdue', () => {
    const coverage = repairCoverage(
      [
        table('shop', 'fresh', { createdAt: NOW - 2 * DAY }),
        table('shop', 'ancient', { createdAt: NOW - 30 * DAY }),
        table('shop', 'explicit_id', { createdAt: null }),
      ],
      [],
      NOW,
    );
    expect(statusOf(coverage, 'shop.fresh')).toMatchObject({ lastRepair: null, overdue: false, dueBy: NOW + 8 * DAY });
    expect(statusOf(coverage, 'shop.ancient')).toMatchObject({ lastRepair: null, overdue: true });
    expect(statusOf(coverage, 'shop.explicit_id')).toMatchObject({ lastRepair: null, overdue: true, dueBy: null });
  });

  it('does not credit a table with a run that began before it existed', () => {
    const coverage = repairCoverage(
      [table('shop', 'later', { createdAt: NOW - 5 * DAY })],
      [run('before', 'shop', 6)],
      NOW,
    );
    expect(statusOf(coverage, 'shop.later')).toMatchObject({ lastRepair: null, dueBy: NOW + 5 * DAY });
  });

  it('leaves out system keyspaces, gc_grace_seconds = 0, single-replica keyspaces and the metrics history, saying why', () => {
    const coverage = repairCoverage(
      [
        table('ringside', 'metrics_raw', { gcGraceSeconds: 10_800 }),
        table('system_auth', 'roles'),
        table('system', 'local'),
        table('shop', 'queue', { gcGraceSeconds: 0 }),
        table('scratch', 'notes', { replicas: 1 }),
        table('systemd_logs', 'lines'),
      ],
      [],
      NOW,
    );
    expect(coverage.tables.map((t) => `${t.keyspace}.${t.table}`)).toEqual(['systemd_logs.lines']);
    expect(coverage.skipped).toEqual([
      {
        keyspace: 'ringside',
        table: 'metrics_raw',
        why: 'Ringside’s own metrics history: written with a TTL, never deleted',
      },
      { keyspace: 'shop', table: 'queue', why: 'gc_grace_seconds = 0' },
      { keyspace: 'scratch', table: 'notes', why: '1 replica in all: nothing to repair' },
    ]);
  });

  it('says in one line when it was last repaired and when gc_grace runs out, in absolute times', () => {
    const coverage = repairCoverage([table('shop', 'carts')], [run('r1', 'shop', 12)], NOW);
    expect(statusLine(coverage.tables[0]!)).toBe(
      'shop.carts: last fully repaired as of 2025-06-18T12:00:00Z (run r1); gc_grace_seconds 864000 (10 d) ran out 2025-06-28T12:00:00Z',
    );
    const fresh = repairCoverage([table('shop', 'new', { createdAt: NOW - DAY })], [], NOW);
    expect(statusLine(fresh.tables[0]!)).toBe(
      'shop.new: never fully repaired by Ringside since it was created 2025-06-29T12:00:00Z; gc_grace_seconds 864000 (10 d) runs out 2025-07-09T12:00:00Z',
    );
    const unknown = repairCoverage([table('shop', 'x', { createdAt: null, gcGraceSeconds: 3600 })], [], NOW);
    expect(statusLine(unknown.tables[0]!)).toBe(
      'shop.x: never fully repaired by Ringside, age unknown (its id is not time-based); gc_grace_seconds 3600 (1 h)',
    );
  });
});
