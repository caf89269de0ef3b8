import { describe, expect, it } from 'vitest';
import { evenlyDealtTokens } from './tokens';
import { dcOf, leastPopulatedDc, nodeSpec } from './topology';

describe('evenlyDealtTokens', () => {
  it('deals nodes × vnodes distinct tokens covering the signed 64-bit ring', () => {
    const tokens = evenlyDealtTokens(3, 16);
    expect(tokens).toHaveLength(3);
    const all = tokens
      .flat()
      .map(BigInt)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(new Set(all).size).toBe(48);
    expect(all[0]).toBe(-(2n ** 63n));
    const last = all.at(-1);
    expect(last).toBeDefined();
    expect(last! < 2n ** 63n).toBe(true);
  });

  it('gives every node the same share of the ring', () => {
    const tokens = evenlyDealtTokens(4, 8);
    const owner = new Map<bigint, number>();
    tokens.forEach((list, node) => list.forEach((t) => owner.set(BigInt(t), node)));
    const sorted = [...owner.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const share = [0n, 0n, 0n, 0n];
    const last = sorted.at(-1);
    expect(last).toBeDefined();
    // The first token's slice wraps from the last token.
    let previous = last! - 2n ** 64n;
    for (const t of sorted) {
      const node = owner.get(t)!;
      share[node] = (share[node] ?? 0n) + (t - previous);
      previous = t;
    }
    expect(new Set(share.map(String)).size).toBe(1);
  });

  it('keeps tokens exact beyond 2^53', () => {
    const [first] = evenlyDealtTokens(1, 3);
    expect(first).toEqual(['-9223372036854775808', '-3074457345618258603', '3074457345618258602']);
  });

  it('rejects nonsense counts', () => {
    expect(() => evenlyDealtTokens(0, 16)).toThrow(/node count/);
    expect(() => evenlyDealtTokens(3, 0)).toThrow(/tokens per node/);
  });
});

describe('topology', () => {
  it('splits 3 nodes in 2 DCs as dc1 = {1, 2}, dc2 = {3}', () => {
    expect([1, 2, 3].map((i) => dcOf(i, 3, 2))).toEqual(['dc1', 'dc1', 'dc2']);
    expect([1, 2, 3, 4].map((i) => dcOf(i, 4, 2))).toEqual(['dc1', 'dc1', 'dc2', 'dc2']);
    expect([1, 2, 3].map((i) => dcOf(i, 3, 1))).toEqual(['dc1', 'dc1', 'dc1']);
  });

  it('sends a new node to the DC with the fewest nodes', () => {
    const nodes = [nodeSpec(1, 'dc1', true, []), nodeSpec(2, 'dc1', true, []), nodeSpec(3, 'dc2', true, [])];
    expect(leastPopulatedDc(nodes)).toBe('dc2');
  });

  it('gives node N the address 127.0.0.N and JMX port 7000 + N*100', () => {
    const node = nodeSpec(3, 'dc2', true, []);
    expect(node.address).toBe('127.0.0.3');
    expect(node.jmxPort).toBe(7300);
  });
});
