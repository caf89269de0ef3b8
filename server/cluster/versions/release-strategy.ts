/**
 * What each Cassandra release offers the console, chosen per node by its `release_version` (the
 * driver's `host.cassandraVersion`, from system.local / system.peers_v2). A mixed-version cluster —
 * during an upgrade — is read node by node, each with its own strategy. Pure: no I/O.
 *
 * What differs lives beside this file: the virtual tables (virtual-tables.ts) and the MBean details
 * (features.ts), each listed from real 4.0.19, 4.1.10 and 5.0.9 nodes.
 */
import { FEATURES, MBEANS, type Feature, type MBeanOffer } from './features';
import { atLeast, SERIES, seriesOfRelease, type Series } from './series';
import { VIRTUAL_TABLES } from './virtual-tables';

export { seriesOfRelease, type Series } from './series';
export type { Feature } from './features';

export interface ReleaseStrategy {
  /** The node's release as it reports it, or null when the driver does not know it yet. */
  release: string | null;
  /** The series whose offer applies: a release newer than 5.0 (or unknown) is read as 5.0. */
  series: Series;
  /** Whether `system_views.<table>` exists on this release. */
  hasVirtualTable(table: string): boolean;
  /** Whether this release has `feature` (features.ts). */
  has(feature: Feature): boolean;
  /** The MBean attributes and signatures this release takes where releases differ. */
  mbeans: MBeanOffer;
}

export function strategyFor(release: string | null | undefined): ReleaseStrategy {
  // A 3.x node is not supported; reading it as 4.0 offers the least and names what is missing.
  const series = seriesOfRelease(release) ?? '4.0';
  return {
    release: release ?? null,
    series,
    hasVirtualTable: (table) => VIRTUAL_TABLES[series].has(table),
    has: (feature) => atLeast(series, FEATURES[feature].since),
    mbeans: MBEANS[series],
  };
}

/** The first series that has `system_views.<table>`, or null if none we know does. */
export function firstSeriesWith(table: string): Series | null {
  return SERIES.find((series) => VIRTUAL_TABLES[series].has(table)) ?? null;
}

/** The `system_views` table a statement reads (`… FROM system_views.snapshots …`), if any. */
export function virtualTableOf(statement: string): string | null {
  return /\bFROM\s+"?system_views"?\s*\.\s*"?(\w+)"?/i.exec(statement)?.[1]?.toLowerCase() ?? null;
}

function runs(strategy: ReleaseStrategy, address: string): string {
  return strategy.release ? `${address} runs ${strategy.release}` : `${address} runs an older release`;
}

/**
 * Why `statement` cannot run on a node of this release, said plainly, or null when it can:
 * "system_views.snapshots needs Cassandra 5.0 or newer; 127.0.0.46 runs 4.0.19".
 */
export function unsupportedReason(
  statement: string,
  release: string | null | undefined,
  address: string,
): string | null {
  const table = virtualTableOf(statement);
  if (!table) return null;
  const strategy = strategyFor(release);
  if (strategy.hasVirtualTable(table)) return null;
  const since = firstSeriesWith(table);
  return since
    ? `system_views.${table} needs Cassandra ${since} or newer; ${runs(strategy, address)}`
    : `system_views.${table} is not in any Cassandra release the console knows; ${runs(strategy, address)}`;
}

/** Why a node of this release cannot do `feature`, or null when it can: "a snapshot with a ttl needs Cassandra 4.1 or newer; …". */
export function featureMissingReason(strategy: ReleaseStrategy, feature: Feature, address: string): string | null {
  if (strategy.has(feature)) return null;
  const { what, since } = FEATURES[feature];
  return `${what} needs Cassandra ${since} or newer; ${runs(strategy, address)}`;
}
