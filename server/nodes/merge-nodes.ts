/**
 * Merges what the driver knows (system.peers: address, DC, rack, tokens) with what every node's
 * own gossip says over Jolokia (who is Up, who is joining/leaving/moving, load) into one row per
 * node. Pure: it sees no network, so it is tested with answers recorded from the real cluster.
 */
import type { NodeView, NodeViewResult } from '../cluster/node-view';

export interface DriverHost {
  address: string;
  hostId: string | null;
  dc: string | null;
  rack: string | null;
  up: boolean;
  releaseVersion: string | null;
  tokenCount: number | null;
}

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
  state: NodeState;
  loadBytes: number | null;
  tokenCount: number | null;
  releaseVersion: string | null;
  schemaVersion: string | null;
  operationMode: string | null;
  /** Why this node's own Jolokia view is missing, if it is. */
  jolokiaError: string | null;
}

const UNITS: Record<string, number> = { bytes: 1, B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4, PiB: 1024 ** 5 };

/** Parses Cassandra's human load strings ("145.9 KiB") as LoadMap reports them. */
export function parseLoad(text: string): number | null {
  const match = /^\s*([\d.]+)\s*([A-Za-z]+)\s*$/.exec(text);
  if (!match || !(match[2] in UNITS)) return null;
  return Math.round(Number(match[1]) * UNITS[match[2]]);
}

const ipOf = (endpoint: string) => endpoint.slice(0, endpoint.lastIndexOf(':'));

function compareAddresses(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  if (pa.length === 4 && pb.length === 4 && pa.every(Number.isFinite) && pb.every(Number.isFinite)) {
    for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
    return 0;
  }
  return a.localeCompare(b);
}

/** Up or Down from the peers' gossip, as `nodetool status` on any of them would say. */
function statusOf(endpoint: string | null, address: string, views: NodeView[], driverUp: boolean | undefined): { status: NodeStatus; seenDownBy: string[] } {
  if (endpoint) {
    const peers = views.filter((v) => v.address !== address && (v.live.includes(endpoint) || v.unreachable.includes(endpoint)));
    const seenDownBy = peers.filter((v) => v.unreachable.includes(endpoint)).map((v) => v.address);
    if (peers.length > 0) return { status: seenDownBy.length > 0 ? 'Down' : 'Up', seenDownBy };
    if (views.some((v) => v.address === address)) return { status: 'Up', seenDownBy: [] };
  }
  if (driverUp !== undefined) return { status: driverUp ? 'Up' : 'Down', seenDownBy: [] };
  return { status: 'Unknown', seenDownBy: [] };
}

function stateOf(endpoint: string | null, views: NodeView[]): NodeState {
  if (!endpoint) return 'Unknown';
  if (views.some((v) => v.joining.includes(endpoint))) return 'Joining';
  if (views.some((v) => v.leaving.includes(endpoint))) return 'Leaving';
  if (views.some((v) => v.moving.includes(endpoint))) return 'Moving';
  return views.length > 0 ? 'Normal' : 'Unknown';
}

export function mergeNodes(hosts: DriverHost[], results: NodeViewResult[]): NodeRow[] {
  const views = results.flatMap((r) => ('view' in r ? [r.view] : []));
  const errors = new Map(results.flatMap((r) => ('error' in r ? [[r.address, r.error.message] as const] : [])));
  const endpointByHostId = new Map<string, string>();
  for (const view of views) for (const [hostId, endpoint] of Object.entries(view.endpointByHostId)) endpointByHostId.set(hostId, endpoint);
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
    const { status, seenDownBy } = statusOf(endpoint, address, views, host?.up);
    const observedLoad = endpoint ? views.map((v) => v.loadByEndpoint[endpoint]).find((l) => l !== undefined) : undefined;
    return {
      hostId,
      address,
      endpoint,
      dc: host?.dc ?? own?.dc ?? null,
      rack: host?.rack ?? own?.rack ?? null,
      status,
      seenDownBy,
      state: stateOf(endpoint, views),
      loadBytes: own?.loadBytes ?? (observedLoad ? parseLoad(observedLoad) : null),
      tokenCount: host?.tokenCount ?? null,
      releaseVersion: own?.releaseVersion ?? host?.releaseVersion ?? null,
      schemaVersion: own?.schemaVersion ?? null,
      operationMode: own?.operationMode ?? null,
      jolokiaError: own ? null : (errors.get(address) ?? 'no Jolokia view of this node was asked for'),
    };
  });
  return rows.sort((a, b) => (a.dc ?? '').localeCompare(b.dc ?? '') || compareAddresses(a.address, b.address));
}
