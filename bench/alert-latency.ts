/**
 * alert-latency: seconds from `kill -9` of node 3 to a verified `alert.firing` webhook at a receiver
 * on 127.0.0.1, five runs (node 3 is restarted, and its incident resolved, between runs). The console
 * is its always-on half with no browser and no subscriber (testing/console-core.ts), as at night.
 * Target: median ≤ 3 s, max ≤ 6 s.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { runClusterAsync, runClusterOrThrow, waitFor } from '@/localcluster/harness';
import { startPagingRig } from '@/testing/paging-rig';
import { median } from './console-server';

const RUNS = 5;

export async function run(): Promise<Record<string, unknown>> {
  runClusterOrThrow(['up']);
  const rig = await startPagingRig();
  const clustersDir = process.env.RINGSIDE_CLUSTERS_DIR ?? join(homedir(), '.ringside', 'clusters');
  const seconds: number[] = [];
  let killed = false;
  try {
    // The monitor's first snapshots and probes, and nothing paged on a healthy cluster.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    if (rig.delivered().length) throw new Error('a notification arrived while the cluster was healthy');
    for (let i = 1; i <= RUNS; i++) {
      const before = rig.delivered().length;
      const pid = Number(readFileSync(join(clustersDir, 'demo', 'node3', 'node.pid'), 'utf8'));
      const killedAt = Date.now();
      process.kill(pid, 'SIGKILL');
      killed = true;
      const firing = await waitFor('the firing webhook', () => rig.delivered()[before], 30_000, 20);
      if (firing.type !== 'alert.firing') throw new Error(`expected alert.firing, got ${firing.type}`);
      const arrivedAt = rig.receiver().requests.find((r) => r.webhookId === firing.id)!.at;
      seconds.push((arrivedAt - killedAt) / 1000);
      console.log(`run ${i}: verified alert.firing ${seconds.at(-1)!.toFixed(2)} s after kill -9 (${firing.title})`);
      await runClusterAsync(['start', '3']);
      killed = false;
      await waitFor('the resolved webhook', () => rig.delivered()[before + 1], 120_000, 200);
    }
  } finally {
    if (killed) await runClusterAsync(['start', '3']);
    await rig.tearDown();
  }
  const medianS = median(seconds);
  const maxS = Math.max(...seconds);
  console.log(`median ${medianS.toFixed(2)} s, max ${maxS.toFixed(2)} s (targets: median ≤ 3 s, max ≤ 6 s)`);
  return {
    runs: RUNS,
    seconds: seconds.map((s) => Number(s.toFixed(3))),
    medianS: Number(medianS.toFixed(3)),
    maxS: Number(maxS.toFixed(3)),
    targetMedianS: 3,
    targetMaxS: 6,
    met: medianS <= 3 && maxS <= 6,
  };
}
