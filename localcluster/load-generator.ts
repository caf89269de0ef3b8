/**
 * Real traffic for the charts and the metrics tests: prepared writes and reads at a steady rate
 * through the Node.js driver, into ringside_load.kv. Returns what it did, so a test can hold the
 * console's numbers to it.
 */
import cassandra from 'cassandra-driver';

export interface LoadOptions {
  contactPoints?: string[];
  localDataCenter?: string;
  /** Operations per second, reads and writes together. */
  rate: number;
  durationMs: number;
  /** Fraction of operations that are reads. */
  readRatio: number;
  /** Distinct partitions written. */
  partitions?: number;
  onProgress?: (done: { writes: number; reads: number; errors: number; elapsedMs: number }) => void;
}

export interface LoadResult {
  writes: number;
  reads: number;
  errors: number;
  /** What the first failed operation said, so a test that sees errors can say why. */
  firstError: string | null;
  elapsedMs: number;
  startedAt: number;
  endedAt: number;
}

/**
 * Two replicas per DC, or one in a one-node DC (the demo cluster: dc1 2, dc2 1), over the DCs the cluster
 * has: Cassandra 4.1 and later refuse a DC they do not know, so a fixed map fails on a one-DC cluster.
 */
function loadReplication(client: cassandra.Client): string {
  const perDc = new Map<string, number>();
  for (const host of client.hosts.values()) perDc.set(host.datacenter, (perDc.get(host.datacenter) ?? 0) + 1);
  return [...perDc]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dc, nodes]) => `'${dc}': ${Math.min(2, nodes)}`)
    .join(', ');
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const client = new cassandra.Client({
    contactPoints: options.contactPoints ?? ['127.0.0.1'],
    localDataCenter: options.localDataCenter ?? 'dc1',
  });
  await client.connect();
  try {
    await client.execute(
      `CREATE KEYSPACE IF NOT EXISTS ringside_load WITH replication = {'class': 'NetworkTopologyStrategy', ${loadReplication(client)}}`,
    );
    await client.execute('CREATE TABLE IF NOT EXISTS ringside_load.kv (k int, c int, v text, PRIMARY KEY (k, c))');
    const partitions = options.partitions ?? 1000;
    const result: LoadResult = {
      writes: 0,
      reads: 0,
      errors: 0,
      firstError: null,
      elapsedMs: 0,
      startedAt: Date.now(),
      endedAt: 0,
    };
    const started = performance.now();
    const inFlight = new Set<Promise<unknown>>();
    let issued = 0;
    const total = Math.round((options.rate * options.durationMs) / 1000);
    const payload = 'v'.repeat(100);
    let lastProgress = started;
    while (issued < total) {
      // Hold the schedule: operation i is due at i / rate seconds.
      const due = started + (issued * 1000) / options.rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const read = Math.random() < options.readRatio;
      const k = Math.floor(Math.random() * partitions);
      const operation = (
        read
          ? client
              .execute('SELECT v FROM ringside_load.kv WHERE k = ? LIMIT 10', [k], { prepare: true })
              .then(() => result.reads++)
          : client
              .execute('INSERT INTO ringside_load.kv (k, c, v) VALUES (?, ?, ?)', [k, issued, payload], {
                prepare: true,
              })
              .then(() => result.writes++)
      ).catch((error: unknown) => {
        result.errors++;
        result.firstError ??= error instanceof Error ? error.message : String(error);
      });
      inFlight.add(operation);
      void operation.finally(() => inFlight.delete(operation));
      issued++;
      if (inFlight.size > 256) await Promise.race(inFlight);
      if (options.onProgress && performance.now() - lastProgress > 5000) {
        lastProgress = performance.now();
        options.onProgress({
          writes: result.writes,
          reads: result.reads,
          errors: result.errors,
          elapsedMs: lastProgress - started,
        });
      }
    }
    await Promise.all(inFlight);
    result.elapsedMs = performance.now() - started;
    result.endedAt = Date.now();
    return result;
  } finally {
    await client.shutdown();
  }
}

/**
 * Waits until the cluster takes writes again: after nodes restart, the first seconds of commit-log
 * replay and hint delivery on a small machine can time out writes that a test's load would count.
 */
export async function waitUntilWritable(timeoutMs = 90_000): Promise<void> {
  const client = new cassandra.Client({ contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' });
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no attempt made';
  try {
    await client.connect();
    await client.execute(
      `CREATE KEYSPACE IF NOT EXISTS ringside_load WITH replication = {'class': 'NetworkTopologyStrategy', ${loadReplication(client)}}`,
    );
    await client.execute('CREATE TABLE IF NOT EXISTS ringside_load.kv (k int, c int, v text, PRIMARY KEY (k, c))');
    while (Date.now() < deadline) {
      const writes = Array.from({ length: 30 }, (_, i) =>
        client.execute('INSERT INTO ringside_load.kv (k, c, v) VALUES (?, ?, ?)', [i, -1, 'probe'], { prepare: true }),
      );
      const failed = (await Promise.allSettled(writes)).filter(
        (r): r is PromiseRejectedResult => r.status === 'rejected',
      );
      const [firstFailure] = failed;
      if (!firstFailure) return;
      lastError = String(firstFailure.reason);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    throw new Error(`the cluster did not take writes within ${timeoutMs / 1000} s: ${lastError}`);
  } finally {
    await client.shutdown();
  }
}
