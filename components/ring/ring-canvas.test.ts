import { describe, expect, it } from 'vitest';
import { ownersPerSlice, runsByColor } from './ring-canvas';
import { arcsOf } from './ring-geometry';

describe('ring canvas', () => {
  it('merges neighbouring slices of one owner into one run, and groups runs by colour', () => {
    const runs = runsByColor(['a', 'a', 'b', 'b', 'a'], (k) => (k === 'a' ? 'red' : 'blue'));
    expect(runs.get('red')).toEqual([
      [0, 0.4],
      [0.8, 1],
    ]);
    expect(runs.get('blue')).toEqual([[0.4, 0.8]]);
  });

  it('gives each slice the owner of the range under its centre', () => {
    // Two ranges splitting the ring at token 0 (half a turn from the minimum token).
    const arcs = arcsOf([
      { start: '0', end: '-9223372036854775808', owner: 'b' },
      { start: '-9223372036854775808', end: '0', owner: 'a' },
    ]);
    expect(ownersPerSlice(arcs, 4)).toEqual(['a', 'a', 'b', 'b']);
  });
});
