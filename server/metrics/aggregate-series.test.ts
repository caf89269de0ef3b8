import { describe, expect, it } from 'vitest';
import { aggregateSeries } from './aggregate-series';

const series = [
  {
    node: '127.0.0.1',
    points: [
      { ts: 0, value: 10 },
      { ts: 60_000, value: 20, min: 15, max: 30 },
    ],
  },
  {
    node: '127.0.0.2',
    points: [
      { ts: 0, value: 5 },
      { ts: 60_000, value: 1, min: 1, max: 2 },
      { ts: 120_000, value: 7 },
    ],
  },
];

describe('aggregateSeries', () => {
  it('adds rates up window by window, counting the nodes that answered in each', () => {
    expect(aggregateSeries(series, 'sum')).toEqual({
      node: 'all nodes, summed',
      points: [
        { ts: 0, value: 15, min: 15, max: 15 },
        { ts: 60_000, value: 21, min: 16, max: 32 },
        { ts: 120_000, value: 7, min: 7, max: 7 },
      ],
    });
  });
  it('takes the worst node for a latency', () => {
    expect(aggregateSeries(series, 'max').points.map((p) => [p.ts, p.value, p.max])).toEqual([
      [0, 10, 10],
      [60_000, 20, 30],
      [120_000, 7, 7],
    ]);
  });
  it('gives an empty line for no nodes', () => {
    expect(aggregateSeries([], 'sum').points).toEqual([]);
  });
});
