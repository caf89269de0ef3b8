import { describe, expect, it } from 'vitest';
import type { NodeRow } from '@/server/nodes/merge-nodes';
import { syntheticNodes } from '@/testing/synthetic-nodes';
import { bucketOf, bucketsOf, layout, measureOf, valueOf, valueText } from './physical-model';

const [base] = syntheticNodes({ nodes: 1 });
const node = (change: Partial<NodeRow>): NodeRow => ({ ...base!, ...change });

describe('the physical view model', () => {
  it('lays DCs and racks out in name order, nodes by address, with who is up', () => {
    const dcs = layout([
      node({ address: '10.0.0.10', dc: 'b', rack: 'r2' }),
      node({ address: '10.0.0.9', dc: 'b', rack: 'r2', status: 'Down' }),
      node({ address: '10.0.0.1', dc: 'b', rack: 'r1' }),
      node({ address: '10.0.0.2', dc: 'a', rack: null }),
    ]);
    expect(
      dcs.map((d) => [d.dc, d.up, d.total, d.racks.map((r) => [r.rack, r.up, r.nodes.map((n) => n.address)])]),
    ).toEqual([
      ['a', 1, 1, [['unknown rack', 1, ['10.0.0.2']]]],
      [
        'b',
        2,
        3,
        [
          ['r1', 1, ['10.0.0.1']],
          ['r2', 1, ['10.0.0.9', '10.0.0.10']],
        ],
      ],
    ]);
  });

  it('puts status in words: Up, a moving state, Down', () => {
    expect(bucketOf('status', node({ status: 'Up' }), null)?.label).toBe('Up');
    expect(bucketOf('status', node({ status: 'Down' }), null)?.tone).toBe('bad');
    const joining = node({ status: 'Up', state: 'Joining' });
    expect(bucketOf('status', joining, null)?.label).toBe('Joining, leaving or moving');
    expect(valueText('status', joining, null)).toBe('Joining');
    expect(valueText('status', node({ status: 'Down', state: 'Leaving' }), null)).toBe('Down');
  });

  it('buckets p99 in milliseconds, pending compactions and heap by thresholds, load against the largest', () => {
    const n = node({ address: '10.9.9.9', heapUsedBytes: 900, heapMaxBytes: 1000, loadBytes: 50 });
    const p99 = (us: number) => bucketOf('p99', n, valueOf('p99', n, { '10.9.9.9': us }))?.label;
    expect([p99(4_999), p99(5_000), p99(99_000), p99(600_000)]).toEqual(['< 5 ms', '5–20 ms', '20–100 ms', '≥ 500 ms']);
    expect(valueText('p99', n, 12_345)).toBe('12.3 ms');
    expect(valueText('p99', n, 800)).toBe('800 µs');
    expect(bucketOf('compactions', n, 0)?.label).toBe('none');
    expect(bucketOf('compactions', n, 20)?.label).toBe('20–99');
    expect(bucketOf('heap', n, valueOf('heap', n, undefined))?.label).toBe('85–95%');
    expect(valueText('heap', n, 0.9)).toBe('90%');
    expect(bucketOf('load', n, 50, 100)?.index).toBe(2);
    expect(bucketOf('load', n, 100, 100)?.index).toBe(4);
    expect(bucketsOf('load', 1024 ** 3)[0]?.label).toBe('< 204.8 MiB');
  });

  it('gives no bucket where there is no value, and says so with a dash', () => {
    const n = node({ address: '10.9.9.8', heapUsedBytes: null });
    expect(valueOf('p99', n, {})).toBeNull();
    expect(bucketOf('p99', n, null)).toBeNull();
    expect(valueText('heap', n, valueOf('heap', n, undefined))).toBe('—');
  });

  it('reads the measure from the URL, status when unknown', () => {
    expect(measureOf('heap')).toBe('heap');
    expect(measureOf('bogus')).toBe('status');
    expect(measureOf(null)).toBe('status');
  });
});
