/**
 * Cassandra's runtime classpath and the Jolokia agent, resolved from Maven Central through
 * localcluster/pom.xml into a cache outside the repository, keyed by version. The first run
 * resolves the newest 5.0.x; every later run reuses the newest complete cache entry without
 * asking Maven again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findMaven, javaHomeOf } from './prerequisites';

export interface CassandraArtifacts {
  version: string;
  libDir: string;
  jolokiaAgentJar: string;
  jammJar: string | undefined;
}

/** Maven's version range for "the newest 5.0 release": 5.0.0 up, no 5.1 pre-releases. */
const CASSANDRA_RANGE = '[5.0.0,5.0.999]';
const JOLOKIA_VERSION = '2.6.0';
const COMPLETE_MARKER = '.complete';

const POM = join(dirname(fileURLToPath(import.meta.url)), 'pom.xml');

export function cacheRoot(): string {
  return process.env.RINGSIDE_CACHE_DIR ?? join(homedir(), '.cache', 'ringside');
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function describe(dir: string, version: string): CassandraArtifacts {
  const libDir = join(dir, 'lib');
  const agents = readdirSync(join(dir, 'agents'));
  const agent = agents.find((name) => name.startsWith('jolokia-agent-jvm') && name.endsWith('-javaagent.jar'));
  if (!agent) throw new Error(`${dir}/agents has no Jolokia javaagent jar; delete ${dir} and run again`);
  const jamm = readdirSync(libDir).find((name) => /^jamm-.*\.jar$/.test(name));
  return {
    version,
    libDir,
    jolokiaAgentJar: join(dir, 'agents', agent),
    jammJar: jamm ? join(libDir, jamm) : undefined,
  };
}

function cachedArtifacts(requestedVersion: string | undefined): CassandraArtifacts | undefined {
  const root = cacheRoot();
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .map((name) => /^cassandra-(\d+\.\d+\.\d+)$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined && existsSync(join(root, `cassandra-${v}`, COMPLETE_MARKER)))
    .filter((v) => (requestedVersion ? v === requestedVersion : v.startsWith('5.0.')))
    .sort(compareVersions);
  const newest = versions.at(-1);
  return newest ? describe(join(root, `cassandra-${newest}`), newest) : undefined;
}

function runMaven(args: string[], javaBinary: string, log: (line: string) => void): void {
  const javaHome = javaHomeOf(javaBinary);
  const result = spawnSync(findMaven(), ['-B', '-q', '-f', POM, ...args], {
    encoding: 'utf8',
    env: javaHome ? { ...process.env, JAVA_HOME: javaHome } : process.env,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    log(output);
    throw new Error(
      `Maven could not resolve Cassandra from Maven Central (mvn ${args.join(' ')} exited ${result.status}). Its last lines are above.`,
    );
  }
}

/**
 * Returns the cached artifacts, resolving them first when none are cached.
 * RINGSIDE_CASSANDRA_VERSION pins an exact version instead of the newest 5.0.x.
 */
export function ensureArtifacts(javaBinary: string, log: (line: string) => void): CassandraArtifacts {
  const pinned = process.env.RINGSIDE_CASSANDRA_VERSION;
  const cached = cachedArtifacts(pinned);
  if (cached) return cached;

  const root = cacheRoot();
  mkdirSync(root, { recursive: true });
  const staging = mkdtempSync(join(root, 'resolving-'));
  try {
    const versionArg = `-Dcassandra.version=${pinned ?? CASSANDRA_RANGE}`;
    log(
      `fetching Apache Cassandra ${pinned ?? '5.0.x (newest)'} and Jolokia ${JOLOKIA_VERSION} from Maven Central (once; cached in ${root})`,
    );
    const started = Date.now();
    runMaven(
      [
        'dependency:copy-dependencies',
        versionArg,
        `-Djolokia.version=${JOLOKIA_VERSION}`,
        '-DincludeScope=runtime',
        '-DexcludeGroupIds=org.jolokia',
        `-DoutputDirectory=${join(staging, 'lib')}`,
      ],
      javaBinary,
      log,
    );
    runMaven(
      [
        'dependency:copy-dependencies',
        versionArg,
        `-Djolokia.version=${JOLOKIA_VERSION}`,
        '-DincludeGroupIds=org.jolokia',
        `-DoutputDirectory=${join(staging, 'agents')}`,
      ],
      javaBinary,
      log,
    );
    const jar = readdirSync(join(staging, 'lib')).find((name) => /^cassandra-all-\d+\.\d+\.\d+\.jar$/.test(name));
    if (!jar) throw new Error('Maven finished but no cassandra-all jar arrived');
    const version = /^cassandra-all-(.+)\.jar$/.exec(jar)?.[1];
    if (version === undefined) throw new Error(`cannot read the Cassandra version in ${jar}`);
    const target = join(root, `cassandra-${version}`);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    writeFileSync(join(target, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
    log(
      `resolved Cassandra ${version} (${readdirSync(join(target, 'lib')).length} jars) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return describe(target, version);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
