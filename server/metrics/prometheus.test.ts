import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRICS } from './catalogue';
import type { LatestValues } from './collector';
import { COUNTER_SOURCES, FAMILIES, GAUGE_SOURCES, prometheusExposition } from './prometheus';

const text = async (clusters: { clusterId: string; latest: LatestValues | undefined }[]) =>
  (await prometheusExposition(clusters)).body;

/** A poll as the collector leaves it: rates and gauges in byNode, the counters' running totals in totals. */
const SAMPLE: LatestValues = {
  at: 1_700_000_000_000,
  byNode: {
    '127.0.0.1': { 'client.read.p99': 1234.5, 'client.read.rate': 50, 'heap.used': 10, 'cpu.process': 0.25 },
    '127.0.0.2': { 'client.read.p50': 800, 'storage.load': 2048 },
  },
  totals: {
    '127.0.0.1': { 'client.read.rate': 123_456, 'gc.time.rate': 1500, 'dropped.rate': 0 },
  },
  placement: { '127.0.0.1': { dc: 'dc1', rack: 'rack1' }, '127.0.0.3': { dc: 'dc2', rack: 'rack1' } },
  missing: { '127.0.0.3': 'refused' },
};

describe('prometheusExposition', () => {
  it('writes percentiles as one summary family in seconds with a quantile label, labelled by cluster and node, with the poll time', async () => {
    const body = await text([
      {
        clusterId: 'demo',
        latest: {
          at: 1_700_000_000_000,
          byNode: { '127.0.0.1': { 'client.read.p99': 1234.5, 'heap.used': 10 } },
          missing: { '127.0.0.3': 'refused' },
        },
      },
    ]);
    expect(body).toContain(
      '# HELP ringside_client_request_latency_seconds Coordinator request latency by operation: quantiles of the recent window Cassandra keeps, and requests counted since the node started (ClientRequest Latency)\n# TYPE ringside_client_request_latency_seconds summary\nringside_client_request_latency_seconds{cluster="demo",node="127.0.0.1",operation="read",quantile="0.99"} 0.0012345\n',
    );
    expect(body).toContain('ringside_jvm_heap_used_bytes{cluster="demo",node="127.0.0.1"} 10\n');
    expect(body).toContain('ringside_node_answered{cluster="demo",node="127.0.0.3"} 0');
    // The poll time is a gauge of its own rather than a timestamp on every sample.
    expect(body).toContain('ringside_collector_last_poll_timestamp_seconds{cluster="demo"} 1700000000\n');
    // Nothing was read for writes: no series, and no empty family.
    expect(body).not.toContain('operation="write"');
    expect(body).not.toContain('ringside_client_request_latency_seconds_count');
    expect(body).not.toContain('ringside_hints_written_total');
    expect(body.endsWith('\n')).toBe(true);
  });

  it('escapes label values', async () => {
    expect(
      await text([{ clusterId: 'a"b', latest: { at: 1, byNode: { n: { 'heap.used': 1 } }, missing: {} } }]),
    ).toContain('cluster="a\\"b"');
  });

  it('exposes the running totals as _total counters and summary counts, in base units, never the pre-computed rates', async () => {
    const body = await text([{ clusterId: 'demo', latest: SAMPLE }]);
    // A timer's count is its summary's _count, after that series' quantiles.
    expect(body).toContain(
      'ringside_client_request_latency_seconds{cluster="demo",node="127.0.0.1",dc="dc1",rack="rack1",operation="read",quantile="0.99"} 0.0012345\n' +
        'ringside_client_request_latency_seconds_count{cluster="demo",node="127.0.0.1",dc="dc1",rack="rack1",operation="read"} 123456\n',
    );
    expect(body).toContain('# TYPE ringside_jvm_gc_collection_seconds_total counter\n');
    // GC time: Cassandra's milliseconds become seconds.
    expect(body).toMatch(/^ringside_jvm_gc_collection_seconds_total\{[^}]*node="127\.0\.0\.1"[^}]*\} 1\.5$/m);
    expect(body).toMatch(/^ringside_dropped_messages_total\{[^}]*\} 0$/m);
    // The rate the charts use (50/s) appears nowhere.
    expect(body).not.toMatch(/ 50$/m);
    expect(body).not.toMatch(/_rate\b/);
  });

  it('adds dc and rack where the driver knows them, and leaves them out where it does not', async () => {
    const body = await text([{ clusterId: 'demo', latest: SAMPLE }]);
    expect(body).toContain('ringside_cpu_process_ratio{cluster="demo",node="127.0.0.1",dc="dc1",rack="rack1"} 0.25\n');
    expect(body).toContain('ringside_storage_load_bytes{cluster="demo",node="127.0.0.2"} 2048\n');
    expect(body).toContain(
      'ringside_client_request_latency_seconds{cluster="demo",node="127.0.0.2",operation="read",quantile="0.5"} 0.0008\n',
    );
    expect(body).toContain('ringside_node_answered{cluster="demo",node="127.0.0.3",dc="dc2",rack="rack1"} 0\n');
  });

  it('writes nothing but an empty exposition before the first poll', async () => {
    expect((await text([{ clusterId: 'demo', latest: undefined }])).trim()).toBe('');
  });

  it('gives every metric the collector keeps a family, and documents every family in docs/metrics.md', () => {
    for (const metric of Object.keys(METRICS)) {
      expect(GAUGE_SOURCES[metric] ?? COUNTER_SOURCES[metric], `${metric} has no Prometheus family`).toBeDefined();
    }
    const used = new Set([...Object.values(GAUGE_SOURCES), ...Object.values(COUNTER_SOURCES)].map((s) => s.family));
    expect([...used].sort()).toEqual(Object.keys(FAMILIES).sort());
    for (const [name, info] of Object.entries(FAMILIES)) {
      if (info.type === 'counter') expect(name).toMatch(/_total$/);
      else expect(name).not.toMatch(/_total$/);
      if (info.type === 'summary') expect(name).toMatch(/_seconds$/);
      expect(name).not.toMatch(/_(micro|milli)seconds|_rate$|_p\d\d$/);
    }
    const doc = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');
    for (const name of [
      ...Object.keys(FAMILIES),
      'ringside_node_answered',
      'ringside_collector_last_poll_timestamp_seconds',
    ]) {
      expect(doc, `docs/metrics.md does not list ${name}`).toMatch(new RegExp(`^\\| \`${name}\` +\\|`, 'm'));
    }
  });

  const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  const hasPromtool = promtool.status === 0;
  // promtool is not an npm package: it comes with Prometheus (Debian: `apt-get install prometheus`).
  it.skipIf(!hasPromtool)(
    `passes promtool check metrics${hasPromtool ? '' : ' (skipped: promtool is not on PATH; it ships with Prometheus, e.g. Debian package prometheus)'}`,
    async () => {
      const body = await text([
        { clusterId: 'demo', latest: SAMPLE },
        {
          clusterId: 'other',
          latest: {
            at: 1_700_000_001_000,
            byNode: { n1: Object.fromEntries(Object.keys(GAUGE_SOURCES).map((m, i) => [m, i + 0.5])) },
            totals: { n1: Object.fromEntries(Object.keys(COUNTER_SOURCES).map((m, i) => [m, i * 1000])) },
            missing: {},
          },
        },
      ]);
      // promtool prints lint problems and exits non-zero when it finds any.
      const output = execFileSync('promtool', ['check', 'metrics'], { input: body, encoding: 'utf8' });
      expect(output.trim()).toBe('');
    },
  );
});
