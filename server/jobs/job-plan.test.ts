import { describe, expect, it } from 'vitest';
import { compareAddresses, gateRefusal, nextBatch, overlapping, planSteps, PlanError, type PlanNode } from './job-plan';
import type { Job, JobStep } from './job-types';

const up = (address: string, dc: string, rack = 'rack1', extra: Partial<PlanNode> = {}): PlanNode => ({
  address,
  dc,
  rack,
  status: 'Up',
  state: 'Normal',
  ...extra,
});
const NODES = [up('127.0.0.3', 'dc2'), up('127.0.0.10', 'dc1'), up('127.0.0.2', 'dc1'), up('127.0.0.1', 'dc1')];
const target = (t: Partial<Parameters<typeof planSteps>[0]>) => ({
  scope: 'cluster' as const,
  keyspace: null,
  tables: [],
  ...t,
});

describe('planSteps', () => {
  it('orders the cluster by DC, rack, then address as numbers', () => {
    expect(planSteps(target({}), NODES).map((s) => s.node)).toEqual([
      '127.0.0.1',
      '127.0.0.2',
      '127.0.0.10',
      '127.0.0.3',
    ]);
    expect(compareAddresses('127.0.0.9', '127.0.0.10')).toBeLessThan(0);
  });

  it('keeps one DC, or one node, and names what does not exist', () => {
    expect(planSteps(target({ scope: 'dc', dc: 'dc2' }), NODES).map((s) => s.node)).toEqual(['127.0.0.3']);
    expect(planSteps(target({ scope: 'node', node: '127.0.0.2' }), NODES)).toHaveLength(1);
    expect(() => planSteps(target({ scope: 'dc', dc: 'dc9' }), NODES)).toThrow(
      new PlanError('no data centre "dc9" in this cluster (data centres: dc1, dc2)'),
    );
    expect(() => planSteps(target({ scope: 'node', node: '10.0.0.1' }), NODES)).toThrow(/no node 10\.0\.0\.1/);
  });
});

const step = (seq: number, node: string, rack: string, state: JobStep['state'] = 'pending'): JobStep => ({
  seq,
  node,
  dc: 'dc1',
  rack,
  state,
  startedAt: null,
  endedAt: null,
  message: null,
  progress: null,
});

describe('nextBatch', () => {
  const steps = [step(0, 'a', 'r1', 'succeeded'), step(1, 'b', 'r1'), step(2, 'c', 'r2'), step(3, 'd', 'r1')];
  it('is the next pending node, or with byRack every pending node of its rack', () => {
    expect(nextBatch(steps, { byRack: false, settleMs: 0 }).map((s) => s.node)).toEqual(['b']);
    expect(nextBatch(steps, { byRack: true, settleMs: 0 }).map((s) => s.node)).toEqual(['b', 'd']);
    expect(
      nextBatch(
        steps.map((s) => ({ ...s, state: 'succeeded' as const })),
        null,
      ),
    ).toEqual([]);
  });
});

describe('gateRefusal', () => {
  const healthy = { nodes: NODES, schemaVersions: [{ version: 'abc', addresses: [] }], streaming: [] };
  it('lets a node start when every other node is Up and Normal, one schema, nothing streaming', () => {
    expect(gateRefusal(['127.0.0.1'], healthy)).toBeNull();
  });
  it('names the node and the reason when it may not', () => {
    const down = NODES.map((n) =>
      n.address === '127.0.0.2' ? { ...n, status: 'Down', downReason: 'not-listening' } : n,
    );
    expect(gateRefusal(['127.0.0.2'], { ...healthy, nodes: down })).toBe('node 127.0.0.2 is Down (not-listening)');
    expect(gateRefusal(['127.0.0.1'], { ...healthy, nodes: down })).toMatch(
      /^node 127\.0\.0\.2 is Down \(not-listening\): every other node must be Up before 127\.0\.0\.1 starts/,
    );
    const joining = NODES.map((n) => (n.address === '127.0.0.3' ? { ...n, state: 'Joining' } : n));
    expect(gateRefusal(['127.0.0.1'], { ...healthy, nodes: joining })).toMatch(/127\.0\.0\.3 is Joining/);
    expect(
      gateRefusal(['127.0.0.1'], {
        ...healthy,
        schemaVersions: [
          { version: 'aaaaaaaa-1', addresses: ['127.0.0.1'] },
          { version: 'bbbbbbbb-2', addresses: ['127.0.0.2'] },
        ],
      }),
    ).toMatch(/disagree on the schema/);
    // Mid-upgrade: nodes of two releases never agree on the schema version until the upgrade ends.
    const mixed = NODES.map((n) => ({ ...n, releaseVersion: n.address === '127.0.0.2' ? '5.0.9' : '4.1.10' }));
    expect(
      gateRefusal(['127.0.0.1'], {
        ...healthy,
        nodes: mixed,
        schemaVersions: [
          { version: '786a1098-1', addresses: ['127.0.0.1', '127.0.0.3'] },
          { version: '5e43ae50-2', addresses: ['127.0.0.2'] },
        ],
      }),
    ).toBe(
      'the nodes disagree on the schema (786a1098 on 127.0.0.1, 127.0.0.3; 5e43ae50 on 127.0.0.2): the cluster is mid-upgrade ' +
        '(4.1.10 on 127.0.0.1, 127.0.0.3, 127.0.0.10; 5.0.9 on 127.0.0.2), and nodes of different releases report different schema ' +
        'versions until every node runs the same one; finish the upgrade, or run the operation node by node',
    );
    expect(gateRefusal(['127.0.0.1'], { ...healthy, streaming: [{ node: '127.0.0.3', what: 'Repair with x' }] })).toBe(
      'node 127.0.0.3 is streaming (Repair with x)',
    );
    expect(gateRefusal(['127.0.0.9'], healthy)).toBe('node 127.0.0.9 is no longer in the cluster');
  });
});

describe('overlapping', () => {
  const active = { id: 'j1', rolling: { byRack: false, settleMs: 0 }, steps: [step(0, 'a', 'r'), step(1, 'b', 'r')] };
  it("refuses a second job over a rolling job's nodes, and a rolling job over any active one", () => {
    expect(overlapping({ rolling: null, nodes: ['b'] }, [active as unknown as Job])?.shared).toEqual(['b']);
    expect(overlapping({ rolling: null, nodes: ['c'] }, [active as unknown as Job])).toBeNull();
    const single = { ...active, rolling: null };
    expect(overlapping({ rolling: null, nodes: ['a'] }, [single as unknown as Job])).toBeNull();
    expect(
      overlapping({ rolling: { byRack: false, settleMs: 0 }, nodes: ['a'] }, [single as unknown as Job]),
    ).not.toBeNull();
  });
});
