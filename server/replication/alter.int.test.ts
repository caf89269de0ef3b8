import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, driverFor } from '../cluster/registry';
import { testCaller } from '@/testing/test-caller';

const caller = await testCaller();
const KS = 'ringside_it_alter';

beforeAll(async () => {
  const client = await driverFor('demo');
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  await client.execute(`CREATE KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}`);
});
afterAll(closeAll);

describe('the replication editor against the real cluster', () => {
  it('lists the keyspace with the warnings its replication deserves', async () => {
    const { keyspaces, nodesPerDc } = await caller.replication.keyspaces({ clusterId: 'demo' });
    expect(nodesPerDc).toEqual({ dc1: 2, dc2: 1 });
    const ks = keyspaces.find((k) => k.name === KS)!;
    expect(ks.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/DC dc2 holds no replica/),
      expect.stringMatching(/replication factor 1/),
    ]);
  });

  it('previews, refuses a statement that was not confirmed, then runs the confirmed one and says what to run next', async () => {
    const target = { strategy: 'NetworkTopologyStrategy' as const, factors: { dc1: 2, dc2: 1 } };
    const preview = await caller.replication.preview({ clusterId: 'demo', keyspace: KS, replication: target });
    expect(preview.statement).toBe(
      `ALTER KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}`,
    );
    expect(preview.nextSteps).toEqual([
      expect.stringMatching(/^On each node of dc1, one at a time: nodetool repair -full/),
      expect.stringMatching(/^On each node of dc2: nodetool rebuild -ks/),
    ]);

    await expect(
      caller.replication.alter({
        clusterId: 'demo',
        keyspace: KS,
        replication: target,
        confirmedStatement: `ALTER KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy'}`,
      }),
    ).rejects.toThrow(/the confirmed statement is not the one this change produces/);
    const client = await driverFor('demo');
    const before = (
      await client.execute('SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?', [KS])
    )
      .first()
      .get('replication');
    expect(before.dc1).toBe('1');

    const result = await caller.replication.alter({
      clusterId: 'demo',
      keyspace: KS,
      replication: target,
      confirmedStatement: preview.statement,
    });
    expect(result.schemaAgreed).toBe(true);
    const after = (
      await client.execute('SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?', [KS])
    )
      .first()
      .get('replication');
    expect(after).toMatchObject({ dc1: '2', dc2: '1' });
  });

  it("shows Cassandra's own message when it rejects the change", async () => {
    const target = { strategy: 'NetworkTopologyStrategy' as const, factors: { dc1: 1, dc9: 1 } };
    const preview = await caller.replication.preview({ clusterId: 'demo', keyspace: KS, replication: target });
    expect(preview.warnings.map((w) => w.message)).toContain(
      'replicates to DC dc9, which has no nodes: those replicas do not exist.',
    );
    await expect(
      caller.replication.alter({
        clusterId: 'demo',
        keyspace: KS,
        replication: target,
        confirmedStatement: preview.statement,
      }),
    ).rejects.toThrow(/^Cassandra rejected the statement: .*dc9/);
  });
});
