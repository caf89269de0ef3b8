/**
 * repair: wall time of a full repair of one keyspace (dc1: 2, dc2: 1, 20,000 rows) through Ringside's
 * segmented service — token sub-range segments, never two at once on a shared replica — against
 * `nodetool repair -full` of the same keyspace from the same classpath, in one run, nodetool first
 * (so both find the data equally repaired). The service runs in this process on the test store
 * (e2e/ringside.test.config.json), as the integration test drives it. Target: within 1.3× of nodetool.
 */
import { spawnSync } from 'node:child_process';
import cassandra from 'cassandra-driver';
import { nodetoolCommandLine, runClusterOrThrow, waitFor } from '@/localcluster/harness';
import { DEFAULT_SEGMENTS_PER_NODE } from '@/lib/repair-defaults';
import { closeAll } from '@/server/cluster/registry';
import { testCaller } from '@/testing/test-caller';

const KS = 'ringside_bench_repair';
const ROWS = 20_000;
const TARGET_RATIO = 1.3;

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const maxParallel = Number(flag('max-parallel') ?? 2);
  // The console's default unless asked: the figure an operator gets without tuning.
  const segmentsPerNode = Number(flag('segments-per-node') ?? DEFAULT_SEGMENTS_PER_NODE);
  runClusterOrThrow(['up']);
  const client = new cassandra.Client({ contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' });
  const caller = await testCaller();
  try {
    await client.execute(
      `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}`,
    );
    await client.execute(`CREATE TABLE IF NOT EXISTS ${KS}.t (k int PRIMARY KEY, v text)`);
    await cassandra.concurrent.executeConcurrent(
      client,
      `INSERT INTO ${KS}.t (k, v) VALUES (?, ?)`,
      Array.from({ length: ROWS }, (_, i) => [i, `value ${i}`]),
      { concurrencyLevel: 64 },
    );

    const command = nodetoolCommandLine(1, ['repair', '-full', KS]);
    const nodetoolStarted = performance.now();
    const out = spawnSync(command.java, command.args, { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
    const nodetoolS = (performance.now() - nodetoolStarted) / 1000;
    if (out.status !== 0) throw new Error(`nodetool repair -full failed: ${out.stderr || out.stdout}`);
    console.log(`nodetool repair -full ${KS} (from node 1): ${nodetoolS.toFixed(1)} s`);

    const started = performance.now();
    const { id, segments } = await caller.operations.repairStart({
      clusterId: 'demo',
      settings: { keyspace: KS, incremental: false, maxParallel, segmentsPerNode },
    });
    const job = await waitFor(
      'the repair run to end',
      async () => {
        const current = await caller.operations.get({ clusterId: 'demo', id });
        return ['succeeded', 'failed', 'cancelled', 'interrupted'].includes(current.state) ? current : undefined;
      },
      30 * 60_000,
      50,
    );
    const ringsideS = (performance.now() - started) / 1000;
    if (job.state !== 'succeeded') throw new Error(`the repair run ended ${job.state}: ${job.message ?? ''}`);
    const ratio = ringsideS / nodetoolS;
    // Where Ringside's time went: planning before the first segment, the sessions themselves, and the
    // gaps between one segment's end and the next one's start (status polls, facts, the store).
    const steps = job.steps.filter((s) => s.startedAt !== null && s.endedAt !== null);
    const firstStart = Math.min(...steps.map((s) => s.startedAt!));
    const sessionsS = steps.reduce((sum, s) => sum + (s.endedAt! - s.startedAt!), 0) / 1000;
    const planningS = (firstStart - (Date.now() - ringsideS * 1000)) / 1000;
    console.log(
      `  planning ${planningS.toFixed(2)} s, segment sessions ${sessionsS.toFixed(2)} s in all, the rest between segments`,
    );
    console.log(
      `Ringside: ${segments} segments (${segmentsPerNode} per node), at most ${maxParallel} at once, never two on one replica: ${ringsideS.toFixed(1)} s`,
    );
    console.log(`ratio ${ratio.toFixed(2)}× of nodetool (target ≤ ${TARGET_RATIO}×)`);
    return {
      keyspace: KS,
      rows: ROWS,
      segments,
      segmentsPerNode,
      maxParallel,
      nodetoolS: Number(nodetoolS.toFixed(2)),
      ringsideS: Number(ringsideS.toFixed(2)),
      planningS: Number(planningS.toFixed(2)),
      sessionsS: Number(sessionsS.toFixed(2)),
      ratio: Number(ratio.toFixed(2)),
      targetRatio: TARGET_RATIO,
      met: ratio <= TARGET_RATIO,
    };
  } finally {
    await client.shutdown();
    await closeAll();
  }
}
