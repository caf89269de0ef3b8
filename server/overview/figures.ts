/**
 * The cluster overview's metric tiles, folded from the metrics collector's latest poll (which runs
 * from start-up whoever watches): nothing here asks the cluster anything. Pure, so a test holds the sums.
 */
import type { LatestValues } from '../metrics/collector';

export interface OverviewFigures {
  /** When the collector polled (ms since the epoch). */
  at: number;
  /** Nodes that answered the poll, and those that did not (with why). */
  answered: number;
  missing: { address: string; reason: string }[];
  pendingCompactions: number;
  droppedPerSecond: number;
  hintsPerSecond: number;
  hintsInProgress: number;
  readsPerSecond: number;
  writesPerSecond: number;
  /** The worst node's coordinator p99, microseconds; null when no node reported one. */
  readP99Micros: number | null;
  writeP99Micros: number | null;
  loadBytes: number;
}

export function overviewFigures(latest: LatestValues | undefined): OverviewFigures | null {
  if (!latest) return null;
  const nodes = Object.values(latest.byNode);
  const sum = (metric: string) => nodes.reduce((total, values) => total + (values[metric] ?? 0), 0);
  const worst = (metric: string) => {
    const values = nodes.map((v) => v[metric]).filter((v): v is number => typeof v === 'number');
    return values.length ? Math.max(...values) : null;
  };
  return {
    at: latest.at,
    answered: nodes.length,
    missing: Object.entries(latest.missing).map(([address, reason]) => ({ address, reason })),
    pendingCompactions: sum('compaction.pending'),
    droppedPerSecond: sum('dropped.rate'),
    hintsPerSecond: sum('hints.rate'),
    hintsInProgress: sum('hints.in_progress'),
    readsPerSecond: sum('client.read.rate'),
    writesPerSecond: sum('client.write.rate'),
    readP99Micros: worst('client.read.p99'),
    writeP99Micros: worst('client.write.p99'),
    loadBytes: sum('storage.load'),
  };
}
