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

/** Cassandra 5.0 runs on Java 11 or 17 only; the machine may also carry a newer JDK as its default. */
export function findJava17(): string {
  const candidates: string[] = [];
  if (process.env.RINGSIDE_JAVA_HOME) candidates.push(join(process.env.RINGSIDE_JAVA_HOME, 'bin', 'java'));
  if (process.env.JAVA_HOME) candidates.push(join(process.env.JAVA_HOME, 'bin', 'java'));
  if (existsSync('/usr/lib/jvm')) {
    for (const entry of readdirSync('/usr/lib/jvm').sort()) {
      if (/^(java-17|openjdk-17|temurin-17|jdk-17)/.test(entry))
        candidates.push(join('/usr/lib/jvm', entry, 'bin', 'java'));
    }
  }
  candidates.push('java');
  const found = candidates.find(
    (candidate) => (candidate === 'java' || existsSync(candidate)) && javaMajorOf(candidate) === 17,
  );
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
