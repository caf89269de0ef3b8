import 'server-only';
/** The one shared poller of each cluster, woken early by the driver's host events. */
import type { Client } from 'cassandra-driver';
import { SharedPoller } from '../live/shared-poller';
import { clusterConfig, driverFor } from '../cluster/registry';
import { recordEvent } from '../store/events';
import { collectSnapshot, type ClusterSnapshot } from './snapshot';
import { topologyEvents } from './topology-events';
import { processSingleton } from '../process-singleton';
import { logger } from '../log/logger';

const pollers = processSingleton('cluster-pollers', () => new Map<string, SharedPoller<ClusterSnapshot>>());
const hooked = new WeakSet<Client>();

export function clusterPoller(clusterId: string): SharedPoller<ClusterSnapshot> {
  let poller = pollers.get(clusterId);
  if (!poller) {
    const cluster = clusterConfig(clusterId);
    const log = logger('topology-poller', { clusterId });
    const created = new SharedPoller<ClusterSnapshot>(
      async (previous) => {
        void hookHostEvents(clusterId, created);
        const snapshot = await collectSnapshot(cluster, previous);
        // The snapshot carries a CQL failure rather than throwing it; log it when it starts and when it ends.
        if (snapshot.error !== (previous?.error ?? null)) {
          if (snapshot.error) log.warn({ unreachable: snapshot.unreachable }, `CQL unreachable: ${snapshot.error}`);
          else if (previous?.error) log.info('CQL reachable again');
        }
        for (const event of topologyEvents(previous, snapshot, Date.now())) {
          log.info({ event }, `topology: ${event.kind}${event.node ? ` ${event.node}` : ''}`);
          recordEvent(clusterId, event);
        }
        return snapshot;
      },
      cluster.pollIntervalMs,
      undefined,
      { poller: 'topology', clusterId },
    );
    poller = created;
    pollers.set(clusterId, poller);
  }
  return poller;
}

async function hookHostEvents(clusterId: string, poller: SharedPoller<ClusterSnapshot>): Promise<void> {
  // No client yet: the snapshot reports why, and the next poll tries again.
  const client = await driverFor(clusterId).catch((error: unknown) => {
    logger('topology-poller', { clusterId }).debug({ err: error }, 'host events not hooked yet: no driver client');
    return undefined;
  });
  if (!client || hooked.has(client)) return;
  hooked.add(client);
  for (const event of ['hostUp', 'hostDown', 'hostAdd', 'hostRemove'] as const) client.on(event, () => poller.nudge());
}

export function stopAllPollers(): void {
  for (const poller of pollers.values()) poller.stop();
  pollers.clear();
}
