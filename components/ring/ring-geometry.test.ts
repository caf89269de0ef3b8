import { describe, expect, it } from 'vitest';
import { evenlyDealtTokens } from '@/localcluster/tokens';
import { rangesFromTokens } from '@/server/ring/ring-math';
import { arcAt, arcsOf, turnAtPoint, turnOf } from './ring-geometry';

describe('ring geometry', () => {
  const tokens = evenlyDealtTokens(4, 8).flat();
  const ranges = rangesFromTokens(tokens).map((r, i) => ({ ...r, owner: `n${i % 4}` }));
  const arcs = arcsOf(ranges);

  it('maps the minimum token to 0 and 0 to half a turn', () => {
    expect(turnOf('-9223372036854775808')).toBe(0);
    expect(turnOf('0')).toBeCloseTo(0.5, 12);
  });

  it('finds the arc under every angle, including the one that wraps', () => {
    for (let i = 0; i < 1000; i++) {
      const turn = i / 1000 + 0.0003;
      const arc = arcAt(arcs, turn)!;
      const inside = (turn > arc.start && turn <= arc.end) || (turn + 1 > arc.start && turn + 1 <= arc.end);
      expect(inside, `turn ${turn}`).toBe(true);
    }
  });

  it('reads angles clockwise from 12 o’clock', () => {
    expect(turnAtPoint(0, -10)).toBeCloseTo(0);
    expect(turnAtPoint(10, 0)).toBeCloseTo(0.25);
    expect(turnAtPoint(0, 10)).toBeCloseTo(0.5);
    expect(turnAtPoint(-10, 0)).toBeCloseTo(0.75);
  });
});
