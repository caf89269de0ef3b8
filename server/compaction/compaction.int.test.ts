import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  forceMajorCompaction,
  setCompactionThroughput,
  tableWithTwentySSTables,
} from '@/localcluster/compaction-fixture';
import { waitFor } from '@/localcluster/harness';
import { closeAll } from '../cluster/registry';
import { testCaller } from '@/testing/test-caller';

const caller = await testCaller();
const KS = 'ringside_it_compaction';

beforeAll(async () => {
  await tableWithTwentySSTables(KS);
  // Slow compaction down so its progress can be watched.
  await setCompactionThroughput(2);
}, 300_000);

afterAll(async () => {
  await setCompactionThroughput(64).catch(() => undefined);
  await closeAll();
});

describe('compaction view against a forced major compaction', () => {
  it('shows ≥ 20 SSTables, then the compaction with advancing progress, then it in the history', async () => {
    const { tables } = await caller.compaction.tables({ clusterId: 'demo' });
    const events = tables.find((t) => t.keyspace === KS && t.table === 'events')!;
    expect(events.strategy).toBe('SizeTieredCompactionStrategy');
    const busiest = Math.max(...Object.values(events.sstables));
    expect(busiest).toBeGreaterThanOrEqual(20);
    const node = Object.entries(events.sstables).find(([, n]) => n === busiest)![0];

    const startedAt = new Date();
    // The exec answers only when the compaction ends: fire it, watch the console meanwhile.
    const compaction = forceMajorCompaction(node, KS);

    const first = await waitFor(
      'the compaction to appear with some progress',
      async () => {
        const current = await caller.compaction.current({ clusterId: 'demo' });
        return current.running.find((c) => c.keyspace === KS && c.table === 'events' && c.completed > 0);
      },
      60_000,
      500,
    );
    expect(first.node).toBe(node);
    expect(first.total).toBeGreaterThan(first.completed);
    const later = await waitFor(
      'its progress to advance',
      async () => {
        const current = await caller.compaction.current({ clusterId: 'demo' });
        const same = current.running.find((c) => c.id === first.id);
        return same && same.completed > first.completed && same.rate !== null ? same : undefined;
      },
      30_000,
      500,
    );
    expect(later.rate!).toBeGreaterThan(0);
    expect(later.etaSeconds).not.toBeNull();

    await compaction;
    const entry = await waitFor(
      'the compaction in the history',
      async () => {
        const history = await caller.compaction.history({ clusterId: 'demo', keyspace: KS, limit: 10 });
        return history.entries.find(
          (e) => e.table === 'events' && e.node === node && e.compactedAt >= new Date(startedAt.getTime() - 1000),
        );
      },
      30_000,
      1000,
    );
    expect(entry.bytesIn).toBeGreaterThan(entry.bytesOut * 0.5);
  }, 300_000);
});
