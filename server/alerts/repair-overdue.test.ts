/**
 * The repair-overdue rule: a table past its gc_grace_seconds since its last full repair (by Ringside)
 * fires, one alert per table, all of them one incident that pages once; a repair resolves it; no
 * coverage read (yet) or an unreachable cluster changes nothing. Against a real console store.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTemporaryConfig } from '@/testing/unit-config';
import { repairCoverage, type FullRepairRun, type TableGrace } from '../repair/gc-grace';
import { openStore, type Store } from '../store/database';
import { listIncidents, loadInstances } from './alert-store';
import { evaluateCluster } from './evaluator';
import { observe, type MonitorInputs } from './observations';
import { alertRuleSchema, type AlertRule } from './rule-schema';
import { STARTER_RULES } from './starter-rules';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 5, 30, 12);
const STARTER = alertRuleSchema.parse(STARTER_RULES.find((r) => r.id === 'repair-overdue'));
const RULE: AlertRule = { ...STARTER, enabled: true };

const tables: TableGrace[] = [
  { keyspace: 'shop', table: 'orders', gcGraceSeconds: 864_000, createdAt: T0 - 60 * DAY, replicas: 3 },
  { keyspace: 'shop', table: 'carts', gcGraceSeconds: 864_000, createdAt: T0 - 60 * DAY, replicas: 3 },
];
const run = (id: string, at: number, only: string[] = []): FullRepairRun => ({
  id,
  keyspace: 'shop',
  tables: only,
  incremental: false,
  repairedAsOf: at,
  finishedAt: at + 60_000,
  requestedBy: 'schedule s1',
});

let db: Store;
let lastSeen: Map<string, number>;
beforeEach(() => {
  useTemporaryConfig({ clusters: [{ id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1' }] });
  db = openStore(mkdtempSync(join(tmpdir(), 'ringside-repair-alerts-')));
  lastSeen = new Map();
});

const inputs = (runs: FullRepairRun[] | null, now: number, extra: Partial<MonitorInputs> = {}): MonitorInputs => ({
  clusterId: 'prod',
  snapshot: undefined,
  pollError: null,
  metrics: undefined,
  probes: new Map(),
  repairCoverage: runs === null ? undefined : repairCoverage(tables, runs, now),
  ...extra,
});

function evaluate(runs: FullRepairRun[] | null, now: number, rules: AlertRule[] = [RULE], extra = {}) {
  return evaluateCluster({ db, rules, silences: [], inputs: inputs(runs, now, extra), now, lastSeen });
}

function notifications(): { type: string; dedupKey: string }[] {
  return (
    db.prepare('SELECT body FROM notify_notifications ORDER BY occurred_at, rowid').all() as { body: string }[]
  ).map((row) => JSON.parse(row.body));
}

describe('the repair-overdue rule', () => {
  it('is in the starter catalogue, off: it knows only repairs run through Ringside', () => {
    expect(STARTER).toMatchObject({ kind: 'repair-overdue', enabled: false, severity: 'warning' });
    expect(evaluate([], T0, [STARTER]).opened).toEqual([]);
    expect(loadInstances(db, 'prod')).toEqual([]);
  });

  it('fires for each table past its gc_grace_seconds, as one incident paged once, and resolves after a repair', () => {
    // orders repaired 3 days ago; carts 12 days ago by a whole-keyspace run (gc_grace 10 days).
    const runs = [run('whole', T0 - 12 * DAY), run('orders', T0 - 3 * DAY, ['orders'])];
    expect(observe(RULE, inputs(runs, T0)).map((o) => [o.labels.table, o.observation])).toEqual([
      ['carts', 'breach'],
      ['orders', 'clear'],
    ]);
    const first = evaluate(runs, T0);
    expect(first.opened).toHaveLength(1);
    const [incident] = listIncidents(db, { clusterId: 'prod', state: 'firing', limit: 10 });
    expect(incident?.title).toBe('Table not repaired within gc_grace_seconds');
    expect(incident?.members.map((m) => m.labels)).toEqual([
      { alertname: 'repair-overdue', cluster: 'prod', keyspace: 'shop', table: 'carts' },
    ]);
    expect(incident?.members[0]?.detail).toBe(
      'shop.carts: last fully repaired as of 2025-06-18T12:00:00Z (run whole); gc_grace_seconds 864000 (10 d) ran out 2025-06-28T12:00:00Z',
    );

    // A minute later: the same, nothing new. Eight days later orders runs out too: it joins, no second page.
    evaluate(runs, T0 + 60_000);
    evaluate(runs, T0 + 8 * DAY);
    expect(notifications().map((n) => n.type)).toEqual(['alert.firing']);
    const [joined] = listIncidents(db, { clusterId: 'prod', state: 'firing', limit: 10 });
    expect(joined?.members.map((m) => m.labels.table).sort()).toEqual(['carts', 'orders']);

    // Coverage not read this time (the monitor restarted, the schema unread): nothing changes.
    evaluate(null, T0 + 8 * DAY + 60_000);
    expect(listIncidents(db, { clusterId: 'prod', state: 'firing', limit: 10 })).toHaveLength(1);

    // A whole-keyspace run: both repaired, the incident resolves with the same key.
    evaluate([...runs, run('again', T0 + 8 * DAY + 120_000)], T0 + 8 * DAY + 180_000);
    const sent = notifications();
    expect(sent.map((n) => n.type)).toEqual(['alert.firing', 'alert.resolved']);
    expect(sent[1]?.dedupKey).toBe(sent[0]?.dedupKey);
  });

  it('says nothing new while the cluster cannot be read', () => {
    expect(observe(RULE, inputs([], T0, { pollError: 'no node could run the query' }))).toEqual([]);
  });

  it('fires for a table never repaired only once gc_grace_seconds have passed since it was created', () => {
    const young: TableGrace[] = [
      { keyspace: 'shop', table: 'new', gcGraceSeconds: 3600, createdAt: T0 - 1800_000, replicas: 3 },
    ];
    const coverage = (now: number) => ({ ...inputs([], now), repairCoverage: repairCoverage(young, [], now) });
    expect(observe(RULE, coverage(T0)).map((o) => o.observation)).toEqual(['clear']);
    expect(observe(RULE, coverage(T0 + 1800_001)).map((o) => o.observation)).toEqual(['breach']);
  });
});
