/**
 * The local-cluster tool as a library for tests and benchmarks: run a command, run nodetool,
 * wait for a condition. It shells out to the same CLI an operator uses.
 */
import { execFile, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureArtifacts } from './artifacts';
import { nodetoolJvmArgs } from './jvm-options';
import { parseNodetoolStatus, type NodetoolStatusRow } from './nodetool-status';
import { javaFor } from './java-runtime';
import { findJava } from './prerequisites';
import { ClusterPaths, defaultClustersDir, readClusterState } from './state';
import { parseVersionRequest } from './versions';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'localcluster', 'cli.ts');

export interface CommandResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCluster(args: string[], timeoutMs = 400_000): CommandResult {
  const result = spawnSync(TSX, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 32 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/**
 * As runClusterOrThrow, without blocking the caller's event loop: a test that also serves HTTP (a
 * webhook receiver) must keep answering while a node starts.
 */
export function runClusterAsync(args: string[], timeoutMs = 400_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      TSX,
      [CLI, ...args],
      { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`cluster ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

export function runClusterOrThrow(args: string[], timeoutMs?: number): string {
  const result = runCluster(args, timeoutMs);
  if (result.status !== 0)
    throw new Error(`cluster ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

export function nodetool(node: number, args: string[], cluster = 'demo'): string {
  return runClusterOrThrow(['--name', cluster, 'nodetool', String(node), ...args], 120_000);
}

export function nodetoolStatus(node: number, cluster = 'demo', keyspace?: string): NodetoolStatusRow[] {
  return parseNodetoolStatus(nodetool(node, keyspace ? ['status', keyspace] : ['status'], cluster));
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 90_000,
  intervalMs = 1000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(
    `timed out after ${timeoutMs / 1000} s waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`,
  );
}

/** The bare `java … NodeTool` command line for a node, without this tool's CLI around it (for timing). */
export function nodetoolCommandLine(node: number, args: string[], cluster = 'demo'): { java: string; args: string[] } {
  const paths = new ClusterPaths(join(defaultClustersDir(), cluster));
  const state = readClusterState(paths);
  const spec = state?.nodes.find((n) => n.index === node);
  if (!spec) throw new Error(`no node ${node} in cluster ${cluster}`);
  const request = parseVersionRequest(state!.cassandraVersion);
  const machineJava = findJava(17, 'RINGSIDE_JAVA_HOME');
  const { nodetool } = javaFor(request.series, () => undefined, machineJava);
  return {
    java: nodetool.java,
    args: nodetoolJvmArgs(
      paths,
      ensureArtifacts(machineJava ?? nodetool.java, () => undefined, request),
      spec,
      args,
      nodetool.major,
    ),
  };
}
