import cassandra from 'cassandra-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClusterOrThrow } from '@/localcluster/harness';
import { closeAll, driverFor } from '../cluster/registry';
import { testCaller } from '@/testing/test-caller';

const caller = await testCaller();
const KS = 'ringside_it_advisor';
const PAYLOAD = 'x'.repeat(1024);

// The project's own fixtures, built on the real cluster: a time series without a bucket filled until
// one partition passes 6 MiB, a queue read through thousands of tombstones, a legacy index on a
// unique column, and a well-modelled table that must not be flagged.
beforeAll(async () => {
  const client = await driverFor('demo');
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  await client.execute(
    `CREATE KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}`,
  );
  await client.execute(
    `CREATE TABLE ${KS}.readings (sensor_id int, ts timestamp, value double, payload text, PRIMARY KEY (sensor_id, ts))`,
  );
  await client.execute(`CREATE TABLE ${KS}.queue (id int, seq int, payload text, PRIMARY KEY (id, seq))`);
  await client.execute(`CREATE TABLE ${KS}.users (id uuid PRIMARY KEY, email text)`);
  await client.execute(`CREATE INDEX users_email_idx ON ${KS}.users (email)`);
  await client.execute(
    `CREATE TABLE ${KS}.readings_by_day (sensor_id int, day date, ts timestamp, value double, PRIMARY KEY ((sensor_id, day), ts)) WITH CLUSTERING ORDER BY (ts DESC)`,
  );

  const { executeConcurrent } = cassandra.concurrent;
  const start = Date.UTC(2026, 0, 1);
  await executeConcurrent(
    client,
    `INSERT INTO ${KS}.readings (sensor_id, ts, value, payload) VALUES (?, ?, ?, ?)`,
    Array.from({ length: 7000 }, (_, i) => [7, new Date(start + i * 1000), i / 10, PAYLOAD]),
    { concurrencyLevel: 64 },
  );
  await executeConcurrent(
    client,
    `INSERT INTO ${KS}.readings_by_day (sensor_id, day, ts, value) VALUES (?, ?, ?, ?)`,
    Array.from({ length: 200 }, (_, i) => [
      7,
      cassandra.types.LocalDate.fromDate(new Date(start + i * 600_000)),
      new Date(start + i * 600_000),
      i,
    ]),
    { concurrencyLevel: 32 },
  );
  await executeConcurrent(
    client,
    `INSERT INTO ${KS}.queue (id, seq, payload) VALUES (?, ?, ?)`,
    Array.from({ length: 3000 }, (_, i) => [1, i, 'job']),
    { concurrencyLevel: 64 },
  );
  await executeConcurrent(
    client,
    `DELETE FROM ${KS}.queue WHERE id = ? AND seq = ?`,
    Array.from({ length: 2500 }, (_, i) => [1, i]),
    { concurrencyLevel: 64 },
  );
  await executeConcurrent(
    client,
    `INSERT INTO ${KS}.users (id, email) VALUES (?, ?)`,
    Array.from({ length: 300 }, (_, i) => [cassandra.types.Uuid.random(), `user${i}@example.com`]),
    { concurrencyLevel: 32 },
  );
  // Partition sizes are known once memtables are flushed to SSTables.
  for (const node of ['1', '2', '3']) runClusterOrThrow(['nodetool', node, 'flush', KS]);
  // Read the queue the way a consumer does: the whole partition, through its tombstones.
  for (let i = 0; i < 30; i++)
    await client.execute(`SELECT * FROM ${KS}.queue WHERE id = 1`, [], {
      prepare: true,
      consistency: cassandra.types.consistencies.all,
    });
}, 300_000);
afterAll(closeAll);

describe('the data-model advisor on the project fixtures', () => {
  it('flags each bad table with the right rule, evidence and fix, and leaves the good one alone', async () => {
    const advice = await caller.schema.advise({
      clusterId: 'demo',
      keyspace: KS,
      thresholds: { largePartitionMiB: 4 },
    });
    expect(advice.unreadNodes).toEqual([]);
    expect(advice.tablesChecked).toBe(4);
    const byTable = (table: string) =>
      advice.findings
        .filter((f) => f.table === table)
        .map((f) => f.rule)
        .sort();

    expect(byTable('readings')).toEqual(['ascending-time-clustering', 'large-partition', 'unbucketed-time-series']);
    const large = advice.findings.find((f) => f.rule === 'large-partition')!;
    expect(large.evidence).toMatch(/the largest partition of ringside_it_advisor\.readings is [4-9] MiB/);
    expect(large.fix).toContain('PRIMARY KEY ((sensor_id, day), ts)');

    expect(byTable('queue')).toEqual(['tombstone-heavy-reads']);
    expect(advice.findings.find((f) => f.rule === 'tombstone-heavy-reads')!.evidence).toMatch(/tombstones per read/);

    expect(byTable('users')).toEqual(['high-cardinality-index']);
    expect(byTable('readings_by_day')).toEqual([]);
  });
});
