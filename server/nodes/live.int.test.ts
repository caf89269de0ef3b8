import { isTrackedEnvelope } from '@trpc/server';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from './snapshot';
import { closeAll } from '../cluster/registry';
import { testCaller } from '@/testing/test-caller';
import { stopAllPollers } from './live';

const caller = await testCaller();
afterAll(async () => {
  stopAllPollers();
  await closeAll();
});

/** Reads `count` tracked events; a server-side caller receives tRPC's raw envelopes, not the wire shape. */
async function take<T>(iterable: AsyncIterable<unknown>, count: number): Promise<{ id: string; data: T }[]> {
  const items: { id: string; data: T }[] = [];
  for await (const item of iterable) {
    if (!isTrackedEnvelope<T>(item)) throw new Error('expected a tracked event');
    items.push({ id: item[0], data: item[1] });
    if (items.length === count) break;
  }
  return items;
}

describe('live updates from the shared poller', () => {
  it('pushes the same snapshots to every subscriber, and the cluster sees one poll per interval', async () => {
    const before = await caller.cluster.traffic({ clusterId: 'demo' });
    const started = Date.now();
    const subscribers = await Promise.all(
      Array.from({ length: 5 }, async () => take<ClusterSnapshot>(await caller.cluster.live({ clusterId: 'demo' }), 4)),
    );
    const elapsedS = (Date.now() - started) / 1000;
    const after = await caller.cluster.traffic({ clusterId: 'demo' });
    const ids = subscribers.map((received) => received.map((r) => r.id));
    // Each subscriber may join at a slightly different snapshot, but they share the stream.
    const all = new Set(ids.flat());
    expect(all.size).toBeLessThanOrEqual(6);
    // 3 nodes per poll at 1 s: bounded by the elapsed time, not multiplied by the 5 subscribers.
    const sent = after.jolokiaRequests - before.jolokiaRequests;
    expect(sent).toBeLessThanOrEqual(3 * (Math.ceil(elapsedS) + 2));
    expect(subscribers[0]?.[0]?.data.nodes).toHaveLength(3);
  });

  it("keeps updating the others while one node's agent is out of reach, and says so on its row", async () => {
    const first = await caller.cluster.nodes({ clusterId: 'node3-no-jolokia' });
    const node3 = first.nodes.find((n) => n.address === '127.0.0.3')!;
    expect(node3.jolokiaError).toBe(
      'node 127.0.0.3: Jolokia refused connection — is the node running with the Jolokia agent on this port? (http://127.0.0.3:8779/jolokia/)',
    );
    // Its peers' gossip still vouches for it: only its own agent is missing.
    expect(node3.status).toBe('Up');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const second = await caller.cluster.nodes({ clusterId: 'node3-no-jolokia' });
    for (const address of ['127.0.0.1', '127.0.0.2']) {
      const a = first.nodes.find((n) => n.address === address)!;
      const b = second.nodes.find((n) => n.address === address)!;
      expect(a.jolokiaError).toBeNull();
      expect(b.uptimeMs!).toBeGreaterThan(a.uptimeMs!);
    }
  });
});
