import 'server-only';
/**
 * What one node says over Jolokia, in one bulk request: its own identity and load, and its
 * gossip view of every peer (who is live, unreachable, joining, leaving, moving).
 */
import { z } from 'zod';
import type { ClusterConfig } from '../config';
import { parseEndpointStates, type EndpointState } from '../gossip/endpoint-states';
import { JolokiaError } from '../cluster/errors';
import { jolokiaTarget, readNodeBulk } from '../cluster/node-bulk';
import { valueOf, type JolokiaRequest, type JolokiaResult, type JolokiaTarget } from '../cluster/jolokia';

const endpointList = z.array(z.string());

const storageServiceSchema = z.object({
  LiveNodesWithPort: endpointList,
  UnreachableNodesWithPort: endpointList,
  JoiningNodesWithPort: endpointList,
  LeavingNodesWithPort: endpointList,
  MovingNodesWithPort: endpointList,
  LoadMapWithPort: z.record(z.string(), z.string()),
  OperationMode: z.string(),
  ReleaseVersion: z.string(),
  ClusterName: z.string(),
  LocalHostId: z.string(),
  SchemaVersion: z.string(),
  HostIdToEndpointWithPort: z.record(z.string(), z.string()),
});

const snitchSchema = z.object({ Datacenter: z.string(), Rack: z.string() });

const failureDetectorSchema = z.object({
  AllEndpointStatesWithPort: z.string(),
  SimpleStatesWithPort: z.record(z.string(), z.string()),
  PhiValuesWithPort: z.record(z.string(), z.object({ PHI: z.number() })),
});

const heapSchema = z.object({ used: z.number(), max: z.number(), committed: z.number() });

export const NODE_VIEW_REQUESTS: JolokiaRequest[] = [
  {
    type: 'read',
    mbean: 'org.apache.cassandra.db:type=StorageService',
    attribute: Object.keys(storageServiceSchema.shape),
  },
  { type: 'read', mbean: 'org.apache.cassandra.metrics:type=Storage,name=Load', attribute: 'Count' },
  { type: 'read', mbean: 'org.apache.cassandra.db:type=EndpointSnitchInfo', attribute: ['Datacenter', 'Rack'] },
  {
    type: 'read',
    mbean: 'org.apache.cassandra.net:type=FailureDetector',
    attribute: Object.keys(failureDetectorSchema.shape),
  },
  { type: 'read', mbean: 'java.lang:type=Runtime', attribute: 'Uptime' },
  { type: 'read', mbean: 'java.lang:type=Memory', attribute: 'HeapMemoryUsage' },
];

export interface NodeView {
  /** The address the view was asked from. */
  address: string;
  hostId: string;
  clusterName: string;
  releaseVersion: string;
  schemaVersion: string;
  operationMode: string;
  dc: string;
  rack: string;
  loadBytes: number;
  /** Storage endpoints as `ip:port`, without the leading slash some MBeans add. */
  live: string[];
  unreachable: string[];
  joining: string[];
  leaving: string[];
  moving: string[];
  loadByEndpoint: Record<string, string>;
  endpointByHostId: Record<string, string>;
  /** This node's gossip state of every endpoint it knows, itself included (as `nodetool gossipinfo` on it). */
  gossip: EndpointState[];
  /** The failure detector's verdict on each endpoint, and its phi for each peer. */
  failureDetector: Record<string, 'UP' | 'DOWN'>;
  phi: Record<string, number>;
  uptimeMs: number;
  heapUsedBytes: number;
  heapMaxBytes: number;
}

export const stripSlash = (endpoint: string) => endpoint.replace(/^\//, '');

/** Turns a recorded or live bulk answer into a NodeView (exported for tests with recorded answers). */
export function parseNodeView(target: JolokiaTarget, results: JolokiaResult[]): NodeView {
  const read = <T>(index: number, schema: z.ZodType<T>, what: string): T => {
    const result = results[index];
    if (!result) throw new JolokiaError(target.node, target.url, 'protocol', `the bulk answer has no item for ${what}`);
    return valueOf(target, result, schema, what);
  };
  const ss = read(0, storageServiceSchema, 'StorageService');
  const load = read(1, z.number(), 'the Storage Load metric');
  const snitch = read(2, snitchSchema, 'EndpointSnitchInfo');
  const fd = read(3, failureDetectorSchema, 'FailureDetector');
  const uptimeMs = read(4, z.number(), 'the JVM uptime');
  const heap = read(5, heapSchema, 'the JVM heap usage');
  const clean = (list: string[]) => list.map(stripSlash);
  const byEndpoint = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [stripSlash(k), v]));
  return {
    address: target.node,
    hostId: ss.LocalHostId,
    clusterName: ss.ClusterName,
    releaseVersion: ss.ReleaseVersion,
    schemaVersion: ss.SchemaVersion,
    operationMode: ss.OperationMode,
    dc: snitch.Datacenter,
    rack: snitch.Rack,
    loadBytes: load,
    live: clean(ss.LiveNodesWithPort),
    unreachable: clean(ss.UnreachableNodesWithPort),
    joining: clean(ss.JoiningNodesWithPort),
    leaving: clean(ss.LeavingNodesWithPort),
    moving: clean(ss.MovingNodesWithPort),
    loadByEndpoint: byEndpoint(ss.LoadMapWithPort),
    endpointByHostId: Object.fromEntries(
      Object.entries(ss.HostIdToEndpointWithPort).map(([k, v]) => [k, stripSlash(v)]),
    ),
    gossip: parseEndpointStates(fd.AllEndpointStatesWithPort),
    failureDetector: Object.fromEntries(
      Object.entries(fd.SimpleStatesWithPort).map(([k, v]) => [stripSlash(k), v === 'UP' ? 'UP' : 'DOWN']),
    ),
    phi: Object.fromEntries(Object.entries(fd.PhiValuesWithPort).map(([k, v]) => [stripSlash(k), v.PHI])),
    uptimeMs,
    heapUsedBytes: heap.used,
    heapMaxBytes: heap.max,
  };
}

export type NodeViewResult = { address: string; view: NodeView } | { address: string; error: JolokiaError };

/** Asks every address at once; a node that fails does not hold up or hide the others. */
export async function readNodeViews(cluster: ClusterConfig, addresses: string[]): Promise<NodeViewResult[]> {
  return Promise.all(
    addresses.map(async (address): Promise<NodeViewResult> => {
      try {
        return {
          address,
          view: parseNodeView(
            jolokiaTarget(cluster, address),
            await readNodeBulk(cluster, address, NODE_VIEW_REQUESTS),
          ),
        };
      } catch (error) {
        if (error instanceof JolokiaError) return { address, error };
        throw error;
      }
    }),
  );
}
