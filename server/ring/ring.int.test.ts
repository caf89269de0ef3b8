import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodetool, nodetoolStatus } from '@/localcluster/harness';
import { parseNodetoolRing } from '@/localcluster/nodetool-ring';
import { closeAll, driverFor } from '../cluster/registry';
import { testCaller } from '@/testing/test-caller';

const caller = await testCaller();
const KEYSPACES = {
  // One replica in each DC: dc1's two nodes split it unevenly (interleaved tokens), dc2's one holds all.
  ringside_it_ring_11: "{'class': 'NetworkTopologyStrategy', 'dc1': 1, 'dc2': 1}",
  ringside_it_ring_21: "{'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}",
  ringside_it_ring_simple: "{'class': 'SimpleStrategy', 'replication_factor': 2}",
};

beforeAll(async () => {
  const client = await driverFor('demo');
  for (const [name, replication] of Object.entries(KEYSPACES)) {
    await client.execute(`CREATE KEYSPACE IF NOT EXISTS ${name} WITH replication = ${replication}`);
  }
  await client.metadata.refreshKeyspaces();
});
afterAll(closeAll);

describe('the ring agrees with nodetool', () => {
  it('every range ends at a token nodetool ring lists, owned by the same node', async () => {
    const ring = await caller.ring.view({ clusterId: 'demo' });
    const fromConsole = ring.ranges.map((r) => `${r.end} ${r.owner}`).sort();
    const fromNodetool = parseNodetoolRing(nodetool(1, ['ring']))
      .map((e) => `${e.token} ${e.address}`)
      .sort();
    expect(fromConsole).toEqual(fromNodetool);
    expect(ring.ranges).toHaveLength(48);
    // Tokens beyond 2^53 arrive exact, as strings.
    expect(ring.ranges.some((r) => r.end === '-9223372036854775808')).toBe(true);
  });

  for (const keyspace of Object.keys(KEYSPACES)) {
    it(`effective ownership in ${keyspace} equals nodetool status ${keyspace}`, async () => {
      const ring = await caller.ring.view({ clusterId: 'demo', keyspace });
      const expected = nodetoolStatus(1, 'demo', keyspace);
      expect(expected).toHaveLength(3);
      for (const row of expected) {
        const owns = Number(row.owns.replace('%', ''));
        expect(ring.ownership?.[row.address] ?? 0, `${row.address} in ${keyspace}`).toBeCloseTo(owns / 100, 3);
      }
    });
  }

  it('names the keyspaces there are when asked for one that is not', async () => {
    await expect(caller.ring.view({ clusterId: 'demo', keyspace: 'no_such_keyspace' })).rejects.toThrow(
      /cluster demo has no keyspace "no_such_keyspace" \(it has: .*ringside_it_ring_11/,
    );
  });
});
