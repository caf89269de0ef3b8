/**
 * What the home page's card of one cluster shows, folded from what the shared pollers already hold:
 * the topology snapshot (nodes up per DC, schema versions, load, what failed) and the alerts view
 * (firing alerts). Pure: no network, no store; a card is a few hundred bytes whatever the node count.
 */
import type { AlertsView } from '../alerts/alerts-view';
import type { PollError } from '../live/shared-poller';
import type { ClusterSnapshot } from '../nodes/snapshot';

/** Names listed on a card (down nodes, nodes whose agent is out of reach); the count says how many more. */
export const LISTED_NODES = 5;

export interface DcCount {
  dc: string;
  up: number;
  total: number;
}

export interface NodeProblem {
  address: string;
  error: string;
}

export interface AlertCounts {
  /** False when the cluster is not watched (`alerts.monitorClusters`): nothing is evaluated for it. */
  monitored: boolean;
  /** Open incidents. */
  incidents: number;
  /** Member alerts firing and not silenced. */
  firing: number;
  /** Why the monitor could not evaluate, if it could not. */
  error: string | null;
}

export interface ClusterSummary {
  id: string;
  name: string;
  /** When the shared poller took the snapshot (ms since the epoch); null before its first. */
  takenAt: number | null;
  /** CQL could not be reached: the driver's message, naming each contact point and what failed. */
  error: string | null;
  /** Neither CQL nor any node's agent answered: nothing below is first-hand. */
  nothingAnswers: boolean;
  /** The poller's last polls failed: the counts are those of `takenAt`. */
  pollError: string | null;
  up: number;
  total: number;
  dcs: DcCount[];
  /** The first LISTED_NODES down nodes, by address; `downCount` counts them all. */
  down: string[];
  downCount: number;
  /** Nodes whose Jolokia agent did not answer (the first LISTED_NODES); `agentErrorCount` counts them all. */
  agentErrors: NodeProblem[];
  agentErrorCount: number;
  /** Schema versions the nodes report: one means agreement, none that nobody could say. */
  schemaVersions: number;
  /** The sum of the nodes' load in bytes; null when no node's load is known. */
  loadBytes: number | null;
  alerts: AlertCounts | null;
}

export type SnapshotState = { value: ClusterSnapshot; takenAt: Date; pollError: PollError | null } | undefined;

export function alertCounts(view: AlertsView | undefined): AlertCounts | null {
  if (!view) return null;
  let firing = 0;
  for (const incident of view.incidents)
    for (const alert of incident.members) if (alert.state === 'firing' && !alert.silencedBy) firing++;
  return { monitored: view.monitored, incidents: view.incidents.length, firing, error: view.monitorError };
}

export function clusterSummary(
  cluster: { id: string; name: string },
  snapshot: SnapshotState,
  alerts: AlertsView | undefined,
): ClusterSummary {
  const summary: ClusterSummary = {
    id: cluster.id,
    name: cluster.name,
    takenAt: null,
    error: null,
    nothingAnswers: false,
    pollError: null,
    up: 0,
    total: 0,
    dcs: [],
    down: [],
    downCount: 0,
    agentErrors: [],
    agentErrorCount: 0,
    schemaVersions: 0,
    loadBytes: null,
    alerts: alertCounts(alerts),
  };
  if (!snapshot) return summary;
  const { value } = snapshot;
  const dcs = new Map<string, DcCount>();
  const down: string[] = [];
  const agentErrors: NodeProblem[] = [];
  let load: number | null = null;
  for (const node of value.nodes) {
    const dc = node.dc ?? '(unknown DC)';
    const count = dcs.get(dc) ?? { dc, up: 0, total: 0 };
    count.total++;
    if (node.status === 'Up') count.up++;
    else if (node.status === 'Down') down.push(node.address);
    dcs.set(dc, count);
    if (node.jolokiaError) agentErrors.push({ address: node.address, error: node.jolokiaError });
    if (node.loadBytes !== null) load = (load ?? 0) + node.loadBytes;
  }
  return {
    ...summary,
    takenAt: snapshot.takenAt.getTime(),
    error: value.error,
    nothingAnswers: value.error !== null && value.observers.every((o) => o.error !== null),
    pollError: snapshot.pollError?.message ?? null,
    up: value.nodes.filter((n) => n.status === 'Up').length,
    total: value.nodes.length,
    dcs: [...dcs.values()].sort((a, b) => a.dc.localeCompare(b.dc)),
    down: down.slice(0, LISTED_NODES),
    downCount: down.length,
    agentErrors: agentErrors.slice(0, LISTED_NODES),
    agentErrorCount: agentErrors.length,
    schemaVersions: value.schemaVersions.length,
    loadBytes: load,
  };
}

/** Whether two summaries say the same thing, leaving aside when the snapshot was taken. */
export function sameSummary(a: ClusterSummary, b: ClusterSummary): boolean {
  return JSON.stringify({ ...a, takenAt: 0 }) === JSON.stringify({ ...b, takenAt: 0 });
}
