import 'server-only';
/** The release strategy of one node: from the driver's hosts, or from the node's own agent. */
import { z } from 'zod';
import type { ClusterConfig } from '../../config';
import { hostAddress } from '../hosts';
import { valueOf } from '../jolokia';
import { jolokiaTarget, readNodeBulk } from '../node-bulk';
import { driverFor } from '../registry';
import { strategyFor, type ReleaseStrategy } from './release-strategy';

/**
 * From the release the driver read for the node (system.local / system.peers_v2). A node the driver
 * does not know (yet) is read as the newest release: tried, not refused.
 */
export async function nodeStrategy(clusterId: string, address: string): Promise<ReleaseStrategy> {
  const client = await driverFor(clusterId);
  const host = client.hosts.values().find((h) => hostAddress(h) === address);
  return strategyFor(host?.cassandraVersion);
}

/**
 * From the node's own StorageService ReleaseVersion over Jolokia: for an operation, which goes to that
 * agent anyway and so needs no CQL connection to learn how to say it (a drained node serves no CQL).
 */
export async function agentStrategy(cluster: ClusterConfig, address: string): Promise<ReleaseStrategy> {
  const [answer] = await readNodeBulk(cluster, address, [
    { type: 'read', mbean: 'org.apache.cassandra.db:type=StorageService', attribute: 'ReleaseVersion' },
  ]);
  return strategyFor(valueOf(jolokiaTarget(cluster, address), answer!, z.string(), 'StorageService.ReleaseVersion'));
}
