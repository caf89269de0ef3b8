/**
 * Paging against the real cluster: the console's always-on half runs as a process of its own
 * (testing/console-core.ts: no HTTP server, so no browser and no subscriber), a real receiver on
 * 127.0.0.1 verifies every signature with standardwebhooks, and node 3 is killed, paused and
 * restarted. Node 3 is restored however a test ends.
 */
import { dirname } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runClusterAsync, waitFor } from '@/localcluster/harness';
import { openStore } from '@/server/store/database';
import { startConsoleCore } from '@/testing/console-process';
import { startPagingRig } from '@/testing/paging-rig';
import type { ReceivedRequest } from '@/testing/webhook-receiver';

const NODE3 = '127.0.0.3';

let node3 = 'running' as 'running' | 'killed' | 'paused';
async function restoreNode3() {
  if (node3 === 'killed') await runClusterAsync(['start', '3']);
  if (node3 === 'paused') await runClusterAsync(['resume', '3']);
  node3 = 'running';
}
afterEach(restoreNode3);
afterAll(restoreNode3);

describe('paging with nobody watching', () => {
  it('kill 3 pages exactly once, its other signals are listed under it, start 3 resolves it once', async () => {
    const run = await startPagingRig({
      // The agent alert at once, so that it is there to be muted under the node's incident.
      rules: [{ id: 'agent-now', name: 'Agent unreachable now', kind: 'agent-unreachable', severity: 'warning' }],
    });
    try {
      // Healthy: a few seconds of evaluations page nobody.
      await new Promise((resolve) => setTimeout(resolve, 5000));
      expect(run.delivered()).toEqual([]);

      await runClusterAsync(['kill', '3']);
      node3 = 'killed';
      const firing = await waitFor('the firing notification', () => run.delivered()[0], 30_000, 200);
      expect(firing.type).toBe('alert.firing');
      expect(firing.title).toBe(`Node down or not answering: ${NODE3}`);

      // Both verdicts on the node (gossip's Down, the probe's refusal) join as members, its agent alert
      // as a muted child, each within a poll or a probe of the other: the store shows them, nobody is paged again.
      const store = openStore(dirname(run.configFile));
      const ruleIds = (json: string) => (JSON.parse(json) as { ruleId: string }[]).map((m) => m.ruleId).sort();
      const incident = await waitFor(
        'both node alerts as members and the agent alert muted under them',
        () => {
          const row = store
            .prepare(`SELECT members, muted FROM alert_incidents WHERE id = ?`)
            .get(firing.incidentId) as { members: string; muted: string } | undefined;
          if (!row) return undefined;
          const complete = ruleIds(row.members).length === 2 && ruleIds(row.muted).includes('agent-now');
          return complete ? row : undefined;
        },
        30_000,
        500,
      );
      expect(ruleIds(incident.members)).toEqual(['node-down', 'node-not-answering']);
      expect(ruleIds(incident.muted)).toContain('agent-now');
      store.close();
      expect(run.delivered()).toHaveLength(1);

      await runClusterAsync(['start', '3']);
      node3 = 'running';
      const resolved = await waitFor('the resolved notification', () => run.delivered()[1], 90_000, 500);
      expect(resolved).toMatchObject({ type: 'alert.resolved', incidentId: firing.incidentId });
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(run.delivered().map((d) => d.type)).toEqual(['alert.firing', 'alert.resolved']);
      expect(run.duplicates()).toBe(0);
    } finally {
      await run.tearDown();
    }
  });

  it('delivers once a receiver down for 60 s is back, and after a console SIGKILL with the same webhook-id', async () => {
    const run = await startPagingRig();
    try {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await run.closeReceiver();
      await runClusterAsync(['kill', '3']);
      node3 = 'killed';
      await new Promise((resolve) => setTimeout(resolve, 60_000));
      expect(run.delivered()).toEqual([]);
      await run.reopenReceiver();
      const firing = await waitFor(
        'the firing notification after the receiver returned',
        () => run.delivered()[0],
        30_000,
        200,
      );
      expect(firing.type).toBe('alert.firing');

      // The resolved one finds the receiver hanging; the console is killed while it waits.
      let hung: ReceivedRequest | undefined;
      run.setAnswer((request) => {
        hung ??= request;
        return request === hung ? 'hang' : { status: 200 };
      });
      await runClusterAsync(['start', '3']);
      node3 = 'running';
      await waitFor('the resolved notification to reach the hanging receiver', () => hung, 90_000, 200);
      await run.console.kill();
      run.console = startConsoleCore(run.configFile);
      const resolved = await waitFor(
        'the resolved notification after the restart',
        () => run.delivered()[1],
        60_000,
        200,
      );
      expect(resolved).toMatchObject({ type: 'alert.resolved', incidentId: firing.incidentId, id: hung!.webhookId });
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(run.delivered().map((d) => d.type)).toEqual(['alert.firing', 'alert.resolved']);
      expect(run.duplicates()).toBe(0);
    } finally {
      await run.tearDown();
    }
  });

  it('pages a paused node as not answering within seconds, long before gossip convicts it', async () => {
    const run = await startPagingRig();
    try {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const pausedAt = Date.now();
      await runClusterAsync(['pause', '3']);
      node3 = 'paused';
      const firing = await waitFor('the firing notification', () => run.delivered()[0], 20_000, 100);
      const receivedAfterMs = run.receiver().requests[0]!.at - pausedAt;
      expect(firing.title).toBe(`Node down or not answering: ${NODE3}`);
      // The target is 2 s to the page (benchmark `suspect`); here only "well before gossip's ~15 s".
      expect(receivedAfterMs).toBeLessThan(6000);
      await runClusterAsync(['resume', '3']);
      node3 = 'running';
      await waitFor('the resolved notification', () => run.delivered()[1], 60_000, 200);
    } finally {
      await run.tearDown();
    }
  });

  it('does not page a node paused and resumed every 10 s for a minute under a 30 s pending period', async () => {
    const run = await startPagingRig({
      starterRules: false,
      rules: [
        { id: 'node-down-30s', name: 'Node down for 30 s', kind: 'node-down', severity: 'critical', forSeconds: 30 },
        {
          id: 'not-answering-30s',
          name: 'Node not answering for 30 s',
          kind: 'node-not-answering',
          severity: 'critical',
          forSeconds: 30,
        },
      ],
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      for (let cycle = 0; cycle < 3; cycle++) {
        await runClusterAsync(['pause', '3']);
        node3 = 'paused';
        await new Promise((resolve) => setTimeout(resolve, 10_000));
        await runClusterAsync(['resume', '3']);
        node3 = 'running';
        await new Promise((resolve) => setTimeout(resolve, 10_000));
      }
      expect(run.delivered()).toEqual([]);
      expect(run.receiver().requests).toEqual([]);
    } finally {
      await run.tearDown();
    }
  });
});
