/** Starting, signalling and inspecting one node's JVM. */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { CassandraArtifacts } from './artifacts';
import { nodeJvmArgs } from './jvm-options';
import type { ClusterPaths } from './state';
import type { NodeSpec } from './topology';

export type ProcessState = 'running' | 'paused' | 'stopped';

/** The node's pid, if its pid file names a live process that really is this node's JVM. */
export function livePid(paths: ClusterPaths, index: number): number | undefined {
  const file = paths.pidFile(index);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    // The pid may have been reused since: check the command line names this node's folder.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(`-Dcassandra.storagedir=${paths.nodeDir(index)}\0`) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function processState(paths: ClusterPaths, index: number): ProcessState {
  const pid = livePid(paths, index);
  if (pid === undefined) return 'stopped';
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 3, after the parenthesised command name: T = stopped by a signal (SIGSTOP).
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z') return 'stopped';
    return state === 'T' ? 'paused' : 'running';
  } catch {
    return 'stopped';
  }
}

export function startNodeProcess(
  javaBinary: string,
  paths: ClusterPaths,
  artifacts: CassandraArtifacts,
  node: NodeSpec,
  heapMb: number,
  extraClasspath: string[] = [],
): number {
  const out = openSync(paths.stdoutLog(node.index), 'a');
  try {
    const child = spawn(javaBinary, nodeJvmArgs(paths, artifacts, node, heapMb, extraClasspath), {
      cwd: paths.nodeDir(node.index),
      detached: true,
      stdio: ['ignore', out, out],
    });
    if (child.pid === undefined) throw new Error(`could not start java for node ${node.index}`);
    child.unref();
    writeFileSync(paths.pidFile(node.index), `${child.pid}\n`);
    return child.pid;
  } finally {
    closeSync(out);
  }
}

export function signalNode(paths: ClusterPaths, index: number, signal: NodeJS.Signals): boolean {
  const pid = livePid(paths, index);
  if (pid === undefined) return false;
  process.kill(pid, signal);
  return true;
}

export async function waitForExit(paths: ClusterPaths, index: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (processState(paths, index) === 'stopped') {
      rmSync(paths.pidFile(index), { force: true });
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

export function lastLines(file: string, count: number): string {
  if (!existsSync(file)) return `(no ${file})`;
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  return lines.slice(-count).join('\n');
}
