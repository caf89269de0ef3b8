import 'server-only';
/** The one shared poller of each cluster, woken early by the driver's host events. */
import type { Client } from 'cassandra-driver';
import { SharedPoller } from '../live/shared-poller';
import { clusterConfig, driverFor } from '../cluster/registry';
import { recordEvent } from '../store/events';
import { collectSnapshot, type ClusterSnapshot } from './snapshot';
import { topologyEvents } from './topology-events';
import { processSingleton } from '../process-singleton';

const pollers = processSingleton('cluster-pollers', () => new Map<string, SharedPoller<ClusterSnapshot>>());
const hooked = new WeakSet<Client>();

export function clusterPoller(clusterId: string): SharedPoller<ClusterSnapshot> {
  let poller = pollers.get(clusterId);
  if (!poller) {
    const cluster = clusterConfig(clusterId);
    const created = new SharedPoller<ClusterSnapshot>(async (previous) => {
      void hookHostEvents(clusterId, created);
      const snapshot = await collectSnapshot(cluster, previous);
      for (const event of topologyEvents(previous, snapshot, Date.now())) recordEvent(clusterId, event);
      return snapshot;
    }, cluster.pollIntervalMs);
    poller = created;
    pollers.set(clusterId, poller);
  }
  return poller;
}

async function hookHostEvents(clusterId: string, poller: SharedPoller<ClusterSnapshot>): Promise<void> {
  const client = await driverFor(clusterId).catch(() => undefined);
  if (!client || hooked.has(client)) return;
  hooked.add(client);
  for (const event of ['hostUp', 'hostDown', 'hostAdd', 'hostRemove'] as const) client.on(event, () => poller.nudge());
}

export function stopAllPollers(): void {
  for (const poller of pollers.values()) poller.stop();
  pollers.clear();
}
