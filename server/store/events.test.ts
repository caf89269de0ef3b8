import { beforeAll, describe, expect, it } from 'vitest';
import { useTemporaryConfig } from '@/testing/unit-config';
import { eventsBetween, pruneEvents, recordEvent } from './events';

const DAY = 86_400_000;

beforeAll(() => {
  useTemporaryConfig({
    clusters: [{ id: 'prod', contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' }],
    store: { eventRetentionDays: 30, eventsPerClusterMax: 1000 },
  });
});

describe('cluster events', () => {
  it('deletes events past their retention, and the oldest beyond the per-cluster limit', () => {
    const now = Date.now();
    // Recording prunes too, at most once a minute per cluster: the first event pruned, the old one waits.
    recordEvent('a', { ts: now - 10 * DAY, kind: 'node-up', node: '127.0.0.1', detail: 'recent' });
    recordEvent('a', { ts: now - 40 * DAY, kind: 'node-down', node: '127.0.0.1', detail: 'old' });
    recordEvent('b', { ts: now - 1 * DAY, kind: 'schema-change', node: null, detail: 'other cluster' });
    recordEvent('b', { ts: now - 40 * DAY, kind: 'schema-change', node: null, detail: 'other cluster, old' });
    expect(pruneEvents('a', now)).toBe(1);
    expect(eventsBetween('a', 0, now).map((e) => e.detail)).toEqual(['recent']);
    expect(eventsBetween('b', 0, now).map((e) => e.detail)).toEqual(['other cluster, old', 'other cluster']);

    for (let i = 0; i < 1005; i++)
      recordEvent('c', { ts: now - i, kind: 'collector-gap', node: null, detail: `gap ${i}` });
    expect(pruneEvents('c', now)).toBe(5);
    const kept = eventsBetween('c', 0, now, 5000);
    expect(kept).toHaveLength(1000);
    expect(kept.map((e) => e.detail)).not.toContain('gap 0');
    expect(kept.map((e) => e.detail)).toContain('gap 1004');
  });
});
