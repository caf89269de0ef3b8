/**
 * viewers: requests the console sends to the cluster per poll interval with 1 and with 100
 * clients subscribed over SSE. Target: equal (ratio 1).
 */
import { runClusterOrThrow } from '@/localcluster/harness';
import { consoleClient, startConsole } from './console-server';

const WINDOW_MS = 10_000;

export async function run(): Promise<Record<string, unknown>> {
  runClusterOrThrow(['up']);
  const server = await startConsole();
  const client = await consoleClient(server.url);
  const interval = (await client.cluster.list.query()).find((c) => c.id === 'demo')!.pollIntervalMs;

  async function measure(viewers: number): Promise<number> {
    let received = 0;
    // One signed-in client, one SSE stream per subscription: as many browsers as viewers.
    const subscriptions = Array.from({ length: viewers }, () =>
      client.cluster.live.subscribe({ clusterId: 'demo' }, { onData: () => received++ }),
    );
    // Let every subscriber connect and the poller settle before counting.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const before = await client.cluster.traffic.query({ clusterId: 'demo' });
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    const after = await client.cluster.traffic.query({ clusterId: 'demo' });
    subscriptions.forEach((s) => s.unsubscribe());
    const intervals = WINDOW_MS / interval;
    const perInterval =
      (after.jolokiaRequests + after.tcpProbes - before.jolokiaRequests - before.tcpProbes) / intervals;
    console.log(
      `${viewers} viewer(s): ${after.subscribers} subscribed on the server, ${after.polls - before.polls} polls and ` +
        `${after.jolokiaRequests - before.jolokiaRequests} Jolokia requests in ${WINDOW_MS / 1000} s → ${perInterval.toFixed(2)} per ${interval} ms interval; ${received} snapshots pushed`,
    );
    return perInterval;
  }

  try {
    const one = await measure(1);
    const hundred = await measure(100);
    return {
      requests_1: Number(one.toFixed(2)),
      requests_100: Number(hundred.toFixed(2)),
      ratio: Number((hundred / one).toFixed(2)),
    };
  } finally {
    server.stop();
  }
}
