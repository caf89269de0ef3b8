import 'server-only';
/**
 * The nodes the console's own client has seen up, per cluster, so that every client it creates
 * later (the workbench's, the export's, a console client after a failed connect) can get in through
 * any live node, not only the configured contact points: with the one contact point down and the
 * rest of the cluster up, a new client must still connect.
 *
 * Remembered for the life of the process, not the client: the console's client may be closed and
 * made again, and what it saw is still the best guess at where the cluster lives.
 */
import { isIPv6 } from 'node:net';
import type { Client, Host } from 'cassandra-driver';
import { processSingleton } from '../process-singleton';

/** Driver addresses (`ip:port`) of the hosts last seen up, per cluster id. */
const upByCluster = processSingleton('known-up-hosts', () => new Map<string, Set<string>>());

function upOf(clusterId: string): Set<string> {
  let up = upByCluster.get(clusterId);
  if (!up) {
    up = new Set();
    upByCluster.set(clusterId, up);
  }
  return up;
}

/** Follows the console client's view of its hosts from now on: up and added hosts in, down and removed ones out. */
export function followHosts(clusterId: string, client: Client): void {
  const up = upOf(clusterId);
  for (const host of client.hosts.values()) if (host.isUp()) up.add(host.address);
  client.on('hostUp', (host: Host) => up.add(host.address));
  client.on('hostAdd', (host: Host) => (host.isUp() ? up.add(host.address) : undefined));
  client.on('hostDown', (host: Host) => up.delete(host.address));
  client.on('hostRemove', (host: Host) => up.delete(host.address));
}

/** The known-up hosts of a cluster, as driver addresses (`ip:port`). */
export function knownUpHosts(clusterId: string): string[] {
  return [...(upByCluster.get(clusterId) ?? [])];
}

/**
 * A driver address (`ip:port`) as a contact point: the bare IP where the port is the configured one
 * (so it reads like the configured points), else `ip:port`, an IPv6 address in brackets as the driver
 * parses it.
 */
export function contactPointOf(address: string, configuredPort: number): string {
  const separator = address.lastIndexOf(':');
  const ip = address.slice(0, separator);
  const port = address.slice(separator + 1);
  if (Number(port) === configuredPort) return ip;
  return isIPv6(ip) ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/**
 * The contact points to connect with: the configured ones first, as the operator listed them, then
 * every known-up host not among them. The driver tries them (in shuffled order) until one
 * answers; the added ones were up when last seen, so a longer list rarely costs a connect timeout.
 */
export function contactPointsWith(configured: string[], configuredPort: number, knownUp: string[]): string[] {
  const points = [...configured];
  const seen = new Set(configured);
  for (const address of knownUp) {
    const point = contactPointOf(address, configuredPort);
    if (seen.has(point) || seen.has(`${point}:${configuredPort}`)) continue;
    seen.add(point);
    points.push(point);
  }
  return points;
}
