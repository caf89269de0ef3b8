import { describe, expect, it } from 'vitest';
import { prometheusText } from './prometheus';

describe('prometheusText', () => {
  it('writes one gauge family per metric, labelled by cluster and node, with the poll time', () => {
    const text = prometheusText([
      {
        clusterId: 'demo',
        latest: {
          at: 1_700_000_000_000,
          byNode: { '127.0.0.1': { 'client.read.p99': 1234.5, 'heap.used': 10 } },
          missing: { '127.0.0.3': 'refused' },
        },
      },
    ]);
    expect(text).toContain(
      '# HELP ringside_client_read_p99 coordinator read latency, 99th percentile (microseconds)\n# TYPE ringside_client_read_p99 gauge\nringside_client_read_p99{cluster="demo",node="127.0.0.1"} 1234.5 1700000000000\n',
    );
    expect(text).toContain('ringside_heap_used{cluster="demo",node="127.0.0.1"} 10 1700000000000');
    expect(text).toContain('ringside_node_answered{cluster="demo",node="127.0.0.3"} 0');
    expect(text).not.toContain('ringside_client_write_p99');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('escapes label values', () => {
    expect(
      prometheusText([{ clusterId: 'a"b', latest: { at: 1, byNode: { n: { 'heap.used': 1 } }, missing: {} } }]),
    ).toContain('cluster="a\\"b"');
  });
});
