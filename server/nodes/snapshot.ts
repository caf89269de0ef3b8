import 'server-only';
/**
 * One poll of a cluster: the node rows, every node's own gossip view (for the gossip and
 * disagreement views), and schema agreement. A failure is part of the snapshot, never thrown:
 * the page shows it and the next poll may recover.
 */
import type { ClusterConfig } from '../config';
import { ClusterUnreachableError } from '../cluster/errors';
import { driverFor } from '../cluster/registry';
import { readNodeViews, type NodeViewResult } from './node-view';
import { refusesConnection } from '../cluster/tcp-probe';
import { trafficOf } from '../cluster/traffic';
import { disagreementMatrix, type DisagreementMatrix } from '../gossip/disagreement';
import type { EndpointState } from '../gossip/endpoint-states';
import type { GossipEntry, ObserverView } from '../gossip/observer-view';

export type { GossipEntry, ObserverView } from '../gossip/observer-view';
import { mergeNodes, type DriverHost, type NodeRow } from './merge-nodes';
import { driverHosts, ipOf } from '../cluster/hosts';

/** A heartbeat that has not moved for this long is stalled (gossip rounds run every second). */
export const STALL_MS = 10_000;

export interface ClusterSnapshot {
  clusterId: string;
  clusterName: string | null;
  /** Set when CQL could not be reached at all (per contact point); Jolokia views may still be present. */
  error: string | null;
  unreachable: { host: string; reason: string }[] | null;
  nodes: NodeRow[];
  observers: ObserverView[];
  schemaVersions: { version: string; addresses: string[] }[];
  disagreement: DisagreementMatrix;
}

function hostPart(contactPoint: string): string {
  return contactPoint.includes(':') && !contactPoint.includes(']')
    ? contactPoint.slice(0, contactPoint.lastIndexOf(':'))
    : contactPoint;
}

function heartbeatProgress(
  previous: ClusterSnapshot | undefined,
  observer: string,
  state: EndpointState,
  now: number,
): Pick<GossipEntry, 'heartbeatAdvancing' | 'heartbeatChangedAt'> {
  const before = previous?.observers
    .find((o) => o.address === observer)
    ?.gossip.find((g) => g.endpoint === state.endpoint);
  if (!before || before.heartbeat === null || state.heartbeat === null)
    return { heartbeatAdvancing: null, heartbeatChangedAt: null };
  const changed = state.generation !== before.generation || state.heartbeat > before.heartbeat;
  const changedAt = changed ? now : before.heartbeatChangedAt;
  return { heartbeatChangedAt: changedAt, heartbeatAdvancing: changedAt === null ? null : now - changedAt <= STALL_MS };
}

export function observerViews(
  results: NodeViewResult[],
  previous: ClusterSnapshot | undefined,
  now = Date.now(),
): ObserverView[] {
  return results.map((result) => {
    if ('error' in result)
      return { address: result.address, error: result.error.message, schemaVersion: null, gossip: [] };
    const view = result.view;
    return {
      address: result.address,
      error: null,
      schemaVersion: view.schemaVersion,
      gossip: view.gossip.map((state) => ({
        ...state,
        address: ipOf(state.endpoint),
        fdStatus: view.failureDetector[state.endpoint] ?? null,
        phi: view.phi[state.endpoint] ?? null,
        ...heartbeatProgress(previous, result.address, state, now),
      })),
    };
  });
}

export async function collectSnapshot(
  cluster: ClusterConfig,
  previous: ClusterSnapshot | undefined,
): Promise<ClusterSnapshot> {
  trafficOf(cluster.id).polls++;
  let hosts: DriverHost[] = [];
  let failure: ClusterUnreachableError | null = null;
  try {
    hosts = driverHosts(await driverFor(cluster.id));
  } catch (error) {
    if (!(error instanceof ClusterUnreachableError)) throw error;
    failure = error;
  }
  // Without the driver, ask the nodes we knew of, or the contact points; their gossip names the rest.
  const asked =
    hosts.length > 0
      ? hosts.map((h) => h.address)
      : previous?.nodes.length
        ? previous.nodes.map((n) => n.address)
        : cluster.contactPoints.map(hostPart);
  let results = await readNodeViews(cluster, asked);
  const mentioned = results.flatMap((r) => ('view' in r ? [...r.view.live, ...r.view.unreachable].map(ipOf) : []));
  const missed = [...new Set(mentioned)].filter((address) => !asked.includes(address));
  if (missed.length > 0) results = [...results, ...(await readNodeViews(cluster, missed))];

  const refused = results.filter((r) => 'error' in r && r.error.failure === 'refused').map((r) => r.address);
  trafficOf(cluster.id).tcpProbes += refused.length;
  const probes = await Promise.all(
    refused.map(async (address) => ((await refusesConnection(address, cluster.port)) ? [address] : [])),
  );
  const nodes = mergeNodes(hosts, results, new Set(probes.flat()));

  const schema = new Map<string, string[]>();
  for (const node of nodes)
    if (node.schemaVersion) schema.set(node.schemaVersion, [...(schema.get(node.schemaVersion) ?? []), node.address]);
  const observers = observerViews(results, previous);
  return {
    clusterId: cluster.id,
    clusterName: results.flatMap((r) => ('view' in r ? [r.view.clusterName] : []))[0] ?? previous?.clusterName ?? null,
    error: failure?.message ?? null,
    unreachable: failure?.perHost ?? null,
    nodes,
    observers,
    schemaVersions: [...schema].map(([version, addresses]) => ({ version, addresses })),
    disagreement: disagreementMatrix(observers),
  };
}
