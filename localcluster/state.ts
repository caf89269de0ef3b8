/**
 * A local cluster on disk: `<clusters dir>/<name>/cluster.json` plus one folder per node
 * (`node1/conf`, `node1/data`, `node1/logs`, ...). cluster.json is the only record of what was
 * created; every command reads it back through zod so a hand-edited file fails loudly.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const nodeSchema = z.object({
  index: z.number().int().min(1).max(254),
  address: z.string(),
  dc: z.string(),
  rack: z.string(),
  storagePort: z.number().int(),
  nativePort: z.number().int(),
  jmxPort: z.number().int(),
  jolokiaPort: z.number().int(),
  seed: z.boolean(),
  initialTokens: z.array(z.string()),
});

const clusterSchema = z.object({
  name: z.string(),
  cassandraVersion: z.string(),
  vnodes: z.number().int().min(1),
  heapMb: z.number().int().min(256),
  ipOffset: z.number().int().min(0).max(200).default(0),
  createdAt: z.string(),
  /** `up --auth --tls`: see secure-cql.ts. Clusters made before these flags have neither. */
  security: z.object({ auth: z.boolean(), tls: z.boolean() }).default({ auth: false, tls: false }),
  nodes: z.array(nodeSchema).min(1),
});

export type ClusterState = z.infer<typeof clusterSchema>;

export function defaultClustersDir(): string {
  return process.env.RINGSIDE_CLUSTERS_DIR ?? join(homedir(), '.ringside', 'clusters');
}

export class ClusterPaths {
  constructor(readonly dir: string) {}
  get stateFile(): string {
    return join(this.dir, 'cluster.json');
  }
  nodeDir(index: number): string {
    return join(this.dir, `node${index}`);
  }
  confDir(index: number): string {
    return join(this.nodeDir(index), 'conf');
  }
  logsDir(index: number): string {
    return join(this.nodeDir(index), 'logs');
  }
  systemLog(index: number): string {
    return join(this.logsDir(index), 'system.log');
  }
  stdoutLog(index: number): string {
    return join(this.logsDir(index), 'stdout.log');
  }
  pidFile(index: number): string {
    return join(this.nodeDir(index), 'node.pid');
  }
  /** The agents' user and password as JSON (mode 600): what the console's `jolokia.credentialsFile` names. */
  get jolokiaCredentialsFile(): string {
    return join(this.dir, 'jolokia-credentials.json');
  }
  /** The same credentials as the agents' `config=` properties file (mode 600), rewritten at every start. */
  get jolokiaAgentProperties(): string {
    return join(this.dir, 'jolokia-agent.properties');
  }
}

export function readClusterState(paths: ClusterPaths): ClusterState | undefined {
  if (!existsSync(paths.stateFile)) return undefined;
  const parsed = clusterSchema.safeParse(JSON.parse(readFileSync(paths.stateFile, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${paths.stateFile} is not a cluster description Ringside wrote: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}. Remove the folder with \`npm run cluster -- wipe\`.`,
    );
  }
  return parsed.data;
}

export function writeClusterState(paths: ClusterPaths, state: ClusterState): void {
  mkdirSync(paths.dir, { recursive: true });
  // Write then rename, so an interrupted command never leaves half a cluster.json behind.
  const temporary = `${paths.stateFile}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, paths.stateFile);
}
