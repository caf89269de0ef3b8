/**
 * The Cassandra release series the local-cluster tool runs, and what each one needs: the Maven
 * version range of its newest patch release, the Java it runs on, and the Jolokia agent built for
 * that Java. See docs/local-cluster.md and docs/versions.md.
 */

export const SERIES = ['4.0', '4.1', '5.0'] as const;
export type CassandraSeries = (typeof SERIES)[number];

/** What `--version` asked for: a series (newest patch release of it) or one exact release. */
export interface VersionRequest {
  series: CassandraSeries;
  exact?: string;
}

export class UnsupportedVersionError extends Error {}

export const DEFAULT_SERIES: CassandraSeries = '5.0';

function asSeries(major: string, minor: string, raw: string): CassandraSeries {
  const series = `${major}.${minor}`;
  if ((SERIES as readonly string[]).includes(series)) return series as CassandraSeries;
  throw new UnsupportedVersionError(
    `Cassandra ${raw} is not a release this tool runs: it runs ${SERIES.join(', ')} (a series, e.g. 4.1, or an exact release, e.g. 4.1.10)`,
  );
}

/** "4.1" → the newest 4.1.x; "4.1.10" → exactly that; anything else is refused with what is accepted. */
export function parseVersionRequest(raw: string): VersionRequest {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(raw.trim());
  if (!match)
    throw new UnsupportedVersionError(
      `"${raw}" is not a Cassandra version: give a series (${SERIES.join(', ')}) or an exact release such as 4.1.10`,
    );
  const [, major, minor, patch] = match;
  const series = asSeries(major!, minor!, raw);
  return patch === undefined ? { series } : { series, exact: `${series}.${patch}` };
}

/** The series of an exact release ("4.1.10" → "4.1"). */
export function seriesOf(version: string): CassandraSeries {
  return parseVersionRequest(version).series;
}

/** Maven's range for "the newest release of the series": x.y.0 up, no pre-releases of the next. */
export function mavenRange(series: CassandraSeries): string {
  return `[${series}.0,${series}.999]`;
}

/**
 * The Java each series runs on. 4.0 and 4.1 run on Java 8 or 11 only (11 here: the tool's flags are
 * Java 11's), 5.0 on 11 or 17 (17 here, as the demo cluster always has).
 */
export function javaMajorFor(series: CassandraSeries): 11 | 17 {
  return series === '5.0' ? 17 : 11;
}

/**
 * Jolokia 2.4 and later are compiled for Java 17 (class files version 61); 2.3.0 is the newest
 * built for Java 11 (version 55). Both accept the same agent options and access-policy file.
 */
export function jolokiaVersionFor(javaMajor: 11 | 17): string {
  return javaMajor === 17 ? '2.6.0' : '2.3.0';
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
