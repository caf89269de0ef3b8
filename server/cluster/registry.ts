import 'server-only';
/**
 * One cassandra-driver Client per configured cluster, connected on first use and closed by
 * `closeAll` (the server's shutdown hook, startup.ts). A failed connect is not cached: the next call
 * tries again, so the console recovers by itself when the cluster comes back. Every new client
 * connects through the configured contact points and the nodes the console's own client has seen up
 * (known-hosts.ts), so one dead contact point does not lock out a cluster whose other nodes are up.
 */
import { readFileSync } from 'node:fs';
import { Client, auth, errors as driverErrors, policies } from 'cassandra-driver';
import { config, type ClusterConfig } from '../config';
import { ClusterRefusedConnectionError, ClusterUnreachableError, explainRefusal, UnknownClusterError } from './errors';
import { EveryNodeReachablePolicy } from './load-balancing';
import { processSingleton } from '../process-singleton';
import { CqlMap, CqlSet } from './cql-collections';
import { hostFailures } from './driver-internals';
import { contactPointsWith, followHosts, knownUpHosts } from './known-hosts';

/**
 * Two kinds of client per cluster: the console's own (metadata, system tables, the poller), and the
 * workbench's. The workbench gets its own connections so a user's slow or huge query never queues
 * ahead of the console's reads, and decodes maps and sets so keys keep their CQL type and every entry.
 */
export type ClientPurpose = 'console' | 'workbench';

const clients = processSingleton('driver-clients', () => new Map<string, Promise<Client>>());

export function clusterConfig(clusterId: string): ClusterConfig {
  const all = config().clusters;
  const found = all.find((c) => c.id === clusterId);
  if (!found)
    throw new UnknownClusterError(
      clusterId,
      all.map((c) => c.id),
    );
  return found;
}

function createClient(
  cluster: ClusterConfig,
  purpose: ClientPurpose,
  keyspace: string | undefined,
  contactPoints: string[],
): Client {
  const workbench = purpose === 'workbench';
  return new Client({
    keyspace,
    contactPoints,
    localDataCenter: cluster.localDataCenter,
    protocolOptions: { port: cluster.port },
    authProvider: cluster.credentials
      ? new auth.PlainTextAuthProvider(cluster.credentials.username, cluster.credentials.password)
      : undefined,
    sslOptions: cluster.tls?.enabled
      ? {
          ca: cluster.tls.caFile ? [readFileSync(cluster.tls.caFile)] : undefined,
          rejectUnauthorized: cluster.tls.rejectUnauthorized,
        }
      : undefined,
    socketOptions: { connectTimeout: 3000, readTimeout: 12_000 },
    // After an outage the console must follow the cluster back within seconds, not the default 10 minutes.
    policies: {
      reconnection: new policies.reconnection.ExponentialReconnectionPolicy(500, 5000, false),
      loadBalancing: new policies.loadBalancing.TokenAwarePolicy(new EveryNodeReachablePolicy(cluster.localDataCenter)),
    },
    // The console reads metadata and system tables, never user data at scale: one connection per node suffices.
    pooling: { coreConnectionsPerHost: { 0: 1, 1: 1, 2: 0 } },
    // Every entry as sent: a JavaScript Map or Set would fold -0 into 0 and lose one (see cql-collections.ts).
    encoding: workbench ? { map: CqlMap, set: CqlSet } : undefined,
  });
}

function unreachable(cluster: ClusterConfig, contactPoints: string[], error: unknown): ClusterUnreachableError {
  if (error instanceof driverErrors.NoHostAvailableError) {
    const failures = hostFailures(error).map(({ host, error: inner }) => ({
      host,
      inner,
      explained: explainRefusal(cluster, host, inner),
    }));
    const perHost = (list: typeof failures) =>
      list.map(({ host, inner, explained }) => ({ host, reason: explained?.reason ?? inner.message }));
    // One node refusing the login or the certificate is the answer, even if others were merely down: it comes first.
    const refused = failures.filter((f) => f.explained);
    const [first] = refused;
    if (first?.explained) {
      const rest = failures.filter((f) => !f.explained);
      return new ClusterRefusedConnectionError(cluster.id, first.explained.refusal, perHost([...refused, ...rest]));
    }
    if (failures.length > 0) return new ClusterUnreachableError(cluster.id, perHost(failures));
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ClusterUnreachableError(
    cluster.id,
    contactPoints.map((host) => ({ host, reason })),
  );
}

/** The clients map's key; a workbench client's keyspace is part of it. */
function clientKey(purpose: ClientPurpose, clusterId: string, keyspace?: string): string {
  return `${purpose}:${clusterId}:${keyspace ?? ''}`;
}

/** Workbench clients kept open per cluster; the least recently used one is closed beyond this. */
const WORKBENCH_CLIENTS_PER_CLUSTER = 4;

/**
 * The driver client for a cluster. A workbench client may be bound to a keyspace: the driver speaks
 * protocol v4 to Cassandra 5, which has no per-request keyspace, and `USE` on a shared client would
 * change it for every user — so each keyspace a user works in gets its own small client.
 */
export function driverFor(clusterId: string, purpose: ClientPurpose = 'console', keyspace?: string): Promise<Client> {
  const cluster = clusterConfig(clusterId);
  const key = clientKey(purpose, clusterId, keyspace);
  let pending = clients.get(key);
  if (pending) {
    // Re-inserting marks the client most recently used (a Map iterates in insertion order).
    clients.delete(key);
    clients.set(key, pending);
  } else {
    if (purpose === 'workbench') closeLeastRecentlyUsed(clientKey('workbench', clusterId, ''));
    // Any node the console has seen up is a way in, not only the configured contact points.
    const contactPoints = contactPointsWith(cluster.contactPoints, cluster.port, knownUpHosts(clusterId));
    const client = createClient(cluster, purpose, keyspace, contactPoints);
    pending = client.connect().then(
      () => {
        // The console's client follows every host, all the time; the others only run statements.
        if (purpose === 'console') followHosts(clusterId, client);
        return client;
      },
      async (error: unknown) => {
        clients.delete(key);
        await client.shutdown().catch(() => undefined);
        throw unreachable(cluster, contactPoints, error);
      },
    );
    clients.set(key, pending);
  }
  return pending;
}

/** Workbench clients in use (a statement running, an export streaming): never closed under their user. */
const leases = processSingleton('workbench-client-leases', () => new Map<string, number>());

export interface ClientLease {
  client: Client;
  release(): void;
}

/** A workbench client held until `release`; while held, making room for other keyspaces does not close it. */
export async function leaseWorkbenchClient(clusterId: string, keyspace?: string): Promise<ClientLease> {
  const key = clientKey('workbench', clusterId, keyspace);
  leases.set(key, (leases.get(key) ?? 0) + 1);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const left = (leases.get(key) ?? 1) - 1;
    if (left > 0) leases.set(key, left);
    else leases.delete(key);
  };
  try {
    return { client: await driverFor(clusterId, 'workbench', keyspace), release };
  } catch (error) {
    release();
    throw error;
  }
}

/** Closes the least recently used idle clients; busy ones stay, even beyond the limit, until they are idle. */
function closeLeastRecentlyUsed(prefix: string): void {
  const keys = [...clients.keys()].filter((k) => k.startsWith(prefix));
  let excess = keys.length - WORKBENCH_CLIENTS_PER_CLUSTER + 1;
  for (const key of keys) {
    if (excess <= 0) break;
    if (leases.has(key)) continue;
    const pending = clients.get(key);
    clients.delete(key);
    void pending?.then((c) => c.shutdown()).catch(() => undefined);
    excess--;
  }
}

export async function closeAll(): Promise<void> {
  const all = [...clients.values()];
  clients.clear();
  await Promise.all(all.map((p) => p.then((c) => c.shutdown()).catch(() => undefined)));
}
