/**
 * suspect: seconds from pausing node 3 (SIGSTOP: no socket closes, the kernel still accepts
 * connections) to the console's live alerts view — what the node table and the alerts page show —
 * marking it "not answering", five runs; and, for comparison, to Cassandra's own Down on the live
 * cluster view, which waits for gossip's failure detector. Node 3 is resumed between runs. It uses
 * the built console (`npx next build` first). Target: median ≤ 2 s to "not answering".
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { runClusterOrThrow, waitFor } from '@/localcluster/harness';
import { consoleClient, median, startConsole } from './console-server';

const RUNS = 5;
const NODE3 = '127.0.0.3';

export async function run(): Promise<Record<string, unknown>> {
  runClusterOrThrow(['up']);
  const server = await startConsole();
  const client = await consoleClient(server.url);
  let answering: boolean | undefined;
  let status: string | undefined;
  const alerts = client.alerts.live.subscribe(
    { clusterId: 'demo' },
    { onData: ({ data }) => (answering = data.probes.find((p) => p.address === NODE3)?.answering) },
  );
  const live = client.cluster.live.subscribe(
    { clusterId: 'demo' },
    { onData: ({ data }) => (status = data.nodes.find((n) => n.address === NODE3)?.status) },
  );
  const clustersDir = process.env.RINGSIDE_CLUSTERS_DIR ?? join(homedir(), '.ringside', 'clusters');
  const pid = Number(readFileSync(join(clustersDir, 'demo', 'node3', 'node.pid'), 'utf8'));
  const suspectS: number[] = [];
  const downS: number[] = [];
  let paused = false;
  try {
    await waitFor(
      'node 3 answering and Up',
      () => (answering === true && status === 'Up' ? true : undefined),
      60_000,
      100,
    );
    for (let i = 1; i <= RUNS; i++) {
      const pausedAt = performance.now();
      process.kill(pid, 'SIGSTOP');
      paused = true;
      await waitFor('node 3 not answering', () => (answering === false ? true : undefined), 30_000, 10);
      suspectS.push((performance.now() - pausedAt) / 1000);
      await waitFor('node 3 Down', () => (status === 'Down' ? true : undefined), 60_000, 50);
      downS.push((performance.now() - pausedAt) / 1000);
      console.log(
        `run ${i}: "not answering" after ${suspectS.at(-1)!.toFixed(2)} s, Cassandra's Down after ${downS.at(-1)!.toFixed(2)} s`,
      );
      process.kill(pid, 'SIGCONT');
      paused = false;
      await waitFor('node 3 back', () => (answering === true && status === 'Up' ? true : undefined), 90_000, 100);
    }
  } finally {
    if (paused) process.kill(pid, 'SIGCONT');
    alerts.unsubscribe();
    live.unsubscribe();
    server.stop();
  }
  const medianS = median(suspectS);
  console.log(
    `median ${medianS.toFixed(2)} s to "not answering" (target ≤ 2 s); median ${median(downS).toFixed(2)} s to Cassandra's Down`,
  );
  return {
    runs: RUNS,
    suspectSeconds: suspectS.map((s) => Number(s.toFixed(3))),
    medianSuspectS: Number(medianS.toFixed(3)),
    maxSuspectS: Number(Math.max(...suspectS).toFixed(3)),
    medianDownS: Number(median(downS).toFixed(3)),
    targetMedianS: 2,
    met: medianS <= 2,
  };
}
