import { describe, expect, it } from 'vitest';
import { Rollup } from './rollup';

const MIN = 60_000;
const sample = (ts: number, value: number, metric = 'read.p99', node = '127.0.0.1') => ({ node, metric, ts, value });

describe('Rollup', () => {
  it('aggregates min, max, sum and count per step, per node and metric', () => {
    const rollup = new Rollup(MIN, 5_000, 10 * MIN);
    [3, 9, 6].forEach((v, i) => rollup.add(sample(i * 10_000, v), i * 10_000));
    rollup.add(sample(15_000, 100, 'read.p99', '127.0.0.2'), 15_000);
    rollup.add(sample(20_000, 1, 'write.rate'), 20_000);
    rollup.add(sample(61_000, 50), 61_000);
    expect(rollup.due(MIN + 4_999)).toEqual([]);
    const rows = rollup.due(MIN + 5_000);
    expect(rows).toEqual([
      { node: '127.0.0.1', metric: 'read.p99', ts: 0, min: 3, max: 9, sum: 18, count: 3 },
      { node: '127.0.0.2', metric: 'read.p99', ts: 0, min: 100, max: 100, sum: 100, count: 1 },
      { node: '127.0.0.1', metric: 'write.rate', ts: 0, min: 1, max: 1, sum: 1, count: 1 },
    ]);
    // Written once: nothing new is due until the next step ends.
    expect(rollup.due(MIN + 6_000)).toEqual([]);
    expect(rollup.due(2 * MIN + 5_000)).toEqual([
      { node: '127.0.0.1', metric: 'read.p99', ts: MIN, min: 50, max: 50, sum: 50, count: 1 },
    ]);
  });

  it('merges a late sample into a step already written, and writes the whole step again', () => {
    const rollup = new Rollup(MIN, 5_000, 10 * MIN);
    rollup.add(sample(10_000, 4), 10_000);
    expect(rollup.due(MIN + 5_000)).toHaveLength(1);
    rollup.add(sample(50_000, 8), 3 * MIN);
    expect(rollup.due(3 * MIN)).toEqual([
      { node: '127.0.0.1', metric: 'read.p99', ts: 0, min: 4, max: 8, sum: 12, count: 2 },
    ]);
  });

  it('drops and counts samples later than the kept window, and ignores NaN', () => {
    const rollup = new Rollup(MIN, 5_000, 2 * MIN);
    rollup.add(sample(0, 1), 0);
    rollup.add(sample(1_000, Number.NaN), 1_000);
    rollup.due(10 * MIN);
    rollup.add(sample(30_000, 2), 10 * MIN);
    expect(rollup.droppedLate).toBe(1);
    expect(rollup.due(11 * MIN)).toEqual([]);
  });

  it('uses steps aligned to the epoch, so every node agrees on them', () => {
    const fiveMinutes = new Rollup(5 * MIN, 0, 0);
    expect(fiveMinutes.stepOf(Date.UTC(2026, 10, 25, 10, 7, 30))).toBe(Date.UTC(2026, 10, 25, 10, 5));
  });
});
