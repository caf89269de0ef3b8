/**
 * A table with twenty SSTables and slow compaction, so a forced major compaction can be watched:
 * used by the compaction tests and the e2e. Talks to the real cluster through the driver and the
 * nodes' Jolokia agents.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import cassandra from 'cassandra-driver';
import { basicAuth, readJolokiaCredentials } from './jolokia-agent';
import { ClusterPaths, defaultClustersDir } from './state';

const SS = 'org.apache.cassandra.db:type=StorageService';
export const DC1 = ['127.0.0.1', '127.0.0.2'];

export async function jolokia(
  node: string,
  request: Record<string, unknown>,
  timeoutMs = 10_000,
): Promise<{ status: number; value?: unknown; error?: string }> {
  const response = await fetch(`http://${node}:8778/jolokia/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...basicAuth(readJolokiaCredentials(new ClusterPaths(join(defaultClustersDir(), 'demo')))),
    },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return (await response.json()) as { status: number; value?: unknown; error?: string };
}

/** Creates `keyspace.events` (automatic compaction off) and flushes it twenty times on every dc1 node. */
export async function tableWithTwentySSTables(keyspace: string): Promise<void> {
  const client = new cassandra.Client({ contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' });
  try {
    await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`);
    await client.execute(
      `CREATE KEYSPACE ${keyspace} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}`,
    );
    await client.execute(
      `CREATE TABLE ${keyspace}.events (k int, c int, v text, PRIMARY KEY (k, c)) WITH compaction = {'class': 'SizeTieredCompactionStrategy', 'enabled': 'false'}`,
    );
    // Random payloads: compression must not shrink the data to nothing, or the compaction ends before it can be seen.
    for (let round = 0; round < 20; round++) {
      const rows = Array.from({ length: 2500 }, (_, i) => [
        i % 50,
        round * 2500 + i,
        randomBytes(512).toString('base64'),
      ]);
      await cassandra.concurrent.executeConcurrent(
        client,
        `INSERT INTO ${keyspace}.events (k, c, v) VALUES (?, ?, ?)`,
        rows,
        { concurrencyLevel: 64 },
      );
      for (const node of DC1)
        await jolokia(node, {
          type: 'exec',
          mbean: SS,
          operation: 'forceKeyspaceFlush(java.lang.String,[Ljava.lang.String;)',
          arguments: [keyspace, ['events']],
        });
    }
  } finally {
    await client.shutdown();
  }
}

export async function setCompactionThroughput(mebibytesPerSecond: number): Promise<void> {
  for (const node of DC1)
    await jolokia(node, {
      type: 'write',
      mbean: SS,
      attribute: 'CompactionThroughputMbPerSec',
      value: mebibytesPerSecond,
    });
}

/** Starts a major compaction of `keyspace.events` on `node`; resolves when it ends. */
export function forceMajorCompaction(node: string, keyspace: string): Promise<unknown> {
  return jolokia(
    node,
    {
      type: 'exec',
      mbean: SS,
      operation: 'forceKeyspaceCompaction(boolean,java.lang.String,[Ljava.lang.String;)',
      arguments: [false, keyspace, ['events']],
    },
    300_000,
  );
}
