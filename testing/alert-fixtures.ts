/** Alerts as the server sends them, for the alerts components' tests. */
import type { AlertsView, Incident, IncidentAlert, SilenceView } from '@/components/alerts/alert-format';

const labelsOf = (ruleId: string, node: string) => ({
  alertname: ruleId,
  cluster: 'demo',
  dc: 'dc2',
  node,
  rack: 'rack1',
});
const fingerprintOf = (labels: Record<string, string>) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');

export function alertOf(
  ruleId: string,
  ruleName: string,
  node: string,
  change: Partial<IncidentAlert> = {},
): IncidentAlert {
  const labels = labelsOf(ruleId, node);
  return {
    fingerprint: fingerprintOf(labels),
    ruleId,
    ruleName,
    severity: 'critical',
    labels,
    state: 'firing',
    firedAt: Date.UTC(2024, 0, 2, 10, 0, 0),
    detail: '',
    silencedBy: null,
    mutedBy: null,
    ...change,
  };
}

export const NODE_DOWN = alertOf('node-down', 'Node down', '127.0.0.3', { detail: 'Down (not-listening)' });
export const NOT_ANSWERING = alertOf('node-not-answering', 'Node not answering', '127.0.0.3', {
  detail: 'connection refused',
  silencedBy: 'silence-1',
});
export const AGENT_MUTED = alertOf('agent-unreachable', 'Stats agent unreachable', '127.0.0.3', {
  severity: 'warning',
  detail: 'Jolokia refused connection',
  mutedBy: NODE_DOWN.fingerprint,
});

export const INCIDENT: Incident = {
  id: '6f1c2a4e-0000-4000-8000-000000000001',
  clusterId: 'demo',
  key: 'demo/availability',
  title: 'Node down or not answering: 127.0.0.3',
  severity: 'critical',
  state: 'firing',
  openedAt: Date.UTC(2024, 0, 2, 10, 0, 0),
  resolvedAt: null,
  notifiedFiring: true,
  notifiedResolved: false,
  members: [NODE_DOWN, NOT_ANSWERING],
  muted: [AGENT_MUTED],
};

export const SILENCE: SilenceView = {
  id: 'silence-1',
  matchers: [
    { name: 'cluster', op: '=', value: 'demo' },
    { name: 'node', op: '=', value: '127.0.0.3' },
  ],
  startsAt: Date.UTC(2024, 0, 2, 9, 0, 0),
  endsAt: Date.UTC(2024, 0, 2, 13, 0, 0),
  comment: 'replacing the disk of node 3',
  createdBy: 'ops@example.com',
  createdAt: Date.UTC(2024, 0, 2, 9, 0, 0),
  expiredAt: null,
  state: 'active',
};

export function viewOf(change: Partial<AlertsView> = {}): AlertsView {
  return {
    clusterId: 'demo',
    monitored: true,
    monitorError: null,
    incidents: [INCIDENT],
    alertingNodes: ['127.0.0.3'],
    probes: [
      { address: '127.0.0.1', answering: true, reason: null, since: Date.UTC(2024, 0, 2, 8), latencyMs: 3 },
      {
        address: '127.0.0.3',
        answering: false,
        reason: 'connection refused',
        since: Date.UTC(2024, 0, 2, 10),
        latencyMs: 1,
      },
    ],
    silences: [SILENCE],
    ...change,
  };
}
