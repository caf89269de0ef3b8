import { describe, expect, it } from 'vitest';
import { thinSeries, thinningStep } from './thin-series';

describe('thinningStep', () => {
  it('keeps the resolution step when the range fits the chart', () => {
    expect(thinningStep(3_600_000, 60_000, 600)).toBe(60_000);
  });
  it('widens a day of 1-minute rollups to whole minutes', () => {
    expect(thinningStep(86_400_000, 60_000, 600)).toBe(180_000);
  });
  it('gives raw points (step 0, as collected) a window of the range over the points wanted', () => {
    expect(thinningStep(7_200_000, 0, 600)).toBe(12_000);
  });
});

describe('thinSeries', () => {
  it('averages each window, keeps its extremes, and stamps it at the window start', () => {
    const points = [
      { ts: 1_000, value: 1 },
      { ts: 5_000, value: 9 },
      { ts: 11_000, value: 4, min: 2, max: 6 },
    ];
    expect(thinSeries(points, 10_000)).toEqual([
      { ts: 0, value: 5, min: 1, max: 9 },
      { ts: 10_000, value: 4, min: 2, max: 6 },
    ]);
  });
  it('aligns two nodes polled a second apart on the same timestamps', () => {
    const a = [0, 2_000, 4_000, 6_000].map((ts) => ({ ts: ts + 300, value: 1 }));
    const b = [0, 2_000, 4_000, 6_000].map((ts) => ({ ts: ts + 1_300, value: 2 }));
    expect(thinSeries(a, 4_000).map((p) => p.ts)).toEqual(thinSeries(b, 4_000).map((p) => p.ts));
  });
  it('leaves a series already at the window width unchanged', () => {
    const points = [
      { ts: 60_000, value: 3, min: 1, max: 5 },
      { ts: 120_000, value: 4, min: 4, max: 4 },
    ];
    expect(thinSeries(points, 60_000)).toEqual(points);
  });
  it('thins 3,600 raw points of two hours to at most 600', () => {
    const points = Array.from({ length: 3_600 }, (_, i) => ({ ts: 1_700_000_000_123 + i * 2_000, value: i }));
    const thinned = thinSeries(points, thinningStep(7_200_000, 0, 600));
    expect(thinned.length).toBeLessThanOrEqual(601);
    expect(thinned.at(-1)?.max).toBe(3_599);
  });
});
