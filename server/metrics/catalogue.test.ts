import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JolokiaResult } from '../cluster/jolokia';
import { recordedPath } from '@/testing/recorded-views';
import {
  COLLECTOR_REQUESTS,
  isMetricName,
  METRICS,
  readingOf,
  samplesBetween,
  tableMetric,
  tableReadingsOf,
} from './catalogue';

// The answer node 1 of the real local cluster gave to COLLECTOR_REQUESTS (plus two compaction reads the
// collector does not make), recorded with curl; converted the way jolokiaBulk converts it.
const recorded = (
  JSON.parse(readFileSync(recordedPath('metrics-bulk.json'), 'utf8')) as {
    status: number;
    value?: unknown;
    error?: string;
  }[]
)
  .slice(0, COLLECTOR_REQUESTS.length)
  .map((item): JolokiaResult =>
    item.status === 200 ? { ok: true, value: item.value } : { ok: false, error: item.error ?? '' },
  );

describe('collector catalogue', () => {
  it('reads every metric it declares from a real answer', () => {
    const reading = readingOf(recorded);
    const names = [...Object.keys(reading.gauges), ...Object.keys(reading.counters)].sort();
    expect(names).toEqual(Object.keys(METRICS).sort());
    expect(reading.gauges['heap.used']).toBeGreaterThan(1_000_000);
    expect(reading.counters['client.read.rate']).toBeGreaterThanOrEqual(0);
  });

  it('reads a coordinator timer Cassandra has not registered yet as zero (no range read coordinated so far)', () => {
    const clients = recorded[0];
    if (!clients?.ok) throw new Error('the recorded answer has no ClientRequest timers');
    const withoutRange = Object.fromEntries(
      Object.entries(clients.value as Record<string, unknown>).filter(([bean]) => !bean.includes('scope=RangeSlice,')),
    );
    expect(Object.keys(withoutRange).length).toBeLessThan(Object.keys(clients.value as object).length);
    const reading = readingOf([{ ok: true, value: withoutRange }, ...recorded.slice(1)]);
    expect(reading.counters['client.range.rate']).toBe(0);
    expect(reading.gauges['client.range.p99']).toBe(0);
    expect(reading.gauges['client.read.p99']).toBe(readingOf(recorded).gauges['client.read.p99']);
  });

  it('leaves out what failed instead of guessing', () => {
    const broken = [...recorded];
    broken[0] = { ok: false, error: 'javax.management.InstanceNotFoundException' };
    broken[8] = { ok: true, value: 'not a heap' };
    const reading = readingOf(broken);
    expect(reading.gauges['client.read.p99']).toBeUndefined();
    expect(reading.gauges['heap.used']).toBeUndefined();
    expect(reading.gauges['local.read.p99']).toBeDefined();
  });

  it('turns counters into per-second rates, and skips a counter that went backwards', () => {
    const first = { gauges: { 'heap.used': 10 }, counters: { 'client.write.rate': 1000, 'hints.rate': 50 } };
    const second = { gauges: { 'heap.used': 12 }, counters: { 'client.write.rate': 1600, 'hints.rate': 3 } };
    expect(samplesBetween(undefined, first, 0)).toEqual({ 'heap.used': 10 });
    expect(samplesBetween({ reading: first, at: 0 }, second, 10_000)).toEqual({
      'heap.used': 12,
      'client.write.rate': 60,
    });
  });
});

describe('table metrics', () => {
  it('reads user tables from pattern reads, leaving system keyspaces out', () => {
    const bean = (ks: string, t: string, name: string) =>
      `org.apache.cassandra.metrics:type=Table,keyspace=${ks},scope=${t},name=${name}`;
    const tables = tableReadingsOf([
      {
        ok: true,
        value: {
          [bean('shop', 'orders', 'LiveSSTableCount')]: { Value: 7 },
          [bean('system', 'local', 'LiveSSTableCount')]: { Value: 2 },
        },
      },
      { ok: true, value: { [bean('shop', 'orders', 'WriteLatency')]: { Count: 500, '99thPercentile': 321.5 } } },
      { ok: false, error: 'timeout' },
    ]);
    expect(tables).toEqual({
      'shop.orders': { gauges: { sstables: 7, 'write.p99': 321.5 }, counters: { 'write.rate': 500 } },
    });
  });

  it('names table series so they can be told from node metrics, and accepts only those', () => {
    expect(tableMetric('shop', 'orders', 'sstables')).toBe('table:shop.orders:sstables');
    expect(isMetricName('table:shop.orders:write.p99')).toBe(true);
    expect(isMetricName('client.read.p99')).toBe(true);
    expect(isMetricName('table:shop.orders:drop')).toBe(false);
    expect(isMetricName("table:shop.orders';--:sstables")).toBe(false);
  });
});
