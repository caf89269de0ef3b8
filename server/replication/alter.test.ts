import { describe, expect, it } from 'vitest';
import { alterStatement, planReplicationChange } from './alter';

const nts = (factors: Record<string, number>) => ({ strategy: 'NetworkTopologyStrategy', factors });
const DCS = ['dc1', 'dc2'];

describe('replication change', () => {
  it('builds the ALTER KEYSPACE statement, quoting what needs it', () => {
    expect(alterStatement('shop', nts({ dc2: 1, dc1: 2 }))).toBe(
      "ALTER KEYSPACE shop WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}",
    );
    expect(alterStatement('Shop', { strategy: 'SimpleStrategy', factors: { '*': 3 } })).toBe(
      `ALTER KEYSPACE "Shop" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}`,
    );
  });

  it('asks for a repair where the factor grew, a cleanup where it fell', () => {
    const plan = planReplicationChange('shop', nts({ dc1: 1, dc2: 1 }), nts({ dc1: 2, dc2: 1 }), DCS);
    expect(plan.changed).toBe(true);
    expect(plan.nextSteps).toEqual([
      expect.stringMatching(
        /^On each node of dc1, one at a time: nodetool repair -full shop \(the factor in dc1 grew from 1 to 2/,
      ),
    ]);
    const down = planReplicationChange('shop', nts({ dc1: 2, dc2: 1 }), nts({ dc1: 1, dc2: 1 }), DCS);
    expect(down.nextSteps).toEqual([expect.stringMatching(/^On each node of dc1: nodetool cleanup shop/)]);
  });

  it('asks for a rebuild for a DC that gets its first replicas, and a full repair when the strategy changes', () => {
    expect(planReplicationChange('shop', nts({ dc1: 2 }), nts({ dc1: 2, dc2: 1 }), DCS).nextSteps).toEqual([
      expect.stringMatching(/On each node of dc2: nodetool rebuild -ks shop/),
    ]);
    expect(
      planReplicationChange('shop', { strategy: 'SimpleStrategy', factors: { '*': 2 } }, nts({ dc1: 2, dc2: 1 }), DCS)
        .nextSteps,
    ).toEqual([
      expect.stringMatching(/full repair of shop on every node.*from SimpleStrategy to NetworkTopologyStrategy/),
    ]);
  });

  it('says nothing needs doing when nothing changes', () => {
    expect(planReplicationChange('shop', nts({ dc1: 2, dc2: 1 }), nts({ dc2: 1, dc1: 2 }), DCS)).toMatchObject({
      changed: false,
      nextSteps: [],
    });
  });
});
