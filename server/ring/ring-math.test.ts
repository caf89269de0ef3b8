import { describe, expect, it } from 'vitest';
import { evenlyDealtTokens } from '@/localcluster/tokens';
import { ownershipFromReplicas, rangeWidth, rangesFromTokens, RING_SIZE, tokenAngle } from './ring-math';

describe('ring arithmetic', () => {
  it('measures ranges exactly, wrapping past the maximum token', () => {
    expect(rangeWidth({ start: '-9223372036854775808', end: '0' })).toBe(2n ** 63n);
    expect(rangeWidth({ start: '9223372036854775807', end: '-9223372036854775808' })).toBe(1n);
    expect(rangeWidth({ start: '5', end: '5' })).toBe(RING_SIZE);
  });

  it('turns tokens into ranges that cover the ring once', () => {
    const ranges = rangesFromTokens(['100', '-5', '9000000000000000000']);
    expect(ranges).toEqual([
      { start: '9000000000000000000', end: '-5' },
      { start: '-5', end: '100' },
      { start: '100', end: '9000000000000000000' },
    ]);
    expect(ranges.reduce((sum, r) => sum + rangeWidth(r), 0n)).toBe(RING_SIZE);
  });

  it('computes effective ownership from replica lists', () => {
    const tokens = evenlyDealtTokens(3, 4);
    const owner = new Map(tokens.flatMap((list, node) => list.map((t) => [t, `n${node + 1}`] as const)));
    const ranges = rangesFromTokens(tokens.flat());
    // Replication factor 2 along the ring: the owner and the next node.
    const replicated = ranges.map((range, i) => {
      const next = ranges[(i + 1) % ranges.length];
      if (!next) throw new Error(`no range follows range ${i}`);
      return { range, replicas: [owner.get(range.end)!, owner.get(next.end)!] };
    });
    const shares = ownershipFromReplicas(replicated);
    for (const share of Object.values(shares)) expect(share).toBeCloseTo(2 / 3, 6);
  });

  it('places tokens on the circle', () => {
    expect(tokenAngle('-9223372036854775808')).toBe(0);
    expect(tokenAngle('0')).toBe(0.5);
  });
});
