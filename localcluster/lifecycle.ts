/** Bringing nodes up and down, and waiting until the cluster really serves. */
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import type { CassandraArtifacts } from './artifacts';
import type { JavaRuntime } from './java-runtime';
import { basicAuth, prepareJolokiaAgent } from './jolokia-agent';
import { writeNodeConfig } from './node-config';
import { lastLines, livePid, processState, signalNode, startNodeProcess, waitForExit } from './node-process';
import { assertPortsFree, portsOf } from './ports';
import { agentLockDownProblem, liveNodesSeenBy, logSaysCqlReady, logSize, storageAddress } from './probe';
import type { ClusterPaths, ClusterState } from './state';
import type { NodeSpec } from './topology';

export interface ToolContext {
  paths: ClusterPaths;
  /** Java 17 and the Cassandra jars: found or fetched on first use, since wipe or status need neither. */
  runtime: () => JavaRuntime & { artifacts: CassandraArtifacts };
  log: (line: string) => void;
  timeoutMs: number;
}

export class NodeFailedError extends Error {}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const label = (node: NodeSpec) => `node ${node.index} (${node.address}, ${node.dc})`;

export function tcpOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/** Starts the given nodes (all at once: their tokens are given, nothing serialises them) and waits. */
export async function startNodes(ctx: ToolContext, cluster: ClusterState, nodes: NodeSpec[]): Promise<void> {
  await assertPortsFree(nodes.flatMap(portsOf));
  const offsets = new Map<number, number>();
  const { java, artifacts, extraClasspath } = ctx.runtime();
  // Before every start, not only at creation: a cluster made before the lock-down gets it now.
  const auth = basicAuth(prepareJolokiaAgent(ctx.paths));
  const started = Date.now();
  for (const node of nodes) {
    writeNodeConfig(ctx.paths, cluster, node);
    offsets.set(node.index, logSize(ctx.paths.systemLog(node.index)));
    const pid = startNodeProcess(java, ctx.paths, artifacts, node, cluster.heapMb, extraClasspath);
    ctx.log(`${label(node)}: starting, pid ${pid}, log ${ctx.paths.systemLog(node.index)}`);
  }
  await waitForCql(ctx, nodes, offsets, started);
  await waitForGossipAgreement(ctx, cluster, started, auth);
  for (const node of nodes) {
    const problem = await agentLockDownProblem(node, auth);
    if (problem) throw new NodeFailedError(`${label(node)} started, but ${problem}`);
  }
}

async function waitForCql(
  ctx: ToolContext,
  nodes: NodeSpec[],
  offsets: Map<number, number>,
  started: number,
): Promise<void> {
  const pending = new Set(nodes.map((n) => n.index));
  let lastProgress = Date.now();
  while (pending.size > 0) {
    for (const node of nodes) {
      if (!pending.has(node.index)) continue;
      if (processState(ctx.paths, node.index) === 'stopped') throw failure(ctx, node, 'its JVM exited while starting');
      if (logSaysCqlReady(ctx.paths.systemLog(node.index), offsets.get(node.index) ?? 0)) {
        pending.delete(node.index);
        ctx.log(`${label(node)}: serving CQL on ${node.address}:${node.nativePort} after ${seconds(started)}`);
      }
    }
    if (pending.size === 0) break;
    if (Date.now() - started > ctx.timeoutMs) {
      const late = nodes.find((n) => pending.has(n.index))!;
      throw failure(ctx, late, `it did not open CQL within ${ctx.timeoutMs / 1000} s`);
    }
    if (Date.now() - lastProgress > 15_000) {
      lastProgress = Date.now();
      ctx.log(`  still waiting for CQL on node ${[...pending].join(', ')} (${seconds(started)})`);
    }
    await sleep(500);
  }
}

/** Waits until every running node's gossip sees every running node Up. */
async function waitForGossipAgreement(
  ctx: ToolContext,
  cluster: ClusterState,
  started: number,
  auth: Record<string, string>,
): Promise<void> {
  let lastProgress = Date.now();
  for (;;) {
    const running = cluster.nodes.filter((n) => processState(ctx.paths, n.index) === 'running');
    const expected = running.map(storageAddress);
    const views = await Promise.all(running.map(async (node) => ({ node, live: await liveNodesSeenBy(node, auth) })));
    const lagging = views.filter((v) => !v.live || expected.some((address) => !v.live!.includes(address)));
    if (lagging.length === 0) {
      for (const v of views) ctx.log(`${label(v.node)}: sees ${v.live!.length}/${running.length} running nodes Up`);
      return;
    }
    if (Date.now() - started > ctx.timeoutMs) {
      const detail = lagging
        .map((v) =>
          v.live
            ? `node ${v.node.index} sees only ${v.live.join(', ')}`
            : `node ${v.node.index}: Jolokia on ${v.node.address}:${v.node.jolokiaPort} does not answer`,
        )
        .join('; ');
      throw new NodeFailedError(
        `nodes did not agree that all ${running.length} running nodes are Up within ${ctx.timeoutMs / 1000} s: ${detail}`,
      );
    }
    if (Date.now() - lastProgress > 15_000) {
      lastProgress = Date.now();
      ctx.log(
        `  waiting for gossip: ${lagging.map((v) => `node ${v.node.index} sees ${v.live?.length ?? '?'}/${running.length}`).join(', ')} (${seconds(started)})`,
      );
    }
    await sleep(500);
  }
}

function failure(ctx: ToolContext, node: NodeSpec, why: string): NodeFailedError {
  const index = node.index;
  return new NodeFailedError(
    `${label(node)} failed to start: ${why}.\n` +
      `--- last lines of ${ctx.paths.systemLog(index)} ---\n${lastLines(ctx.paths.systemLog(index), 25)}\n` +
      `--- last lines of ${ctx.paths.stdoutLog(index)} ---\n${lastLines(ctx.paths.stdoutLog(index), 15)}`,
  );
}

/** A clean stop: SIGTERM lets Cassandra drain (flush memtables, leave gossip) in its shutdown hook. */
export async function stopNode(ctx: ToolContext, node: NodeSpec, timeoutMs = 90_000): Promise<void> {
  if (processState(ctx.paths, node.index) === 'paused') signalNode(ctx.paths, node.index, 'SIGCONT');
  if (!signalNode(ctx.paths, node.index, 'SIGTERM')) {
    ctx.log(`${label(node)}: not running`);
    return;
  }
  const started = Date.now();
  if (await waitForExit(ctx.paths, node.index, timeoutMs)) {
    ctx.log(`${label(node)}: stopped after ${seconds(started)}`);
    return;
  }
  throw new NodeFailedError(
    `${label(node)} did not stop within ${timeoutMs / 1000} s of SIGTERM; \`npm run cluster -- kill ${node.index}\` ends it at once`,
  );
}

export async function killNode(ctx: ToolContext, node: NodeSpec): Promise<void> {
  if (!signalNode(ctx.paths, node.index, 'SIGKILL')) {
    ctx.log(`${label(node)}: not running`);
    return;
  }
  await waitForExit(ctx.paths, node.index, 10_000);
  ctx.log(`${label(node)}: killed (SIGKILL)`);
}

export function pauseOrResume(ctx: ToolContext, node: NodeSpec, signal: 'SIGSTOP' | 'SIGCONT'): void {
  if (!signalNode(ctx.paths, node.index, signal)) throw new NodeFailedError(`${label(node)} is not running`);
  ctx.log(`${label(node)}: ${signal === 'SIGSTOP' ? 'paused (SIGSTOP)' : 'resumed (SIGCONT)'}`);
}

export async function wipeCluster(ctx: ToolContext, cluster: ClusterState | undefined): Promise<void> {
  for (const node of cluster?.nodes ?? []) {
    if (livePid(ctx.paths, node.index) !== undefined) await killNode(ctx, node);
  }
  rmSync(ctx.paths.dir, { recursive: true, force: true });
  ctx.log(`removed ${ctx.paths.dir}`);
}
