import { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll } from '../cluster/registry';
import { testCaller } from '@/testing/test-caller';

const caller = await testCaller();
afterAll(closeAll);

describe('clusters that cannot be reached are named, not crashed on', () => {
  it('an unreachable contact point: SERVICE_UNAVAILABLE naming the address and the failure', async () => {
    const failure = await caller.cluster.nodes({ clusterId: 'no-cql' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TRPCError);
    expect((failure as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
    expect((failure as TRPCError).message).toMatch(
      /^cluster no-cql: could not connect over CQL to any contact point: 127\.0\.0\.99:9042: .*ECONNREFUSED/,
    );
  });

  it('a wrong Jolokia port: every node still listed, each row saying its agent refused the connection', async () => {
    const { nodes } = await caller.cluster.nodes({ clusterId: 'wrong-jolokia' });
    expect(nodes.map((n) => n.address)).toEqual(['127.0.0.1', '127.0.0.2', '127.0.0.3']);
    for (const node of nodes) {
      expect(node.jolokiaError).toBe(
        `node ${node.address}: Jolokia refused connection — is the node running with the Jolokia agent on this port? (http://${node.address}:8779/jolokia/)`,
      );
      // Without any gossip view the driver's own opinion stands in.
      expect(node.status).toBe('Up');
    }
  });
});
