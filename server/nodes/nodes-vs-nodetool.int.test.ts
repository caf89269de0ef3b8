import { afterAll, describe, expect, it } from 'vitest';
import { nodetoolStatus, runClusterOrThrow, waitFor } from '@/localcluster/harness';
import type { NodetoolStatusRow } from '@/localcluster/nodetool-status';
import { closeAll } from '../cluster/registry';
import { testCaller } from '@/testing/test-caller';
import type { NodeRow } from './merge-nodes';

const caller = await testCaller();
afterAll(closeAll);

const fromNodetool = (r: NodetoolStatusRow) => `${r.address} ${r.dc} ${r.rack} ${r.status} ${r.state} ${r.hostId}`;
const fromConsole = (r: NodeRow) => `${r.address} ${r.dc} ${r.rack} ${r.status} ${r.state} ${r.hostId}`;

async function consoleNodes(): Promise<NodeRow[]> {
  return (await caller.cluster.nodes({ clusterId: 'demo' })).nodes;
}

const statusOf = (rows: { address: string; status: string }[], address: string) =>
  rows.find((r) => r.address === address)?.status;

describe('cluster.nodes agrees with nodetool status', () => {
  it('on every node: address, DC, rack, status, state and host id', async () => {
    const console = (await consoleNodes()).map(fromConsole).sort();
    for (const node of [1, 2, 3]) {
      expect(nodetoolStatus(node).map(fromNodetool).sort(), `nodetool status on node ${node}`).toEqual(console);
    }
    expect(console).toHaveLength(3);
  });

  it('shows node 3 Down after `cluster kill 3`, like nodetool on node 1, and Up again after `start 3`', async () => {
    runClusterOrThrow(['kill', '3']);
    try {
      await waitFor(
        'nodetool status on node 1 to show 127.0.0.3 Down',
        () => (statusOf(nodetoolStatus(1), '127.0.0.3') === 'Down' ? true : undefined),
        60_000,
        1000,
      );
      const early = await waitFor('cluster.nodes to show 127.0.0.3 Down', async () => {
        const nodes = await consoleNodes();
        return statusOf(nodes, '127.0.0.3') === 'Down' ? nodes : undefined;
      });
      expect(early.map((r) => `${r.address} ${r.status}`)).toEqual(['127.0.0.1 Up', '127.0.0.2 Up', '127.0.0.3 Down']);
      // Down may come first from the dead process; both peers' failure detectors convict it soon after.
      const rows = await waitFor(
        'both peers to convict 127.0.0.3',
        async () => {
          const nodes = await consoleNodes();
          return nodes.find((n) => n.address === '127.0.0.3')?.seenDownBy.length === 2 ? nodes : undefined;
        },
        60_000,
      );
      const node3 = rows.find((r) => r.address === '127.0.0.3')!;
      expect(node3.seenDownBy).toEqual(['127.0.0.1', '127.0.0.2']);
      expect(node3.downReason).toBe('gossip');
      expect(node3.jolokiaError).toMatch(/^node 127\.0\.0\.3: Jolokia refused connection/);
    } finally {
      runClusterOrThrow(['start', '3']);
    }
    await waitFor(
      'nodetool status on node 1 to show 127.0.0.3 Up',
      () => (statusOf(nodetoolStatus(1), '127.0.0.3') === 'Up' ? true : undefined),
      60_000,
    );
    const after = await waitFor('cluster.nodes to show every node Up', async () => {
      const nodes = await consoleNodes();
      return nodes.every((n) => n.status === 'Up' && n.jolokiaError === null) ? nodes : undefined;
    });
    expect(after).toHaveLength(3);
  });
});
