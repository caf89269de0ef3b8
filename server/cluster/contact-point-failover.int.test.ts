/**
 * Any live node is a way in: with node 1 — the only contact point of cluster `demo` — killed and
 * nodes 2 and 3 up, a workbench client made afterwards still connects, through the nodes the
 * console's own client has seen up. Node 1 is started again however the test ends, and the test
 * waits until it is Up: the cluster is shared.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { nodetoolStatus, runClusterOrThrow, waitFor } from '@/localcluster/harness';
import { testCaller } from '@/testing/test-caller';
import { closeAll, driverFor } from './registry';
import { knownUpHosts } from './known-hosts';

const caller = await testCaller();

let killed = false;
let restoring: Promise<void> | null = null;

/** Starts node 1 again if this test killed it, and waits until both it and the console see it Up. Once. */
function restoreNode1(): Promise<void> {
  restoring ??= (async () => {
    if (!killed) return;
    runClusterOrThrow(['start', '1']);
    killed = false;
    await waitFor(
      'nodetool status on node 2 to show 127.0.0.1 Up',
      () => (nodetoolStatus(2).find((r) => r.address === '127.0.0.1')?.status === 'Up' ? true : undefined),
      120_000,
      2000,
    );
  })();
  return restoring;
}

afterAll(async () => {
  try {
    await restoreNode1();
  } finally {
    await closeAll();
  }
}, 400_000);

const upHosts = async () =>
  (await driverFor('demo')).hosts
    .values()
    .filter((h) => h.isUp())
    .map((h) => h.address)
    .sort();

describe('a new driver client with the only contact point down', () => {
  it('connects through the nodes the console has seen up, and the workbench runs', async () => {
    // As in a running console: its own client has connected and followed the cluster before node 1 dies.
    await waitFor('the console client to see every node up', async () =>
      (await upHosts()).length === 3 ? true : undefined,
    );
    expect(knownUpHosts('demo').sort()).toEqual(['127.0.0.1:9042', '127.0.0.2:9042', '127.0.0.3:9042']);

    runClusterOrThrow(['kill', '1']);
    killed = true;
    try {
      await waitFor(
        'the console client to see 127.0.0.1 down',
        async () => ((await upHosts()).includes('127.0.0.1:9042') ? undefined : true),
        60_000,
      );
      expect(knownUpHosts('demo').sort()).toEqual(['127.0.0.2:9042', '127.0.0.3:9042']);

      // No workbench client exists yet in this process: each of these makes a new one.
      const plain = await caller.query.run({
        clusterId: 'demo',
        keyspace: null,
        runId: 'failover-1',
        statement: 'SELECT release_version FROM system.local',
        recordHistory: false,
      });
      if (!plain.ok || plain.kind !== 'rows') throw new Error(JSON.stringify(plain).slice(0, 500));
      expect(plain.rows).toHaveLength(1);
      expect(plain.coordinator).not.toMatch(/^127\.0\.0\.1:/);

      const bound = await caller.query.run({
        clusterId: 'demo',
        keyspace: 'system_schema',
        runId: 'failover-2',
        statement: "SELECT keyspace_name FROM keyspaces WHERE keyspace_name = 'system_schema'",
        recordHistory: false,
      });
      if (!bound.ok || bound.kind !== 'rows') throw new Error(JSON.stringify(bound).slice(0, 500));
      expect(bound.rows).toEqual([['system_schema']]);
    } finally {
      await restoreNode1();
    }
    await waitFor('the console client to see 127.0.0.1 up again', async () =>
      (await upHosts()).includes('127.0.0.1:9042') ? true : undefined,
    );
  });
});
