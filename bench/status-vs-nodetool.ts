/**
 * status-vs-nodetool: the console's all-node status, warm (the query a page makes, over HTTP),
 * against `nodetool status` from the same classpath for the same facts, in the same run.
 * Both must report the same address, DC, status and state. Target: ≥ 20× faster.
 */
import { spawnSync } from 'node:child_process';
import { nodetoolCommandLine, runClusterOrThrow } from '@/localcluster/harness';
import { parseNodetoolStatus } from '@/localcluster/nodetool-status';
import { consoleClient, median, startConsole } from './console-server';

const CONSOLE_CALLS = 30;
const NODETOOL_CALLS = 5;

export async function run(): Promise<Record<string, unknown>> {
  runClusterOrThrow(['up']);
  const server = await startConsole();
  try {
    const client = await consoleClient(server.url);
    const warmup = await client.cluster.nodes.query({ clusterId: 'demo' });
    const consoleMs: number[] = [];
    for (let i = 0; i < CONSOLE_CALLS; i++) {
      const started = performance.now();
      const answer = await client.cluster.nodes.query({ clusterId: 'demo' });
      consoleMs.push(performance.now() - started);
      if (answer.nodes.length !== warmup.nodes.length) throw new Error('the node list changed during the benchmark');
    }
    // nodetool as an operator runs it: one JVM per call, timed without our CLI around it.
    const command = nodetoolCommandLine(1, ['status']);
    const nodetoolMs: number[] = [];
    let facts = '';
    for (let i = 0; i < NODETOOL_CALLS; i++) {
      const started = performance.now();
      const out = spawnSync(command.java, command.args, { encoding: 'utf8' });
      nodetoolMs.push(performance.now() - started);
      if (out.status !== 0) throw new Error(`nodetool status failed: ${out.stderr}`);
      facts = parseNodetoolStatus(out.stdout)
        .map((r) => `${r.address} ${r.dc} ${r.status} ${r.state}`)
        .sort()
        .join('; ');
    }
    const consoleFacts = warmup.nodes
      .map((n) => `${n.address} ${n.dc} ${n.status} ${n.state}`)
      .sort()
      .join('; ');
    if (consoleFacts !== facts)
      throw new Error(`console and nodetool disagree:\n  console:  ${consoleFacts}\n  nodetool: ${facts}`);

    const result = {
      console_ms: Number(median(consoleMs).toFixed(2)),
      nodetool_ms: Number(median(nodetoolMs).toFixed(0)),
      ratio: Number((median(nodetoolMs) / median(consoleMs)).toFixed(1)),
      console_max_ms: Number(Math.max(...consoleMs).toFixed(2)),
    };
    console.log(
      `console (warm, HTTP): median ${result.console_ms} ms over ${CONSOLE_CALLS} calls, max ${result.console_max_ms} ms`,
    );
    console.log(
      `nodetool status (java NodeTool, one JVM per call): median ${result.nodetool_ms} ms over ${NODETOOL_CALLS} runs`,
    );
    console.log(`ratio ${result.ratio}× (target ≥ 20×); both report: ${facts}`);
    return result;
  } finally {
    server.stop();
  }
}
