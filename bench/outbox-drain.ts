/**
 * outbox-drain: 10,000 notifications enqueued (500 per transaction, as the alert engine would) for one
 * signed ringside-v1 webhook on 127.0.0.1, then drained by the delivery worker with the default
 * `notify` settings (allowLoopback aside): notifications delivered per second, and this process's peak
 * RSS sampled every 50 ms during the drain against its RSS before the enqueue — memory must stay flat
 * in the queue's length, since the worker claims a few rows at a time. The receiver runs in a child
 * process (so its memory is not counted) and counts each webhook-id once. Needs no cluster; the store
 * is a temporary folder, deleted at the end. `--count N` changes the number, `--per-destination N`
 * the deliveries in flight to the one destination (default 4, the console's default).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { configSchema } from '@/server/config';
import { DeliveryWorker } from '@/server/notify/delivery-worker';
import { createDestination } from '@/server/notify/destinations';
import { enqueueNotification } from '@/server/notify/notification';
import { deliveryCounts } from '@/server/notify/outbox-store';
import { openStore } from '@/server/store/database';

const BATCH = 500;
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

// A full collection on demand, so the heap figures say what is retained rather than what awaits collection.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** The JS heap in use after a full collection: what is really held. */
function retainedHeap(): number {
  collect();
  return process.memoryUsage().heapUsed;
}

function numberArg(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} wants a positive integer`);
  return value;
}

/** A receiver in its own process: answers 200 at once, GET /stats says how many requests and distinct ids. */
const RECEIVER = `
const http = require('node:http');
let requests = 0; const ids = new Set();
const server = http.createServer((req, res) => {
  if (req.method === 'GET') { res.end(JSON.stringify({ requests, unique: ids.size })); return; }
  req.resume();
  req.on('end', () => { requests++; ids.add(req.headers['webhook-id']); res.end(); });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.stdin.on('end', () => process.exit(0)); process.stdin.resume();
`;

async function startReceiver(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-e', RECEIVER], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
  });
  return { child, url: `http://127.0.0.1:${port}/hook` };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const count = numberArg(args, '--count', 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'ringside-bench-outbox-'));
  const store = openStore(dir);
  const { child, url } = await startReceiver();
  const settings = configSchema.shape.notify.parse({
    allowLoopback: true,
    perDestinationConcurrency: numberArg(args, '--per-destination', 4),
  });
  try {
    createDestination(store, { kind: 'webhook', name: 'bench', url }, settings);
    const heapBefore = retainedHeap();
    const rssBefore = process.memoryUsage().rss;

    const enqueueStarted = performance.now();
    for (let done = 0; done < count; done += BATCH)
      store.transaction(() => {
        for (let i = done; i < Math.min(count, done + BATCH); i++)
          enqueueNotification(store, {
            id: randomUUID(),
            type: 'alert.firing',
            clusterId: 'bench',
            occurredAt: Date.now(),
            severity: 'warning',
            summary: `bench notification ${i}`,
            dedupKey: `incident-${i}`,
            alerts: [
              {
                status: 'firing',
                labels: { alertname: 'Bench', cluster: 'bench', node: `10.0.${i % 250}.1` },
                annotations: {},
                startsAt: Date.now(),
                endsAt: null,
                fingerprint: `fp-${i}`,
              },
            ],
            data: { i },
          });
      })();
    const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;
    const rssAfterEnqueue = process.memoryUsage().rss;
    const heapAfterEnqueue = retainedHeap();
    console.log(`enqueued ${count} in ${enqueueSeconds.toFixed(2)} s; draining…`);

    let peak = process.memoryUsage().rss;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }, 50);
    const worker = new DeliveryWorker({ store, settings, externalUrl: '' });
    const started = performance.now();
    worker.start();
    let delivered = 0;
    while (delivered < count) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const counts = [...deliveryCounts(store).values()][0] ?? {};
      delivered = counts.delivered ?? 0;
      if ((counts.failed ?? 0) + (counts.dead ?? 0) > 0)
        throw new Error(`deliveries failed: ${JSON.stringify(counts)}`);
      if (performance.now() - started > 600_000) throw new Error(`only ${delivered} of ${count} delivered in 10 min`);
    }
    const drainSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    await worker.stop();
    const heapAfterDrain = retainedHeap();
    const stats = (await (await fetch(url.replace('/hook', '/stats'))).json()) as { requests: number; unique: number };
    const result = {
      notifications: count,
      notificationsPerSecond: Math.round(count / drainSeconds),
      drainSeconds: Math.round(drainSeconds * 100) / 100,
      enqueuePerSecond: Math.round(count / enqueueSeconds),
      receiverRequests: stats.requests,
      receiverUniqueIds: stats.unique,
      rssBeforeEnqueueMb: mb(rssBefore),
      rssAfterEnqueueMb: mb(rssAfterEnqueue),
      peakRssDuringDrainMb: mb(peak),
      peakMinusBeforeMb: mb(peak - rssBefore),
      heapBeforeEnqueueMb: mb(heapBefore),
      heapAfterEnqueueMb: mb(heapAfterEnqueue),
      peakHeapDuringDrainMb: mb(peakHeap),
      heapAfterDrainMb: mb(heapAfterDrain),
      perDestinationConcurrency: settings.perDestinationConcurrency,
    };
    console.log(
      `${count} delivered in ${result.drainSeconds} s (${result.notificationsPerSecond}/s); RSS ${result.rssBeforeEnqueueMb} MB before, ` +
        `${result.rssAfterEnqueueMb} MB after enqueue, peak ${result.peakRssDuringDrainMb} MB while draining; ` +
        `receiver saw ${stats.requests} requests, ${stats.unique} distinct webhook-ids`,
    );
    return result;
  } finally {
    child.stdin!.end();
    child.kill();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
