import 'server-only';
/**
 * The console's load-balancing policy: statements go to the local DC as usual, but hosts of other
 * DCs are "remote" rather than ignored, so the driver keeps one connection to every node and a
 * node-local read (virtual tables) can be sent to any node with the `host` option.
 */
import cassandra from 'cassandra-driver';
import type { Host } from 'cassandra-driver';

const { policies, types } = cassandra;

export class EveryNodeReachablePolicy extends policies.loadBalancing.DCAwareRoundRobinPolicy {
  constructor(private readonly localDc: string) {
    super(localDc);
  }

  override getDistance(host: Host): cassandra.types.distance {
    return host.datacenter === this.localDc ? types.distance.local : types.distance.remote;
  }
}
