/**
 * detect: seconds from `kill -9` of node 3 to its Down arriving at a client subscribed over SSE,
 * five times (node 3 is restarted between runs). Target: median ≤ 2 s.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { runClusterOrThrow } from '@/localcluster/harness';
import { consoleClient, median, startConsole } from './console-server';

const RUNS = 5;

export async function run(): Promise<Record<string, unknown>> {
  runClusterOrThrow(['up']);
  const server = await startConsole();
  const client = await consoleClient(server.url);
  let latest: { status: string; at: number } = { status: 'Unknown', at: 0 };
  let waiter: (() => void) | undefined;
  const subscription = client.cluster.live.subscribe(
    { clusterId: 'demo' },
    {
      onData: ({ data }) => {
        const node3 = data.nodes.find((n) => n.address === '127.0.0.3');
        latest = { status: node3?.status ?? 'Unknown', at: performance.now() };
        waiter?.();
      },
    },
  );
  const until = async (status: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (latest.status !== status) {
      if (Date.now() > deadline) throw new Error(`node 3 did not show ${status} within ${timeoutMs / 1000} s`);
      await new Promise<void>((resolve) => {
        waiter = resolve;
        setTimeout(resolve, 500);
      });
    }
    return latest.at;
  };
  const seconds: number[] = [];
  try {
    await until('Up', 60_000);
    const clustersDir = process.env.RINGSIDE_CLUSTERS_DIR ?? join(homedir(), '.ringside', 'clusters');
    for (let i = 1; i <= RUNS; i++) {
      const pid = Number(readFileSync(join(clustersDir, 'demo', 'node3', 'node.pid'), 'utf8'));
      const killedAt = performance.now();
      process.kill(pid, 'SIGKILL');
      const downAt = await until('Down', 60_000);
      seconds.push((downAt - killedAt) / 1000);
      console.log(`run ${i}: Down arrived ${seconds.at(-1)!.toFixed(2)} s after kill -9`);
      runClusterOrThrow(['start', '3']);
      await until('Up', 60_000);
    }
  } finally {
    subscription.unsubscribe();
    server.stop();
    runClusterOrThrow(['up']);
  }
  const result = {
    runs: RUNS,
    median_s: Number(median(seconds).toFixed(2)),
    max_s: Number(Math.max(...seconds).toFixed(2)),
  };
  console.log(`median ${result.median_s} s, max ${result.max_s} s (target: median ≤ 2 s)`);
  return result;
}
