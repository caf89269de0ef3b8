import { afterAll, describe, expect, it } from 'vitest';
import { nodetool, waitFor } from '@/localcluster/harness';
import { closeAll } from '../cluster/registry';
import { testCaller } from '@/testing/test-caller';
import { parseEndpointStates } from './endpoint-states';

const caller = await testCaller();
afterAll(closeAll);

const COMPARED = ['STATUS', 'SCHEMA', 'DC', 'RACK', 'RELEASE_VERSION', 'HOST_ID'];

describe('gossip agrees with nodetool gossipinfo', () => {
  for (const node of [1, 2, 3]) {
    const address = `127.0.0.${node}`;
    it(`node ${node}: generation and ${COMPARED.join(', ')} of every endpoint`, async () => {
      const { observer } = await caller.gossip.info({ clusterId: 'demo', observer: address });
      expect(observer?.error).toBeNull();
      const fromNodetool = parseEndpointStates(nodetool(node, ['gossipinfo']));
      expect(fromNodetool.map((s) => s.endpoint).sort()).toEqual(observer!.gossip.map((g) => g.address).sort());
      for (const expected of fromNodetool) {
        const entry = observer!.gossip.find((g) => g.address === expected.endpoint)!;
        expect(entry.generation, `generation of ${expected.endpoint}`).toBe(expected.generation);
        for (const state of COMPARED)
          expect(entry.states[state]?.value, `${state} of ${expected.endpoint} seen by ${address}`).toBe(
            expected.states[state]?.value,
          );
      }
    });
  }

  it('sees every heartbeat advance over a few seconds, and says so', async () => {
    const first = await caller.gossip.info({ clusterId: 'demo', observer: '127.0.0.1' });
    // A peer's heartbeat reaches node 1 with gossip rounds: give it a few of them.
    const later = await waitFor(
      'a poll a few seconds later',
      async () => {
        const next = await caller.gossip.info({ clusterId: 'demo', observer: '127.0.0.1' });
        return next.takenAt.getTime() - first.takenAt.getTime() >= 4000 &&
          next.observer?.gossip.every((g) => g.heartbeatAdvancing !== null)
          ? next
          : undefined;
      },
      30_000,
      500,
    );
    for (const entry of later.observer!.gossip) {
      const before = first.observer!.gossip.find((g) => g.endpoint === entry.endpoint)!;
      expect(entry.heartbeat!, `heartbeat of ${entry.endpoint}`).toBeGreaterThan(before.heartbeat!);
      expect(entry.heartbeatAdvancing).toBe(true);
    }
  });

  it('reports schema agreement as a single version held by every node', async () => {
    const matrix = await caller.gossip.disagreement({ clusterId: 'demo' });
    expect(matrix.schemaDisagreement).toBe(false);
    expect(matrix.splitView).toBe(false);
    expect(matrix.rows.map((r) => r.observer)).toEqual(['127.0.0.1', '127.0.0.2', '127.0.0.3']);
  });
});
