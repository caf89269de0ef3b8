import 'server-only';
/**
 * The token ring from the driver's metadata: every range with its primary owner and, for a chosen
 * keyspace, its replicas (the driver applies the keyspace's replication strategy) and the
 * effective ownership that follows.
 */
import { UnknownKeyspaceError } from '../cluster/errors';
import { driverFor } from '../cluster/registry';
import { compareTokens, ownershipFromReplicas, type TokenRange } from './ring-math';
import { ipOf } from '../cluster/hosts';

export interface RingNode {
  address: string;
  hostId: string | null;
  dc: string;
  rack: string;
  tokens: number;
}

export interface RingRange extends TokenRange {
  owner: string;
  replicas: string[] | null;
}

export interface RingView {
  keyspace: string | null;
  nodes: RingNode[];
  ranges: RingRange[];
  /** Effective ownership per address for the keyspace (fraction of the ring), null without one. */
  ownership: Record<string, number> | null;
}

export async function ringView(clusterId: string, keyspace: string | null): Promise<RingView> {
  const client = await driverFor(clusterId);
  // A keyspace created moments ago may not have reached the driver's metadata yet.
  if (keyspace !== null && !client.metadata.keyspaces[keyspace]) await client.metadata.refreshKeyspace(keyspace);
  if (keyspace !== null && !client.metadata.keyspaces[keyspace]) {
    throw new UnknownKeyspaceError(clusterId, keyspace, Object.keys(client.metadata.keyspaces));
  }
  const hosts = client.hosts.values();
  const ownerOfToken = new Map<string, string>();
  for (const host of hosts) for (const token of host.tokens ?? []) ownerOfToken.set(token, ipOf(host.address));

  const ranges = [...client.metadata.getTokenRanges()]
    .map((range) => {
      const end = range.end.toString();
      return {
        start: range.start.toString(),
        end,
        owner: ownerOfToken.get(end) ?? 'unknown',
        replicas: keyspace === null ? null : client.metadata.getReplicas(keyspace, range).map((h) => ipOf(h.address)),
      };
    })
    .sort((a, b) => compareTokens(a.end, b.end));

  const nodes = hosts
    .map((h) => ({
      address: ipOf(h.address),
      hostId: h.hostId?.toString() ?? null,
      dc: h.datacenter,
      rack: h.rack,
      tokens: h.tokens?.length ?? 0,
    }))
    .sort(
      (a, b) =>
        a.dc.localeCompare(b.dc) ||
        a.rack.localeCompare(b.rack) ||
        a.address.localeCompare(b.address, undefined, { numeric: true }),
    );

  return {
    keyspace,
    nodes,
    ranges,
    ownership:
      keyspace === null ? null : ownershipFromReplicas(ranges.map((r) => ({ range: r, replicas: r.replicas ?? [] }))),
  };
}
