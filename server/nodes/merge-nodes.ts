/**
 * Merges what the driver knows (system.peers: address, DC, rack, tokens) with what every node's
 * own gossip says over Jolokia (who is Up, who is joining/leaving/moving, load) into one row per
 * node. Pure: it sees no network, so it is tested with answers recorded from the real cluster.
 */
import type { NodeView, NodeViewResult } from './node-view';
import { ipOf, type DriverHost } from '../cluster/hosts';

export type { DriverHost } from '../cluster/hosts';

export type NodeStatus = 'Up' | 'Down' | 'Unknown';
export type NodeState = 'Normal' | 'Joining' | 'Leaving' | 'Moving' | 'Unknown';

export interface NodeRow {
  hostId: string | null;
  address: string;
  /** The storage endpoint (ip:port) gossip knows the node by. */
  endpoint: string | null;
  dc: string | null;
  rack: string | null;
  status: NodeStatus;
  /** Peers whose gossip holds this node unreachable: more than one name means a real outage, one alone a split view. */
  seenDownBy: string[];
  /** Why Down: peers' gossip convicted it, nothing listens on its ports any more, or only the driver says so. */
  downReason: 'gossip' | 'not-listening' | 'driver' | null;
  state: NodeState;
  loadBytes: number | null;
  tokenCount: number | null;
  releaseVersion: string | null;
  schemaVersion: string | null;
  operationMode: string | null;
  uptimeMs: number | null;
  heapUsedBytes: number | null;
  heapMaxBytes: number | null;
  /** Why this node's own Jolokia view is missing, if it is. */
  jolokiaError: string | null;
}

const UNITS: Record<string, number> = {
  bytes: 1,
  B: 1,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
  PiB: 1024 ** 5,
};

/** Parses Cassandra's human load strings ("145.9 KiB") as LoadMap reports them. */
export function parseLoad(text: string): number | null {
  const [, amount, unit] = /^\s*([\d.]+)\s*([A-Za-z]+)\s*$/.exec(text) ?? [];
  const factor = unit === undefined ? undefined : UNITS[unit];
  if (amount === undefined || factor === undefined) return null;
  return Math.round(Number(amount) * factor);
}

function compareAddresses(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  if (pa.length === 4 && pb.length === 4 && pa.every(Number.isFinite) && pb.every(Number.isFinite)) {
    for (const [i, x] of pa.entries()) {
      const y = pb[i] ?? 0; // both have four parts (checked above)
      if (x !== y) return x - y;
    }
    return 0;
  }
  return a.localeCompare(b);
}

type Verdict = Pick<NodeRow, 'status' | 'seenDownBy' | 'downReason'>;

/**
 * Up or Down from the peers' gossip, as `nodetool status` on any of them would say — except that a
 * node whose process refuses connections on both Jolokia and CQL is Down at once, seconds before
 * gossip convicts it.
 */
function statusOf(
  endpoint: string | null,
  address: string,
  views: NodeView[],
  driverUp: boolean | undefined,
  notListening: boolean,
): Verdict {
  const peers = endpoint
    ? views.filter((v) => v.address !== address && (v.live.includes(endpoint) || v.unreachable.includes(endpoint)))
    : [];
  const seenDownBy = peers.filter((v) => endpoint && v.unreachable.includes(endpoint)).map((v) => v.address);
  if (seenDownBy.length > 0) return { status: 'Down', seenDownBy, downReason: 'gossip' };
  if (notListening) return { status: 'Down', seenDownBy, downReason: 'not-listening' };
  if (peers.length > 0 || views.some((v) => v.address === address))
    return { status: 'Up', seenDownBy, downReason: null };
  if (driverUp !== undefined)
    return { status: driverUp ? 'Up' : 'Down', seenDownBy, downReason: driverUp ? null : 'driver' };
  return { status: 'Unknown', seenDownBy, downReason: null };
}

function stateOf(endpoint: string | null, views: NodeView[]): NodeState {
  if (!endpoint) return 'Unknown';
  if (views.some((v) => v.joining.includes(endpoint))) return 'Joining';
  if (views.some((v) => v.leaving.includes(endpoint))) return 'Leaving';
  if (views.some((v) => v.moving.includes(endpoint))) return 'Moving';
  return views.length > 0 ? 'Normal' : 'Unknown';
}

/** `notListening`: addresses whose Jolokia and CQL ports both refuse connections (the process is gone). */
export function mergeNodes(
  hosts: DriverHost[],
  results: NodeViewResult[],
  notListening: ReadonlySet<string> = new Set(),
): NodeRow[] {
  const views = results.flatMap((r) => ('view' in r ? [r.view] : []));
  const errors = new Map(results.flatMap((r) => ('error' in r ? [[r.address, r.error.message] as const] : [])));
  const endpointByHostId = new Map<string, string>();
  for (const view of views)
    for (const [hostId, endpoint] of Object.entries(view.endpointByHostId)) endpointByHostId.set(hostId, endpoint);
  const hostIdByEndpoint = new Map([...endpointByHostId].map(([hostId, endpoint]) => [endpoint, hostId]));

  // Every node anyone knows of: the driver's hosts, and every endpoint a node's gossip mentions.
  const known = new Map<string, { address: string; hostId: string | null; endpoint: string | null }>();
  for (const host of hosts) {
    const endpoint = host.hostId ? (endpointByHostId.get(host.hostId) ?? null) : null;
    known.set(host.hostId ?? `address:${host.address}`, { address: host.address, hostId: host.hostId, endpoint });
  }
  for (const view of views) {
    for (const endpoint of [...view.live, ...view.unreachable, ...view.joining, ...view.leaving, ...view.moving]) {
      const hostId = hostIdByEndpoint.get(endpoint) ?? null;
      const key = hostId ?? `address:${ipOf(endpoint)}`;
      if (!known.has(key)) known.set(key, { address: ipOf(endpoint), hostId, endpoint });
    }
  }

  const rows = [...known.values()].map(({ address, hostId, endpoint }): NodeRow => {
    const host = hosts.find((h) => (hostId && h.hostId === hostId) || h.address === address);
    const own = views.find((v) => v.address === address || (hostId !== null && v.hostId === hostId));
    const verdict = statusOf(endpoint, address, views, host?.up, notListening.has(address));
    const observedLoad = endpoint
      ? views.map((v) => v.loadByEndpoint[endpoint]).find((l) => l !== undefined)
      : undefined;
    return {
      hostId,
      address,
      endpoint,
      dc: host?.dc ?? own?.dc ?? null,
      rack: host?.rack ?? own?.rack ?? null,
      ...verdict,
      state: stateOf(endpoint, views),
      loadBytes: own?.loadBytes ?? (observedLoad ? parseLoad(observedLoad) : null),
      tokenCount: host?.tokenCount ?? null,
      releaseVersion: own?.releaseVersion ?? host?.releaseVersion ?? null,
      schemaVersion: own?.schemaVersion ?? null,
      operationMode: own?.operationMode ?? null,
      uptimeMs: own?.uptimeMs ?? null,
      heapUsedBytes: own?.heapUsedBytes ?? null,
      heapMaxBytes: own?.heapMaxBytes ?? null,
      jolokiaError: own ? null : (errors.get(address) ?? 'no Jolokia view of this node was asked for'),
    };
  });
  return rows.sort((a, b) => (a.dc ?? '').localeCompare(b.dc ?? '') || compareAddresses(a.address, b.address));
}
