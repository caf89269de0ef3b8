import { randomBytes } from 'node:crypto';
import cassandra from 'cassandra-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@/localcluster/harness';
import { jolokiaBulk, jolokiaUrl, type JolokiaRequest } from '../cluster/jolokia';
import { closeAll, driverFor } from '../cluster/registry';
import { testCaller } from '../testing';

const caller = testCaller();
const KS = 'ringside_it_compaction';
const DC1 = ['127.0.0.1', '127.0.0.2'];
const SS = 'org.apache.cassandra.db:type=StorageService';

function exec(node: string, request: JolokiaRequest, timeoutMs = 10_000) {
  return jolokiaBulk({ node, url: jolokiaUrl(undefined, node, 8778), timeoutMs }, [request]);
}

beforeAll(async () => {
  const client = await driverFor('demo');
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  await client.execute(`CREATE KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}`);
  // Automatic compaction off, so twenty flushes leave twenty SSTables for the forced major compaction.
  await client.execute(`CREATE TABLE ${KS}.events (k int, c int, v text, PRIMARY KEY (k, c)) WITH compaction = {'class': 'SizeTieredCompactionStrategy', 'enabled': 'false'}`);
  // Random payloads: compression must not shrink the data to nothing, or the compaction ends before it can be seen.
  for (let round = 0; round < 20; round++) {
    const rows = Array.from({ length: 2500 }, (_, i) => [i % 50, round * 2500 + i, randomBytes(512).toString('base64')]);
    await cassandra.concurrent.executeConcurrent(client, `INSERT INTO ${KS}.events (k, c, v) VALUES (?, ?, ?)`, rows, { concurrencyLevel: 64 });
    for (const node of DC1) await exec(node, { type: 'exec', mbean: SS, operation: 'forceKeyspaceFlush(java.lang.String,[Ljava.lang.String;)', arguments: [KS, ['events']] });
  }
  // Slow compaction down so its progress can be watched.
  for (const node of DC1) await exec(node, { type: 'write', mbean: SS, attribute: 'CompactionThroughputMbPerSec', value: 2 });
}, 300_000);

afterAll(async () => {
  for (const node of DC1) await exec(node, { type: 'write', mbean: SS, attribute: 'CompactionThroughputMbPerSec', value: 64 }).catch(() => undefined);
  await closeAll();
});

describe('compaction view against a forced major compaction', () => {
  it('shows ≥ 20 SSTables, then the compaction with advancing progress, then it in the history', async () => {
    const tables = await caller.compaction.tables({ clusterId: 'demo' });
    const events = tables.find((t) => t.keyspace === KS && t.table === 'events')!;
    expect(events.strategy).toBe('SizeTieredCompactionStrategy');
    const busiest = Math.max(...Object.values(events.sstables));
    expect(busiest).toBeGreaterThanOrEqual(20);
    const node = Object.entries(events.sstables).find(([, n]) => n === busiest)![0];

    const startedAt = new Date();
    // The exec answers only when the compaction ends: fire it, watch the console meanwhile.
    const compaction = exec(node, { type: 'exec', mbean: SS, operation: 'forceKeyspaceCompaction(boolean,java.lang.String,[Ljava.lang.String;)', arguments: [false, KS, ['events']] }, 300_000);

    const first = await waitFor('the compaction to appear with some progress', async () => {
      const current = await caller.compaction.current({ clusterId: 'demo' });
      return current.running.find((c) => c.keyspace === KS && c.table === 'events' && c.completed > 0);
    }, 60_000, 500);
    expect(first.node).toBe(node);
    expect(first.total).toBeGreaterThan(first.completed);
    const later = await waitFor('its progress to advance', async () => {
      const current = await caller.compaction.current({ clusterId: 'demo' });
      const same = current.running.find((c) => c.id === first.id);
      return same && same.completed > first.completed && same.rate !== null ? same : undefined;
    }, 30_000, 500);
    expect(later.rate!).toBeGreaterThan(0);
    expect(later.etaSeconds).not.toBeNull();

    await compaction;
    const entry = await waitFor('the compaction in the history', async () => {
      const history = await caller.compaction.history({ clusterId: 'demo', keyspace: KS, limit: 10 });
      return history.entries.find((e) => e.table === 'events' && e.node === node && e.compactedAt >= new Date(startedAt.getTime() - 1000));
    }, 30_000, 1000);
    expect(entry.bytesIn).toBeGreaterThan(entry.bytesOut * 0.5);
  }, 300_000);
});
