import 'server-only';
/** The release strategy of one node, from the release the driver read for it (system.local / system.peers_v2). */
import { hostAddress } from '../hosts';
import { driverFor } from '../registry';
import { strategyFor, type ReleaseStrategy } from './release-strategy';

/** A node the driver does not know (yet) is read as the newest release: tried, not refused. */
export async function nodeStrategy(clusterId: string, address: string): Promise<ReleaseStrategy> {
  const client = await driverFor(clusterId);
  const host = client.hosts.values().find((h) => hostAddress(h) === address);
  return strategyFor(host?.cassandraVersion);
}
