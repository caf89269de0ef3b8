import { describe, expect, it } from 'vitest';
import { strategyFor } from '../cluster/versions/release-strategy';
import { RING_SIZE, MIN_TOKEN } from '../ring/ring-math';
import {
  decide,
  describeRanges,
  planSegments,
  pollDelay,
  repairOptions,
  repairSettingsSchema,
  splitRange,
  timeoutOf,
} from './repair-plan';

const settings = repairSettingsSchema.parse({ keyspace: 'ks', tables: ['a', 'b'] });

describe('splitRange', () => {
  it('cuts (start, end] into contiguous parts, wrapping past the largest token', () => {
    expect(splitRange({ start: '0', end: '100' }, 4)).toEqual([
      { start: '0', end: '25' },
      { start: '25', end: '50' },
      { start: '50', end: '75' },
      { start: '75', end: '100' },
    ]);
    const wrapped = splitRange({ start: '9223372036854775800', end: '-9223372036854775800' }, 2);
    expect(wrapped).toEqual([
      { start: '9223372036854775800', end: '-9223372036854775808' },
      { start: '-9223372036854775808', end: '-9223372036854775800' },
    ]);
  });
});

describe('repairOptions', () => {
  it('sends every key explicitly, as nodetool does', () => {
    expect(repairOptions(settings, { ranges: [{ start: '-5', end: '7' }] }, strategyFor('5.0.9'))).toEqual({
      parallelism: 'parallel',
      primaryRange: 'false',
      incremental: 'false',
      jobThreads: '1',
      ranges: '-5:7',
      columnFamilies: 'a,b',
      dataCenters: '',
      hosts: '',
      trace: 'false',
      pullRepair: 'false',
      forceRepair: 'false',
      previewKind: 'NONE',
      optimiseStreams: 'false',
      ignoreUnreplicatedKeyspaces: 'false',
      repairPaxos: 'true',
      paxosOnly: 'false',
    });
  });

  it('sends a 4.0 coordinator no Paxos repair keys: it has none, and would ignore them', () => {
    const options = repairOptions(settings, { ranges: [{ start: '-5', end: '7' }] }, strategyFor('4.0.19'));
    expect(options).not.toHaveProperty('repairPaxos');
    expect(options).not.toHaveProperty('paxosOnly');
    expect(options.ranges).toBe('-5:7');
    expect(repairOptions(settings, { ranges: [] }, strategyFor('4.1.10')).repairPaxos).toBe('true');
  });
});

describe('planSegments', () => {
  /** A ring of `nodes` × `tokens` evenly spaced tokens, each range replicated on `replicasOf(i)`. */
  function ring(count: number, replicasOf: (i: number) => string[]) {
    const step = RING_SIZE / BigInt(count);
    return Array.from({ length: count }, (_, i) => ({
      start: String(MIN_TOKEN + step * BigInt(i)),
      end: String(MIN_TOKEN + step * BigInt(i + 1) - (i === count - 1 ? 1n : 0n)),
      replicas: replicasOf(i),
    }));
  }
  const everyNode = () => ['n3', 'n1', 'n2'];

  it('groups ranges sharing their replicas up to 1/(segmentsPerNode × nodes) of the ring, adjacent or not', () => {
    // 3 nodes × 16 tokens, every range on all three (the demo cluster with dc1: 2, dc2: 1).
    const one = planSegments(ring(48, everyNode), 1, 3);
    expect(one.map((s) => s.ranges.length)).toEqual([16, 16, 16]);
    expect(one.map((s) => s.coordinator)).toEqual(['n1', 'n2', 'n3']);
    expect(one[0]!.replicas).toEqual(['n1', 'n2', 'n3']);
    expect(planSegments(ring(48, everyNode), 4, 3).map((s) => s.ranges.length)).toEqual(Array(12).fill(4));
    expect(planSegments(ring(48, everyNode), 16, 3)).toHaveLength(48);
    // Alternating replica sets: each set's ranges are grouped though never adjacent.
    const alternating = planSegments(
      ring(8, (i) => (i % 2 ? ['a', 'b'] : ['c', 'd'])),
      2,
      2,
    );
    expect(alternating.map((s) => [s.replicas.join(), s.ranges.length])).toEqual([
      ['c,d', 2],
      ['a,b', 2],
      ['c,d', 2],
      ['a,b', 2],
    ]);
    expect(alternating[0]!.ranges.map((r) => r.start)).toEqual([String(MIN_TOKEN), String(MIN_TOKEN + RING_SIZE / 4n)]);
  });

  it('cuts a range wider than a segment into near-equal parts, and every token stays covered once', () => {
    const ranges = ring(48, everyNode);
    const segments = planSegments(ranges, 64, 3); // 192 segments: each range in 4
    expect(segments).toHaveLength(192);
    expect(segments.every((s) => s.ranges.length === 1)).toBe(true);
    const covered = segments.reduce(
      (sum, s) => sum + s.ranges.reduce((w, r) => w + (BigInt(r.end) - BigInt(r.start)), 0n),
      0n,
    );
    expect(covered).toBe(BigInt(ranges.at(-1)!.end) - BigInt(ranges[0]!.start));
    expect(segments.slice(1).every((s, i) => s.ranges[0]!.start === segments[i]!.ranges[0]!.end)).toBe(true);
    expect(segments.map((s) => s.seq)).toEqual(segments.map((_, i) => i));
  });

  it("says a segment's ranges in a few words", () => {
    expect(describeRanges([{ start: '1', end: '2' }])).toBe('(1, 2]');
    expect(
      describeRanges([
        { start: '1', end: '2' },
        { start: '5', end: '6' },
      ]),
    ).toBe('(1, 2] and 1 more range');
    expect(
      describeRanges([
        { start: '1', end: '2' },
        { start: '5', end: '6' },
        { start: '8', end: '9' },
      ]),
    ).toBe('(1, 2] and 2 more ranges');
  });

  it('reads a young segment often and an old one seldom', () => {
    expect([0, 300, 5_000, 60_000].map(pollDelay)).toEqual([50, 50, 500, 2000]);
  });
});

describe('decide', () => {
  const segments = planSegments(
    [
      { start: '0', end: '10', replicas: ['n1', 'n2', 'n3'] },
      { start: '10', end: '20', replicas: ['n1', 'n2', 'n4'] },
      { start: '20', end: '30', replicas: ['n4', 'n5', 'n6'] },
      { start: '30', end: '40', replicas: ['n7', 'n8', 'n9'] },
    ],
    1,
    9,
  );
  const healthy = { down: {}, repairing: {}, pendingCompactions: {} };

  it('never starts two segments sharing a replica', () => {
    const d = decide(segments, [], healthy, { maxParallel: 10, maxPendingCompactions: 20 });
    expect(d.start).toEqual([0, 2, 3]);
    expect(d.waiting).toEqual([{ seq: 1, reason: 'replica n1 is in a running segment' }]);
  });

  it('holds back a segment naming the replica and the value', () => {
    const d = decide(
      segments,
      [],
      { down: { n2: 'Down (not-listening)' }, repairing: { n5: 1 }, pendingCompactions: { n8: 31 } },
      { maxParallel: 10, maxPendingCompactions: 20 },
    );
    expect(d.start).toEqual([]);
    expect(d.waiting.map((w) => w.reason)).toEqual([
      'replica n2 is Down (not-listening)',
      'replica n2 is Down (not-listening)',
      'replica n5 is already repairing (1 session(s))',
      'replica n8 has 31 pending compactions (limit 20)',
    ]);
  });

  it('keeps to maxParallel, and doubles the time-out with each attempt', () => {
    expect(decide(segments, [], healthy, { maxParallel: 1, maxPendingCompactions: 20 }).start).toEqual([0]);
    expect([1, 2, 3].map((a) => timeoutOf(a, 1000))).toEqual([1000, 2000, 4000]);
  });
});
