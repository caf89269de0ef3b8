import { describe, expect, it } from 'vitest';
import { decide, planSegments, repairOptions, repairSettingsSchema, splitRange, timeoutOf } from './repair-plan';

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
    expect(repairOptions(settings, { start: '-5', end: '7' })).toEqual({
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
