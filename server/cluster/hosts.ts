/**
 * Node addresses as the console shows them: the IP without its port. The driver names hosts
 * `ip:9042`, gossip names endpoints `ip:7000`; both are the same node.
 */
import type { Client, Host } from 'cassandra-driver';

/** What the driver's metadata says of a host (from system.peers). */
export interface DriverHost {
  address: string;
  hostId: string | null;
  dc: string | null;
  rack: string | null;
  up: boolean;
  releaseVersion: string | null;
  tokenCount: number | null;
}

export function ipOf(endpoint: string): string {
  return endpoint.slice(0, endpoint.lastIndexOf(':'));
}

export function hostAddress(host: Host): string {
  return ipOf(host.address);
}

/** Every node the driver knows, by address. */
export function nodeAddresses(client: Client): string[] {
  return client.hosts.values().map(hostAddress);
}

/** What the driver's metadata says of each host (from system.peers), for merging with gossip. */
export function driverHosts(client: Client): DriverHost[] {
  return client.hosts.values().map((host) => ({
    address: hostAddress(host),
    hostId: host.hostId ? host.hostId.toString() : null,
    dc: host.datacenter ?? null,
    rack: host.rack ?? null,
    up: host.isUp(),
    releaseVersion: host.cassandraVersion ?? null,
    tokenCount: Array.isArray(host.tokens) ? host.tokens.length : null,
  }));
}
