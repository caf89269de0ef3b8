/** Chart series shared between viewers: one history read per question for a few seconds, failures not kept. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SeriesAnswer } from './series';
import { sharedForMs, sharedSeries } from './series-cache';

const reads = vi.hoisted(() => ({ count: 0, fail: false }));
vi.mock('./series', () => ({
  metricSeries: async (_cluster: string, metric: string, rangeMs: number, to: number): Promise<SeriesAnswer> => {
    reads.count += 1;
    if (reads.fail) throw new Error('store cluster unreachable');
    return { metric, resolution: 'raw', stepMs: 10_000, from: to - rangeMs, to, series: [], events: [] };
  },
}));

const HOUR = 3_600_000;
let now = 1_000_000_000_000;

beforeEach(() => {
  reads.count = 0;
  reads.fail = false;
  now += 24 * HOUR; // every test asks at a time no earlier answer is kept for
});

describe('sharedSeries', () => {
  it('answers 50 viewers of the same chart with one read until the answer is 10 s old', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        sharedSeries('demo', 'client.write.rate', HOUR, undefined, undefined, now + i * 100),
      ),
    );
    expect(reads.count).toBe(1);
    expect(new Set(answers.map((a) => a.to)).size).toBe(1);
    await sharedSeries('demo', 'client.write.rate', HOUR, undefined, undefined, now + 10_000);
    expect(reads.count).toBe(2);
  });

  it('keeps a long range a minute, and tells apart metrics, ranges and node choices (in any order)', async () => {
    expect(sharedForMs(7 * 24 * HOUR)).toBe(60_000);
    await sharedSeries('demo', 'client.read.p99', 7 * 24 * HOUR, undefined, undefined, now);
    await sharedSeries('demo', 'client.read.p99', 7 * 24 * HOUR, undefined, undefined, now + 59_000);
    expect(reads.count).toBe(1);
    await sharedSeries('demo', 'client.read.p99', HOUR, undefined, undefined, now);
    await sharedSeries('demo', 'client.write.p99', HOUR, undefined, undefined, now);
    await sharedSeries('demo', 'client.write.p99', HOUR, ['127.0.0.2', '127.0.0.1'], undefined, now);
    await sharedSeries('demo', 'client.write.p99', HOUR, ['127.0.0.1', '127.0.0.2'], undefined, now + 1);
    expect(reads.count).toBe(4);
  });

  it('does not share a failure: the next viewer asks again', async () => {
    reads.fail = true;
    await expect(sharedSeries('demo', 'heap.used', HOUR, undefined, undefined, now)).rejects.toThrow(
      'store cluster unreachable',
    );
    reads.fail = false;
    await expect(sharedSeries('demo', 'heap.used', HOUR, undefined, undefined, now + 1)).resolves.toMatchObject({
      metric: 'heap.used',
    });
    expect(reads.count).toBe(2);
  });
});
