/**
 * A cluster snapshot as the topology poller would build it from Jolokia answers recorded from the
 * real local cluster (three nodes: 127.0.0.1 and .2 in dc1, .3 in dc2), for tests of what reads
 * snapshots.
 */
import type { DriverHost } from '@/server/cluster/hosts';
import { disagreementMatrix } from '@/server/gossip/disagreement';
import { mergeNodes } from '@/server/nodes/merge-nodes';
import { observerViews, type ClusterSnapshot } from '@/server/nodes/snapshot';
import { recordedViews } from './recorded-views';

const HOST_IDS: Record<string, string> = {
  '127.0.0.1': 'e0b76021-63ee-4fdd-aecb-7b11b6558a5a',
  '127.0.0.2': 'd7363419-b3fd-4315-bf1b-b898eb69c2a3',
  '127.0.0.3': 'b217745c-fe28-4faf-bc50-e9923ac39b1c',
};

export function recordedHosts(): DriverHost[] {
  return Object.entries(HOST_IDS).map(([address, hostId]) => ({
    address,
    hostId,
    dc: address === '127.0.0.3' ? 'dc2' : 'dc1',
    rack: 'rack1',
    up: true,
    releaseVersion: '5.0.9',
    tokenCount: 16,
  }));
}

/** `three-up` or `node3-killed`, as cluster `clusterId` (the driver connected unless `error` says why not). */
export function recordedSnapshot(
  label: 'three-up' | 'node3-killed',
  clusterId = 'demo',
  error: { message: string; perHost: { host: string; reason: string }[] } | null = null,
): ClusterSnapshot {
  const results = recordedViews(label);
  const nodes = mergeNodes(error ? [] : recordedHosts(), results);
  const schema = new Map<string, string[]>();
  for (const node of nodes)
    if (node.schemaVersion) schema.set(node.schemaVersion, [...(schema.get(node.schemaVersion) ?? []), node.address]);
  const observers = observerViews(results, undefined);
  return {
    clusterId,
    clusterName: 'Test Cluster',
    error: error?.message ?? null,
    unreachable: error?.perHost ?? null,
    nodes,
    observers,
    schemaVersions: [...schema].map(([version, addresses]) => ({ version, addresses })),
    disagreement: disagreementMatrix(observers),
  };
}
