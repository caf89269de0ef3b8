import { describe, expect, it } from 'vitest';
import { pollsOfSeries, SparkHistory, sparkPointOf, type SparkPoint } from './sparklines';

describe('sparkPointOf', () => {
  it('sums the rates over the coordinators and keeps the worst p99', () => {
    const point = sparkPointOf({
      at: 5000,
      byNode: {
        '127.0.0.1': { 'client.read.rate': 10, 'client.write.rate': 4, 'client.read.p99': 900, 'client.write.p99': 80 },
        '127.0.0.2': {
          'client.read.rate': 2.5,
          'client.write.rate': 1,
          'client.read.p99': 1200,
          'client.write.p99': 70,
        },
        // A node's first poll has gauges but no rate yet.
        '127.0.0.3': { 'client.read.p99': 300, 'heap.used': 1 },
      },
    });
    expect(point).toEqual({ at: 5000, reads: 12.5, writes: 5, readP99: 1200, writeP99: 80 });
  });

  it('says nothing rather than zero when no node had the metric', () => {
    expect(sparkPointOf({ at: 1, byNode: { a: { 'heap.used': 1 } } })).toEqual({
      at: 1,
      reads: null,
      writes: null,
      readP99: null,
      writeP99: null,
    });
  });
});

describe('pollsOfSeries', () => {
  it('regroups stored per-node series as polls, oldest first', () => {
    const polls = pollsOfSeries({
      'client.read.rate': [
        {
          node: 'a',
          points: [
            { ts: 20, value: 3 },
            { ts: 10, value: 1 },
          ],
        },
        { node: 'b', points: [{ ts: 10, value: 2 }] },
      ],
      'client.read.p99': [{ node: 'a', points: [{ ts: 10, value: 700 }] }],
    });
    expect(polls).toEqual([
      { at: 10, byNode: { a: { 'client.read.rate': 1, 'client.read.p99': 700 }, b: { 'client.read.rate': 2 } } },
      { at: 20, byNode: { a: { 'client.read.rate': 3 } } },
    ]);
    expect(polls.map(sparkPointOf).map((p) => [p.at, p.reads, p.readP99])).toEqual([
      [10, 3, 700],
      [20, 3, null],
    ]);
  });
});

describe('SparkHistory', () => {
  const point = (at: number, reads = at): SparkPoint => ({ at, reads, writes: null, readP99: null, writeP99: null });

  it('keeps points in time order within the window and the count, and tells its listeners', () => {
    const history = new SparkHistory(true, 1000, 5);
    let told = 0;
    const stop = history.subscribe(() => told++);
    history.add(point(300), point(100), point(200));
    expect(history.points.map((p) => p.at)).toEqual([100, 200, 300]);
    history.add(point(1250));
    // 100 and 200 are more than a window older than the newest.
    expect(history.points.map((p) => p.at)).toEqual([300, 1250]);
    history.add(...[1300, 1400, 1500, 1600, 1700].map((at) => point(at)));
    expect(history.points.map((p) => p.at)).toEqual([1300, 1400, 1500, 1600, 1700]);
    // A point at a time already held replaces it (a seeded point, then the live one).
    history.add(point(1700, 42));
    expect(history.points.at(-1)?.reads).toBe(42);
    expect(told).toBe(4);
    stop();
    history.add(point(1800));
    expect(told).toBe(4);
  });
});
