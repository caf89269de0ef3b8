'use client';
/**
 * A synthetic token map for the ring-render benchmark (and for seeing how the ring looks at a scale
 * no local cluster reaches): `nodes` nodes in 3 DCs × 3 racks, `vnodes` random tokens each.
 * Never shown for a real cluster.
 */
import { useMemo } from 'react';
import { RingChart, type RingNodeInfo, type RingRangeInfo } from './ring-chart';

/** A small deterministic PRNG (mulberry32), so every run draws the same map. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticMap(nodeCount: number, vnodes: number): { nodes: RingNodeInfo[]; ranges: RingRangeInfo[] } {
  const next = random(nodeCount * 7919 + vnodes);
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({
    address: `10.${Math.floor(i / 65536) % 256}.${Math.floor(i / 256) % 256}.${i % 256}`,
    dc: `dc${(i % 3) + 1}`,
    rack: `rack${(Math.floor(i / 3) % 3) + 1}`,
  }));
  const total = nodeCount * vnodes;
  const tokens: { value: number; owner: string }[] = new Array(total);
  for (let i = 0; i < total; i++) {
    const value = (next() - 0.5) * 2 ** 64;
    const node = nodes[Math.floor(next() * nodeCount)];
    if (!node) throw new Error(`syntheticMap: token ${i} drew no node`);
    tokens[i] = { value, owner: node.address };
  }
  tokens.sort((a, b) => a.value - b.value);
  const text = tokens.map((t) => BigInt(Math.trunc(t.value)).toString());
  const ranges = tokens.map((t, i) => {
    const start = text[(i - 1 + total) % total];
    const end = text[i];
    if (start === undefined || end === undefined) throw new Error(`syntheticMap: range ${i} has no token`);
    return { start, end, owner: t.owner, replicas: null };
  });
  return { nodes, ranges };
}

export function SyntheticRing({ nodeCount, vnodes }: { nodeCount: number; vnodes: number }) {
  const map = useMemo(() => {
    const generated = syntheticMap(nodeCount, vnodes);
    performance.mark('ring-data-ready');
    return generated;
  }, [nodeCount, vnodes]);
  return (
    <section data-testid="synthetic-ring">
      <h2>
        Synthetic ring: {nodeCount} nodes × {vnodes} vnodes = {map.ranges.length.toLocaleString()} ranges
      </h2>
      <RingChart nodes={map.nodes} ranges={map.ranges} size={560} />
    </section>
  );
}
