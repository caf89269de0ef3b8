import 'server-only';
/**
 * What the alerts page and the node table show live: the open incidents with their alerts and muted
 * children, each node's "answers CQL" verdict beside Cassandra's own, and the silences in force.
 * Read from the console's store and the monitor's memory — never from the cluster — by one shared
 * poller per cluster, so the number of open pages changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { SharedPoller } from '../live/shared-poller';
import { processSingleton } from '../process-singleton';
import { getStore } from '../store';
import { expireSilence, insertSilence, listSilences, openIncidents, type Incident } from './alert-store';
import { monitorFor } from './monitor';
import { silenceState, type Silence, type SilenceInput, type SilenceState } from './silences';

const VIEW_INTERVAL_MS = 1000;

export interface NodeVerdict {
  address: string;
  answering: boolean;
  reason: string | null;
  since: number;
  latencyMs: number;
}

export interface SilenceView extends Silence {
  state: SilenceState;
}

export interface AlertsView {
  clusterId: string;
  /** False when the cluster is not watched (`alerts.monitorClusters`): nothing here is evaluated. */
  monitored: boolean;
  monitorError: string | null;
  incidents: Incident[];
  /** Nodes with a firing alert of their own (member or muted), for the node table and the ring. */
  alertingNodes: string[];
  probes: NodeVerdict[];
  silences: SilenceView[];
}

/** Every silence is made for one cluster (createSilence pins its `cluster` matcher): those of this one. */
export function silencesOf(clusterId: string, now = Date.now()): SilenceView[] {
  return listSilences(getStore())
    .filter((s) => s.matchers.some((m) => m.name === 'cluster' && m.op === '=' && m.value === clusterId))
    .map((s) => ({ ...s, state: silenceState(s, now) }));
}

export function alertsView(clusterId: string): AlertsView {
  const monitor = monitorFor(clusterId);
  const incidents = openIncidents(getStore(), clusterId).sort((a, b) => b.openedAt - a.openedAt);
  const alertingNodes = new Set<string>();
  for (const incident of incidents)
    for (const alert of [...incident.members, ...incident.muted])
      if (alert.labels.node) alertingNodes.add(alert.labels.node);
  return {
    clusterId,
    monitored: monitor !== undefined,
    monitorError: monitor?.lastError ?? null,
    incidents,
    alertingNodes: [...alertingNodes].sort(),
    probes: [...(monitor?.probes ?? new Map())].map(([address, s]) => ({
      address,
      answering: s.answering,
      reason: s.reason,
      since: s.since,
      latencyMs: s.latencyMs,
    })),
    silences: silencesOf(clusterId).filter((s) => s.state !== 'expired'),
  };
}

const pollers = processSingleton('alerts-view-pollers', () => new Map<string, SharedPoller<AlertsView>>());

export function alertsViewPoller(clusterId: string): SharedPoller<AlertsView> {
  let poller = pollers.get(clusterId);
  if (!poller) {
    const created = new SharedPoller<AlertsView>(async () => alertsView(clusterId), VIEW_INTERVAL_MS, undefined, {
      poller: 'alerts-view',
      clusterId,
    });
    // A node that stops answering shows at once, not at the next tick.
    monitorFor(clusterId)?.onProbe(() => created.nudge());
    poller = created;
    pollers.set(clusterId, poller);
  }
  return poller;
}

/** Re-evaluates at once, so a new silence or rule counts now rather than at the next snapshot. */
export function reevaluate(clusterIds: readonly string[]): void {
  for (const id of clusterIds) monitorFor(id)?.evaluateNow();
  for (const id of clusterIds) pollers.get(id)?.nudge();
}

export class SilenceScopeError extends Error {}

/**
 * A silence belongs to the cluster it was made on: its `cluster = <id>` matcher is added when left
 * out, and one naming another cluster is refused, so an operator of one cluster silences nothing of
 * another.
 */
export function createSilence(
  clusterId: string,
  input: SilenceInput,
  createdBy: string,
  now = Date.now(),
): SilenceView {
  const clusterMatchers = input.matchers.filter((m) => m.name === 'cluster');
  if (clusterMatchers.some((m) => m.op !== '=' || m.value !== clusterId))
    throw new SilenceScopeError(
      `a silence made on cluster "${clusterId}" may only match cluster = ${clusterId}; make it on the other cluster's page`,
    );
  const matchers = clusterMatchers.length
    ? input.matchers
    : [{ name: 'cluster', op: '=' as const, value: clusterId }, ...input.matchers];
  const silence: Silence = { ...input, matchers, id: randomUUID(), createdBy, createdAt: now, expiredAt: null };
  insertSilence(getStore(), silence);
  reevaluate([clusterId]);
  return { ...silence, state: silenceState(silence, now) };
}

/** Ends one of the cluster's silences now; false when it has none by that id still running. */
export function endSilence(clusterId: string, id: string, now = Date.now()): boolean {
  if (!silencesOf(clusterId, now).some((s) => s.id === id)) return false;
  const ended = expireSilence(getStore(), id, now);
  if (ended) reevaluate([clusterId]);
  return ended;
}
