/** Finds Java 17 and Maven, or says exactly what to install. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export class MissingPrerequisiteError extends Error {}

export function parseJavaMajor(versionText: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionText);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

function javaMajorOf(javaBinary: string): number | undefined {
  const result = spawnSync(javaBinary, ['-version'], { encoding: 'utf8' });
  if (result.error) return undefined;
  // `java -version` prints on stderr.
  return parseJavaMajor(`${result.stderr}${result.stdout}`);
}

export function javaMajorOfBinary(javaBinary: string): number | undefined {
  return javaMajorOf(javaBinary);
}

/**
 * The first Java of this major version among: `homeVariable`'s home, JAVA_HOME, the JDKs in
 * /usr/lib/jvm, `extra` (e.g. the tool's own cached runtime), and `java` on the PATH.
 */
export function findJava(major: number, homeVariable: string, extra: string[] = []): string | undefined {
  const candidates: string[] = [];
  const home = process.env[homeVariable];
  if (home) candidates.push(join(home, 'bin', 'java'));
  if (process.env.JAVA_HOME) candidates.push(join(process.env.JAVA_HOME, 'bin', 'java'));
  if (existsSync('/usr/lib/jvm')) {
    const pattern = new RegExp(`^(java-${major}|openjdk-${major}|temurin-${major}|jdk-${major})`);
    for (const entry of readdirSync('/usr/lib/jvm').sort()) {
      if (pattern.test(entry)) candidates.push(join('/usr/lib/jvm', entry, 'bin', 'java'));
    }
  }
  candidates.push(...extra, 'java');
  return candidates.find(
    (candidate) => (candidate === 'java' || existsSync(candidate)) && javaMajorOf(candidate) === major,
  );
}

/** Cassandra 5.0 runs on Java 11 or 17 only; the machine may also carry a newer JDK as its default. */
export function findJava17(): string {
  const found = findJava(17, 'RINGSIDE_JAVA_HOME');
  if (found) return found;
  throw new MissingPrerequisiteError(
    'Java 17 was not found (Cassandra 5.0 runs on Java 11 or 17 only). Install it with `apt-get install -y openjdk-17-jdk-headless`, or point RINGSIDE_JAVA_HOME at a Java 17 home.',
  );
}

export function javaHomeOf(javaBinary: string): string | undefined {
  return javaBinary.endsWith('/bin/java') ? javaBinary.slice(0, -'/bin/java'.length) : undefined;
}

export function findMaven(): string {
  const result = spawnSync('mvn', ['--version'], { stdio: 'ignore' });
  if (result.error || result.status !== 0) {
    throw new MissingPrerequisiteError(
      'Maven was not found: it fetches Cassandra from Maven Central. Install it with `apt-get install -y maven`.',
    );
  }
  return 'mvn';
}
