/**
 * chart-query: reading 24 h of 1-minute points for 10 series — what a day-long chart of ten nodes
 * asks for — from the history tables of the real cluster. The points are written first (a cluster id
 * of the benchmark's own), then the query is timed 40 times after 5 warm-up runs. Target: p99 ≤ 100 ms.
 */
import { runClusterOrThrow } from '@/localcluster/harness';
import { closeAll, driverFor } from '@/server/cluster/registry';
import { ensureHistorySchema, readSeries, writeAggregates } from '@/server/metrics/history-store';
import { RESOLUTIONS, resolutionFor } from '@/server/metrics/resolutions';
import type { AggregateRow } from '@/server/metrics/rollup';
import { median } from './console-server';

const SERIES = 10;
const DAY = 86_400_000;
const RUNS = 40;

export async function run(): Promise<Record<string, unknown>> {
  process.env.RINGSIDE_CONFIG ??= 'ringside.config.json';
  runClusterOrThrow(['up']);
  try {
    const client = await driverFor('demo');
    await ensureHistorySchema(client);
    const oneMinute = RESOLUTIONS[1];
    const to = Math.floor(Date.now() / 60_000) * 60_000;
    const from = to - DAY;
    const nodes = Array.from({ length: SERIES }, (_, i) => `10.0.0.${i + 1}`);
    const rows: AggregateRow[] = nodes.flatMap((node) =>
      Array.from({ length: 1440 }, (_, i) => ({
        node,
        metric: 'client.read.p99',
        ts: from + i * 60_000,
        min: 100,
        max: 900 + i,
        sum: 500 * 6,
        count: 6,
      })),
    );
    const stats = { rows: 0, failures: 0, lastError: null };
    const writeStarted = performance.now();
    await writeAggregates(client, 'bench-chart-query', oneMinute, rows, stats);
    console.log(
      `wrote ${stats.rows} one-minute points (${SERIES} series × 1440) in ${((performance.now() - writeStarted) / 1000).toFixed(1)} s`,
    );
    if (resolutionFor(DAY).name !== '1m') throw new Error('a 24 h chart should read the 1-minute rollup');

    // Warm: statements prepared, connections open, as on a console that has been up a while.
    for (let i = 0; i < 5; i++)
      await Promise.all(
        nodes.map((node) => readSeries(client, 'bench-chart-query', node, 'client.read.p99', oneMinute, from, to)),
      );
    const times: number[] = [];
    let points = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const series = await Promise.all(
        nodes.map((node) => readSeries(client, 'bench-chart-query', node, 'client.read.p99', oneMinute, from, to)),
      );
      times.push(performance.now() - started);
      points = series.reduce((sum, s) => sum + s.length, 0);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)];
    if (p99 === undefined) throw new Error('no timed query runs, so no p99');
    console.log(
      `${RUNS} queries of ${SERIES} series × 24 h at 1 min (${points} points each time): p50 ${median(times).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (target p99 ≤ 100 ms)`,
    );
    return { series: SERIES, points, p50_ms: Number(median(times).toFixed(1)), p99_ms: Number(p99.toFixed(1)) };
  } finally {
    await closeAll();
  }
}
