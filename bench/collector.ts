/**
 * collector: what the stats collector costs the cluster and the console, measured on the real demo
 * cluster at its default 10 s interval: rows written per node per minute (raw, plus the rollups at
 * their steady-state rate), bytes stored per node per day (from the history tables' on-disk growth),
 * and console CPU per poll. Anchor: OpsCenter's ≈ 340 writes/min/node.
 */
import { runClusterOrThrow } from '../localcluster/harness';
import { jolokiaBulk, jolokiaUrl } from '../server/cluster/jolokia';
import { closeAll, clusterConfig, driverFor } from '../server/cluster/registry';
import { MetricsCollector } from '../server/metrics/collector';
import { RESOLUTIONS } from '../server/metrics/resolutions';

const POLLS = 7;
const NODES = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];

async function historyBytesOnDisk(): Promise<number> {
  for (const node of ['1', '2', '3']) runClusterOrThrow(['nodetool', node, 'flush', 'ringside']);
  let total = 0;
  for (const node of NODES) {
    const [answer] = await jolokiaBulk({ node, url: jolokiaUrl(undefined, node, 8778), timeoutMs: 5000 }, [
      { type: 'read', mbean: 'org.apache.cassandra.metrics:type=Table,keyspace=ringside,scope=*,name=LiveDiskSpaceUsed', attribute: 'Count' },
    ]);
    for (const bean of Object.values((answer.ok ? answer.value : {}) as Record<string, { Count: number }>)) total += bean.Count;
  }
  return total;
}

export async function run(): Promise<Record<string, unknown>> {
  process.env.RINGSIDE_CONFIG ??= 'ringside.config.json';
  runClusterOrThrow(['up']);
  const collector = new MetricsCollector(clusterConfig('demo'), 'demo', 10_000);
  try {
    await collector.pollOnce(); // creates the history schema; its first poll has no rates yet
    const bytesBefore = await historyBytesOnDisk();
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
    const bytesAfter = await historyBytesOnDisk();
    const rawPerNodePerMin = rowsWritten / NODES.length / minutes;
    // Rollup rows come once per step per metric: their steady rate is fixed by the resolutions.
    const rollupPerNodePerMin = RESOLUTIONS.slice(1).reduce((sum, r) => sum + metricsPerNode * (60_000 / r.stepMs), 0);
    const writesPerNodePerMin = rawPerNodePerMin + rollupPerNodePerMin;
    const bytesPerRow = Math.max(0, bytesAfter - bytesBefore) / rowsWritten;
    const bytesPerNodePerDay = bytesPerRow * writesPerNodePerMin * 60 * 24;
    const cpuMs = cpu.reduce((a, b) => a + b, 0) / cpu.length;
    console.log(`${POLLS} polls of ${NODES.length} nodes in ${minutes.toFixed(2)} min: ${rowsWritten} raw rows (${metricsPerNode} metrics per node per poll)`);
    console.log(`writes per node per minute: ${rawPerNodePerMin.toFixed(1)} raw + ${rollupPerNodePerMin.toFixed(1)} rollup = ${writesPerNodePerMin.toFixed(1)} (OpsCenter ≈ 340)`);
    console.log(`history on disk grew ${bytesAfter - bytesBefore} bytes across all replicas (${bytesPerRow.toFixed(1)} bytes per row written) → ${(bytesPerNodePerDay / 1024 / 1024).toFixed(1)} MiB per monitored node per day, replicas included`);
    console.log(`console CPU per poll (read 3 nodes, store): ${cpuMs.toFixed(1)} ms`);
    const driver = await driverFor('demo');
    void driver;
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
