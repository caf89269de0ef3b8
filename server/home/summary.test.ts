import { describe, expect, it } from 'vitest';
import { recordedSnapshot } from '@/testing/recorded-snapshot';
import type { AlertsView } from '../alerts/alerts-view';
import type { Incident, IncidentAlert } from '../alerts/alert-store';
import { alertCounts, clusterSummary, LISTED_NODES, sameSummary } from './summary';
import type { ClusterSnapshot } from '../nodes/snapshot';

const demo = { id: 'demo', name: 'Local demo cluster' };
const at = (value: ClusterSnapshot, pollError: string | null = null) => ({
  value,
  takenAt: new Date(1_700_000_000_000),
  pollError: pollError ? { message: pollError, at: new Date(), consecutiveFailures: 2 } : null,
});

function alert(state: IncidentAlert['state'], silencedBy: string | null = null): IncidentAlert {
  return {
    fingerprint: `f-${Math.random()}`,
    ruleId: 'node-down',
    ruleName: 'Node down',
    severity: 'critical',
    labels: { node: '127.0.0.3' },
    state,
    firedAt: 1,
    detail: '',
    silencedBy,
    mutedBy: null,
  } as IncidentAlert;
}

function view(incidents: Pick<Incident, 'members' | 'muted'>[]): AlertsView {
  return {
    clusterId: 'demo',
    monitored: true,
    monitorError: null,
    incidents: incidents.map((i, n) => ({ ...i, id: `i${n}`, state: 'firing', openedAt: n }) as Incident),
    alertingNodes: [],
    probes: [],
    silences: [],
  };
}

describe('clusterSummary', () => {
  it('counts the recorded three-node cluster up per DC, one schema version, the load summed', () => {
    const snapshot = recordedSnapshot('three-up');
    const summary = clusterSummary(demo, at(snapshot), undefined);
    expect(summary).toMatchObject({
      id: 'demo',
      name: 'Local demo cluster',
      takenAt: 1_700_000_000_000,
      error: null,
      nothingAnswers: false,
      up: 3,
      total: 3,
      dcs: [
        { dc: 'dc1', up: 2, total: 2 },
        { dc: 'dc2', up: 1, total: 1 },
      ],
      down: [],
      downCount: 0,
      agentErrorCount: 0,
      schemaVersions: 1,
      alerts: null,
    });
    const loads = snapshot.nodes.map((n) => n.loadBytes!);
    expect(loads.every((l) => l > 0)).toBe(true);
    expect(summary.loadBytes).toBe(loads.reduce((a, b) => a + b, 0));
  });

  it('names a killed node as down in its DC, and its agent as out of reach', () => {
    const summary = clusterSummary(demo, at(recordedSnapshot('node3-killed')), undefined);
    expect(summary.up).toBe(2);
    expect(summary.dcs).toEqual([
      { dc: 'dc1', up: 2, total: 2 },
      { dc: 'dc2', up: 0, total: 1 },
    ]);
    expect(summary.down).toEqual(['127.0.0.3']);
    expect(summary.downCount).toBe(1);
    expect(summary.agentErrors).toHaveLength(1);
    expect(summary.agentErrors[0]?.address).toBe('127.0.0.3');
    expect(summary.agentErrors[0]?.error).toContain('Jolokia refused connection');
  });

  it('carries the CQL failure and says when no agent answered either', () => {
    const message =
      'Cannot reach cluster no-cql: no contact point answered (127.0.0.99:9042: connect ECONNREFUSED 127.0.0.99:9042)';
    const base = recordedSnapshot('three-up', 'no-cql', { message, perHost: [] });
    const nobody: ClusterSnapshot = {
      ...base,
      nodes: [],
      observers: base.observers.map((o) => ({ ...o, error: 'refused' })),
      schemaVersions: [],
    };
    const summary = clusterSummary({ id: 'no-cql', name: 'no-cql' }, at(nobody, 'poll timed out'), undefined);
    expect(summary.error).toBe(message);
    expect(summary.nothingAnswers).toBe(true);
    expect(summary.pollError).toBe('poll timed out');
    expect(summary.total).toBe(0);
    expect(summary.loadBytes).toBeNull();
    // The agents still answering: not "nothing answers".
    expect(clusterSummary({ id: 'no-cql', name: 'no-cql' }, at(base), undefined).nothingAnswers).toBe(false);
  });

  it('before the first snapshot says nothing is known yet', () => {
    const summary = clusterSummary(demo, undefined, undefined);
    expect(summary.takenAt).toBeNull();
    expect(summary.total).toBe(0);
    expect(summary.dcs).toEqual([]);
  });

  it('lists at most a few down nodes by name, counting them all', () => {
    const snapshot = recordedSnapshot('three-up');
    const many = Array.from({ length: LISTED_NODES + 3 }, (_, i) => ({
      ...snapshot.nodes[0]!,
      address: `10.0.0.${i}`,
      status: 'Down' as const,
    }));
    const summary = clusterSummary(demo, at({ ...snapshot, nodes: many }), undefined);
    expect(summary.down).toHaveLength(LISTED_NODES);
    expect(summary.downCount).toBe(LISTED_NODES + 3);
  });
});

describe('alertCounts', () => {
  it('counts firing member alerts that no silence covers, and open incidents', () => {
    const counts = alertCounts(
      view([
        { members: [alert('firing'), alert('firing', 'silence-1'), alert('pending')], muted: [alert('firing')] },
        { members: [alert('firing')], muted: [] },
      ]),
    );
    expect(counts).toEqual({ monitored: true, incidents: 2, firing: 2, error: null });
    expect(alertCounts(undefined)).toBeNull();
  });
});

describe('sameSummary', () => {
  it('ignores when the snapshot was taken, not what it says', () => {
    const a = clusterSummary(demo, at(recordedSnapshot('three-up')), undefined);
    expect(sameSummary(a, { ...a, takenAt: 1 })).toBe(true);
    expect(sameSummary(a, { ...a, up: 2 })).toBe(false);
  });
});
