/** Where each node of a local cluster lives: its loopback address, ports, DC and rack. */
export interface NodeSpec {
  index: number;
  address: string;
  dc: string;
  rack: string;
  storagePort: number;
  nativePort: number;
  /** Local JMX always binds 127.0.0.1, so every node needs its own port there (as ccm does). */
  jmxPort: number;
  jolokiaPort: number;
  seed: boolean;
  /** Empty for a node that joins later and allocates its own tokens while bootstrapping. */
  initialTokens: string[];
}

export const STORAGE_PORT = 7000;
export const NATIVE_PORT = 9042;
export const JOLOKIA_PORT = 8778;

export function nodeAddress(index: number): string {
  if (index < 1 || index > 254) throw new Error(`node index ${index} is outside 1..254 (127.0.0.N)`);
  return `127.0.0.${index}`;
}

export function jmxPortOf(index: number): number {
  return 7000 + index * 100;
}

/** Nodes are split into DCs in contiguous blocks: 3 nodes in 2 DCs gives dc1 = {1, 2}, dc2 = {3}. */
export function dcOf(index: number, nodeCount: number, dcCount: number): string {
  const perDc = Math.ceil(nodeCount / dcCount);
  return `dc${Math.floor((index - 1) / perDc) + 1}`;
}

/**
 * `ipOffset` shifts a whole cluster along 127.0.0.x (and its JMX ports with it), so a second
 * cluster — a benchmark's, say — can run beside the demo one: offset 10 puts node 1 on 127.0.0.11.
 */
export function nodeSpec(index: number, dc: string, seed: boolean, initialTokens: string[], ipOffset = 0): NodeSpec {
  return {
    index,
    address: nodeAddress(index + ipOffset),
    dc,
    rack: 'rack1',
    storagePort: STORAGE_PORT,
    nativePort: NATIVE_PORT,
    jmxPort: jmxPortOf(index + ipOffset),
    jolokiaPort: JOLOKIA_PORT,
    seed,
    initialTokens,
  };
}

/** The DC a node added later joins when none is asked for: the one with the fewest nodes. */
export function leastPopulatedDc(nodes: NodeSpec[]): string {
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(node.dc, (counts.get(node.dc) ?? 0) + 1);
  const [fewest] = [...counts.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  if (!fewest) throw new Error('the cluster has no nodes, so no DC for a new one to join');
  return fewest[0];
}
