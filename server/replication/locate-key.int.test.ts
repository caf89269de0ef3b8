import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodetoolCommandLine } from '@/localcluster/harness';
import { closeAll, driverFor } from '../cluster/registry';
import { testCaller } from '@/testing/test-caller';

const caller = await testCaller();
const KS = 'ringside_it_keys';

beforeAll(async () => {
  const client = await driverFor('demo');
  // One replica per DC: which of dc1's two nodes holds a key depends on the key, so a wrong token shows.
  await client.execute(
    `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1, 'dc2': 1}`,
  );
  await client.execute(`CREATE TABLE IF NOT EXISTS ${KS}.by_text (k text PRIMARY KEY, v int)`);
  await client.execute(`CREATE TABLE IF NOT EXISTS ${KS}.by_int (k int PRIMARY KEY, v int)`);
  await client.execute(`CREATE TABLE IF NOT EXISTS ${KS}.by_uuid (k uuid PRIMARY KEY, v int)`);
  await client.execute(`CREATE TABLE IF NOT EXISTS ${KS}.by_composite (a text, b int, c int, PRIMARY KEY ((a, b), c))`);
});
afterAll(closeAll);

/** `nodetool getendpoints` on node 1, from the same classpath. Composite keys are written a:b. */
function getendpoints(table: string, key: string): string[] {
  const command = nodetoolCommandLine(1, ['getendpoints', KS, table, key]);
  const out = spawnSync(command.java, command.args, { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`nodetool getendpoints ${KS} ${table} ${key}: ${out.stderr}`);
  return out.stdout
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .sort();
}

const cases: { table: string; key: Record<string, string>; nodetoolKey: string }[] = [
  ...Array.from({ length: 13 }, (_, i) => ({
    table: 'by_text',
    key: { k: `sensor-${i * 7919}` },
    nodetoolKey: `sensor-${i * 7919}`,
  })),
  ...[0, 1, -1, 42, 2147483647, -2147483648, ...Array.from({ length: 7 }, (_, i) => i * 104729 - 300000)].map((n) => ({
    table: 'by_int',
    key: { k: String(n) },
    nodetoolKey: String(n),
  })),
  ...Array.from({ length: 12 }, () => randomUUID()).map((u) => ({ table: 'by_uuid', key: { k: u }, nodetoolKey: u })),
  ...Array.from({ length: 12 }, (_, i) => ({
    table: 'by_composite',
    key: { a: `tenant-${i}`, b: String(i * 31 - 100) },
    nodetoolKey: `tenant-${i}:${i * 31 - 100}`,
  })),
];

describe('where a key lives agrees with nodetool getendpoints', () => {
  it(`for ${cases.length} keys of text, int, uuid and composite (text, int) partition keys`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    const seenNodes = new Set<string>();
    for (const c of cases) {
      const location = await caller.replication.locate({ clusterId: 'demo', keyspace: KS, table: c.table, key: c.key });
      const replicas = location.replicas.map((r) => r.address).sort();
      expect(replicas, `${c.table} ${c.nodetoolKey}`).toEqual(getendpoints(c.table, c.nodetoolKey));
      expect(location.token).toMatch(/^-?\d+$/);
      replicas.forEach((r) => seenNodes.add(r));
    }
    // The keys spread over both dc1 nodes: the comparison really told them apart.
    expect([...seenNodes].sort()).toEqual(['127.0.0.1', '127.0.0.2', '127.0.0.3']);
  });

  it('agrees with the token Cassandra itself computes for a stored row', async () => {
    const client = await driverFor('demo');
    await client.execute(`INSERT INTO ${KS}.by_composite (a, b, c) VALUES ('tenant-x', 7, 1)`);
    const row = (
      await client.execute(`SELECT token(a, b) AS t FROM ${KS}.by_composite WHERE a = 'tenant-x' AND b = 7`)
    ).first();
    const location = await caller.replication.locate({
      clusterId: 'demo',
      keyspace: KS,
      table: 'by_composite',
      key: { a: 'tenant-x', b: '7' },
    });
    expect(location.token).toBe(row.get('t').toString());
  });

  it('names the column and the type of a key that does not parse', async () => {
    await expect(
      caller.replication.locate({ clusterId: 'demo', keyspace: KS, table: 'by_int', key: { k: 'twelve' } }),
    ).rejects.toThrow('column k is int, and "twelve" is not a int: expected a whole number');
    await expect(
      caller.replication.locate({ clusterId: 'demo', keyspace: KS, table: 'by_composite', key: { a: 'x' } }),
    ).rejects.toThrow('the partition key of ringside_it_keys.by_composite is (a, b); give a value for b');
  });
});
