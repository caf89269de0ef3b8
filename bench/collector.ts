/**
 * collector: what the stats collector costs the cluster and the console, measured on the real demo
 * cluster at its default 10 s interval: rows written per node per minute (raw, plus the rollups at
 * their steady-state rate), bytes stored per node per day (from the history tables' on-disk growth),
 * and console CPU per poll. Anchor: OpsCenter's ≈ 340 writes/min/node.
 */
import type { Client } from 'cassandra-driver';
import { runClusterOrThrow } from '@/localcluster/harness';
import { jolokiaBulk } from '@/server/cluster/jolokia';
import { jolokiaTarget } from '@/server/cluster/node-bulk';
import { closeAll, clusterConfig, driverFor } from '@/server/cluster/registry';
import { MetricsCollector } from '@/server/metrics/collector';
import { RESOLUTIONS } from '@/server/metrics/resolutions';

const POLLS = 7;
const NODES = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];

/** Bytes on disk per stored raw row, all replicas counted: metrics_raw flushed, its disk use over its rows. */
async function bytesPerRawRow(client: Client): Promise<{ bytes: number; rows: number }> {
  for (const node of ['1', '2', '3']) runClusterOrThrow(['nodetool', node, 'flush', 'ringside', 'metrics_raw']);
  let bytes = 0;
  for (const node of NODES) {
    const [answer] = await jolokiaBulk({ ...jolokiaTarget(clusterConfig('demo'), node), timeoutMs: 5000 }, [
      {
        type: 'read',
        mbean: 'org.apache.cassandra.metrics:type=Table,keyspace=ringside,scope=metrics_raw,name=LiveDiskSpaceUsed',
        attribute: 'Count',
      },
    ]);
    if (!answer) throw new Error(`Jolokia on ${node} gave no answer for LiveDiskSpaceUsed`);
    bytes += answer.ok ? Number(answer.value) : 0;
  }
  const rows = Number(
    (await client.execute('SELECT COUNT(*) FROM ringside.metrics_raw', [], { readTimeout: 60_000 })).first().get(0),
  );
  return { bytes, rows };
}

/** Distinct series per node written to the current raw bucket: what the rollups will carry. */
async function seriesPerNode(client: Client): Promise<number> {
  const result = await client.execute('SELECT DISTINCT cluster, node, metric, bucket FROM ringside.metrics_raw', [], {
    fetchSize: 100_000,
  });
  const newest = Math.max(...result.rows.map((r) => (r.get('bucket') as Date).getTime()));
  const recent = result.rows.filter(
    (r) => r.get('cluster') === 'demo' && (r.get('bucket') as Date).getTime() >= newest - 3_600_000,
  );
  const nodes = new Set(recent.map((r) => String(r.get('node'))));
  return new Set(recent.map((r) => `${r.get('node')} ${r.get('metric')}`)).size / Math.max(1, nodes.size);
}

export async function run(): Promise<Record<string, unknown>> {
  process.env.RINGSIDE_CONFIG ??= 'ringside.config.json';
  runClusterOrThrow(['up']);
  const collector = new MetricsCollector(clusterConfig('demo'), 'demo', 10_000);
  try {
    await collector.pollOnce(); // creates the history schema; its first poll has no rates yet
    const rowsBefore = collector.status.writes.rows;
    const cpu: number[] = [];
    const started = Date.now();
    let metricsPerNode = 0;
    for (let i = 0; i < POLLS; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      const latest = await collector.pollOnce();
      cpu.push(collector.status.lastPollCpuMs ?? 0);
      metricsPerNode = Math.max(...Object.values(latest.byNode).map((values) => Object.keys(values).length));
    }
    const minutes = (Date.now() - started) / 60_000;
    const rowsWritten = collector.status.writes.rows - rowsBefore;
    const client = await driverFor('demo');
    const rawPerNodePerMin = rowsWritten / NODES.length / minutes;
    // Rollup rows come once per step per series: their steady rate is fixed by the resolutions.
    const series = await seriesPerNode(client);
    const rollupPerNodePerMin = RESOLUTIONS.slice(1).reduce((sum, r) => sum + series * (60_000 / r.stepMs), 0);
    const writesPerNodePerMin = rawPerNodePerMin + rollupPerNodePerMin;
    const disk = await bytesPerRawRow(client);
    // Disk is summed over all replicas, rows counted once: bytes per row include replication.
    const bytesPerRow = disk.bytes / Math.max(1, disk.rows);
    const bytesPerNodePerDay = bytesPerRow * writesPerNodePerMin * 60 * 24;
    const cpuMs = cpu.reduce((a, b) => a + b, 0) / cpu.length;
    console.log(
      `${POLLS} polls of ${NODES.length} nodes in ${minutes.toFixed(2)} min: ${rowsWritten} raw rows (${metricsPerNode} node metrics per poll; ${series.toFixed(0)} series per node with the busiest tables')`,
    );
    console.log(
      `writes per node per minute: ${rawPerNodePerMin.toFixed(1)} raw + ${rollupPerNodePerMin.toFixed(1)} rollup = ${writesPerNodePerMin.toFixed(1)} (OpsCenter ≈ 340)`,
    );
    console.log(
      `metrics_raw on disk: ${disk.bytes} bytes over all replicas for ${disk.rows} rows = ${bytesPerRow.toFixed(1)} bytes per row → ${(bytesPerNodePerDay / 1024 / 1024).toFixed(1)} MiB per monitored node per day, replicas included (before TTL expiry)`,
    );
    console.log(`console CPU per poll (read 3 nodes, store): ${cpuMs.toFixed(1)} ms`);
    return {
      writes_per_node_per_min: Number(writesPerNodePerMin.toFixed(1)),
      raw_writes_per_node_per_min: Number(rawPerNodePerMin.toFixed(1)),
      bytes_per_node_per_day: Math.round(bytesPerNodePerDay),
      cpu_ms_per_poll: Number(cpuMs.toFixed(1)),
    };
  } finally {
    collector.stop();
    await closeAll();
  }
}
