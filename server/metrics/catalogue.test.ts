import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JolokiaResult } from '../cluster/jolokia';
import { COLLECTOR_REQUESTS, METRICS, readingOf, samplesBetween } from './catalogue';

// The answer node 1 of the real local cluster gave to COLLECTOR_REQUESTS (plus two compaction reads the
// collector does not make), recorded with curl; converted the way jolokiaBulk converts it.
const recorded = (JSON.parse(readFileSync(join(import.meta.dirname, 'recorded-bulk.json'), 'utf8')) as { status: number; value?: unknown; error?: string }[])
  .slice(0, COLLECTOR_REQUESTS.length)
  .map((item): JolokiaResult => (item.status === 200 ? { ok: true, value: item.value } : { ok: false, error: item.error ?? '' }));

describe('collector catalogue', () => {
  it('reads every metric it declares from a real answer', () => {
    const reading = readingOf(recorded);
    const names = [...Object.keys(reading.gauges), ...Object.keys(reading.counters)].sort();
    expect(names).toEqual(Object.keys(METRICS).sort());
    expect(reading.gauges['heap.used']).toBeGreaterThan(1_000_000);
    expect(reading.counters['client.read.rate']).toBeGreaterThanOrEqual(0);
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
    expect(samplesBetween({ reading: first, at: 0 }, second, 10_000)).toEqual({ 'heap.used': 12, 'client.write.rate': 60 });
  });
});
