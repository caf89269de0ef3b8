/**
 * The evaluator against a real console store (a temporary SQLite file): instance states, incidents
 * and the notifications they queue, step by step. The snapshots are built here in the console's own
 * snapshot shape; that they match the real cluster is the integration test's business.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTemporaryConfig } from '@/testing/unit-config';
import type { NodeRow } from '../nodes/merge-nodes';
import type { ClusterSnapshot } from '../nodes/snapshot';
import { openStore, type Store } from '../store/database';
import { listIncidents } from './alert-store';
import { evaluateCluster } from './evaluator';
import type { MonitorInputs, ProbeVerdict } from './observations';
import { alertRuleSchema } from './rule-schema';
import type { Silence } from './silences';
import { STARTER_RULES } from './starter-rules';

const RULES = STARTER_RULES.map((r) => alertRuleSchema.parse(r));
const ADDRESSES = ['10.0.0.1', '10.0.0.2', '10.0.0.3'];

function node(address: string, status: NodeRow['status'], jolokiaError: string | null = null): NodeRow {
  return {
    hostId: `host-${address}`,
    address,
    endpoint: `${address}:7000`,
    dc: address === '10.0.0.3' ? 'dc2' : 'dc1',
    rack: 'rack1',
    status,
    seenDownBy: status === 'Down' ? ['10.0.0.1'] : [],
    downReason: status === 'Down' ? 'gossip' : null,
    state: 'Normal',
    loadBytes: 1,
    tokenCount: 16,
    releaseVersion: '5.0.9',
    schemaVersion: 'v1',
    operationMode: 'NORMAL',
    uptimeMs: 1,
    heapUsedBytes: 1,
    heapMaxBytes: 2,
    jolokiaError,
  };
}

function snapshot(nodes: NodeRow[]): ClusterSnapshot {
  return {
    clusterId: 'prod',
    clusterName: 'Prod',
    error: null,
    unreachable: null,
    nodes,
    observers: [],
    schemaVersions: [{ version: 'v1', addresses: nodes.filter((n) => n.status === 'Up').map((n) => n.address) }],
    disagreement: { observers: [], endpoints: [], cells: [] } as unknown as ClusterSnapshot['disagreement'],
  };
}

const answering = (down: string[] = []) =>
  new Map<string, ProbeVerdict>(
    ADDRESSES.map((a) => [
      a,
      down.includes(a) ? { answering: false, reason: 'connection refused' } : { answering: true, reason: null },
    ]),
  );

let db: Store;
let lastSeen: Map<string, number>;
let silences: Silence[];
beforeEach(() => {
  useTemporaryConfig({ clusters: [{ id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1' }] });
  db = openStore(mkdtempSync(join(tmpdir(), 'ringside-alerts-')));
  lastSeen = new Map();
  silences = [];
});

function evaluate(inputs: Partial<MonitorInputs>, now: number) {
  return evaluateCluster({
    db,
    rules: RULES,
    silences,
    inputs: {
      clusterId: 'prod',
      snapshot: undefined,
      pollError: null,
      metrics: undefined,
      probes: new Map(),
      ...inputs,
    },
    now,
    lastSeen,
  });
}

function notifications(): {
  type: string;
  dedupKey: string;
  summary: string;
  data: { incident: { muted: unknown[] } };
}[] {
  return (
    db.prepare('SELECT body FROM notify_notifications ORDER BY occurred_at, rowid').all() as { body: string }[]
  ).map((row) => JSON.parse(row.body));
}

const healthy = snapshot(ADDRESSES.map((a) => node(a, 'Up')));
const node3Down = snapshot([node('10.0.0.1', 'Up'), node('10.0.0.2', 'Up'), node('10.0.0.3', 'Down')]);

describe('alert evaluation', () => {
  it('pages once for a killed node, lets later signals join the incident, and resolves it once', () => {
    const t0 = 1_000_000;
    expect(evaluate({ snapshot: healthy, probes: answering() }, t0).notified).toEqual([]);
    // The probe sees it first …
    evaluate({ snapshot: healthy, probes: answering(['10.0.0.3']) }, t0 + 1000);
    // … then gossip convicts it, and its agent stops answering for longer than 30 s.
    const agentGone = snapshot([node('10.0.0.1', 'Up'), node('10.0.0.2', 'Up'), node('10.0.0.3', 'Down')]);
    evaluate({ snapshot: agentGone, probes: answering(['10.0.0.3']) }, t0 + 15_000);
    const firing = notifications();
    expect(firing.map((n) => n.type)).toEqual(['alert.firing']);
    const [incident] = listIncidents(db, { clusterId: 'prod', limit: 10 });
    expect(incident?.title).toBe('Node down or not answering: 10.0.0.3');
    expect(incident?.members.map((m) => m.ruleId).sort()).toEqual(['node-down', 'node-not-answering']);

    // Back: the probe answers, gossip says Up.
    evaluate({ snapshot: healthy, probes: answering() }, t0 + 60_000);
    const all = notifications();
    expect(all.map((n) => n.type)).toEqual(['alert.firing', 'alert.resolved']);
    expect(all[1]?.dedupKey).toBe(all[0]?.dedupKey);
    expect(listIncidents(db, { clusterId: 'prod', state: 'firing', limit: 10 })).toEqual([]);
  });

  it('lists a down node’s own agent alert as a muted child, not a page of its own', () => {
    const t0 = 2_000_000;
    evaluate({ snapshot: healthy, probes: answering() }, t0);
    // The agent is gone while gossip still says Up: the agent rule waits its 30 s …
    const agentOnly = snapshot([node('10.0.0.1', 'Up'), node('10.0.0.2', 'Up'), node('10.0.0.3', 'Up', 'refused')]);
    evaluate({ snapshot: agentOnly, probes: answering() }, t0 + 1000);
    evaluate({ snapshot: agentOnly, probes: answering(['10.0.0.3']) }, t0 + 2000);
    evaluate({ snapshot: agentOnly, probes: answering(['10.0.0.3']) }, t0 + 40_000);
    const [incident] = listIncidents(db, { clusterId: 'prod', state: 'firing', limit: 10 });
    expect(incident?.muted.map((m) => [m.ruleId, m.mutedBy])).toEqual([
      ['agent-unreachable', 'alertname=node-not-answering,cluster=prod,dc=dc2,node=10.0.0.3,rack=rack1'],
    ]);
    expect(notifications().map((n) => n.type)).toEqual(['alert.firing']);
  });

  it('neither pages again nor forgets after a restart (a new evaluator memory on the same store)', () => {
    const t0 = 3_000_000;
    evaluate({ snapshot: node3Down, probes: answering(['10.0.0.3']) }, t0);
    lastSeen = new Map();
    evaluate({ snapshot: node3Down, probes: answering(['10.0.0.3']) }, t0 + 5000);
    expect(notifications().map((n) => n.type)).toEqual(['alert.firing']);
    lastSeen = new Map();
    evaluate({ snapshot: healthy, probes: answering() }, t0 + 10_000);
    expect(notifications().map((n) => n.type)).toEqual(['alert.firing', 'alert.resolved']);
  });

  it('sends nothing for a silenced incident, and pages once its silence ends if it still fires', () => {
    const t0 = 4_000_000;
    silences = [
      {
        id: 'maint',
        matchers: [{ name: 'node', op: '=', value: '10.0.0.3' }],
        startsAt: t0 - 1,
        endsAt: t0 + 10_000,
        comment: 'disk swap',
        createdBy: 'ana@example.com',
        createdAt: t0 - 1,
        expiredAt: null,
      },
    ];
    evaluate({ snapshot: node3Down, probes: answering(['10.0.0.3']) }, t0);
    expect(notifications()).toEqual([]);
    expect(listIncidents(db, { clusterId: 'prod', state: 'firing', limit: 10 })[0]?.members[0]?.silencedBy).toBe(
      'maint',
    );
    evaluate({ snapshot: node3Down, probes: answering(['10.0.0.3']) }, t0 + 10_001);
    expect(notifications().map((n) => n.type)).toEqual(['alert.firing']);
  });

  it('does not page for a silenced incident that ends inside its silence', () => {
    const t0 = 5_000_000;
    silences = [
      {
        id: 'maint',
        matchers: [{ name: 'cluster', op: '=', value: 'prod' }],
        startsAt: t0 - 1,
        endsAt: t0 + 60_000,
        comment: 'rolling restart',
        createdBy: 'ana@example.com',
        createdAt: t0 - 1,
        expiredAt: null,
      },
    ];
    evaluate({ snapshot: node3Down, probes: answering(['10.0.0.3']) }, t0);
    evaluate({ snapshot: healthy, probes: answering() }, t0 + 5000);
    expect(notifications()).toEqual([]);
  });

  it('mutes the nodes of a cluster it cannot reach under one incident', () => {
    const t0 = 6_000_000;
    evaluate({ snapshot: node3Down, probes: answering(['10.0.0.3']) }, t0);
    evaluate(
      {
        snapshot: { ...node3Down, error: 'could not connect over CQL to any contact point' },
        probes: answering(ADDRESSES),
      },
      t0 + 1000,
    );
    const open = listIncidents(db, { clusterId: 'prod', state: 'firing', limit: 10 });
    expect(open).toHaveLength(1);
    expect(open[0]?.members.map((m) => m.ruleId)).toEqual(['cluster-unreachable']);
    expect(open[0]?.muted.length).toBeGreaterThanOrEqual(3);
    expect(notifications().map((n) => n.type)).toEqual(['alert.firing']);
  });
});
