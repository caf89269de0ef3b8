/**
 * The resolutions metrics are kept at, how long, and how their partitions are bucketed — and which
 * one a chart reads for a time range (enough points to draw, few enough partitions to read). Pure.
 */
export interface Resolution {
  name: 'raw' | '1m' | '5m' | '2h';
  table: string;
  /** Width of one point; raw points are as collected. */
  stepMs: number;
  ttlSeconds: number;
  /** Width of one partition's time bucket. */
  bucketMs: number;
  /** TimeWindowCompactionStrategy window, in a unit Cassandra accepts. */
  window: { unit: 'HOURS' | 'DAYS'; size: number };
  /** The longest range charted at this resolution. */
  maxRangeMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Finest first: raw, then the rollups in the order they are computed. */
export const RESOLUTIONS: readonly [Resolution, Resolution, Resolution, Resolution] = [
  {
    name: 'raw',
    table: 'metrics_raw',
    stepMs: 0,
    ttlSeconds: 2 * 86_400,
    bucketMs: HOUR,
    window: { unit: 'HOURS', size: 2 },
    maxRangeMs: 2 * HOUR,
  },
  {
    name: '1m',
    table: 'metrics_1m',
    stepMs: 60_000,
    ttlSeconds: 7 * 86_400,
    bucketMs: DAY,
    window: { unit: 'HOURS', size: 12 },
    maxRangeMs: 36 * HOUR,
  },
  {
    name: '5m',
    table: 'metrics_5m',
    stepMs: 300_000,
    ttlSeconds: 28 * 86_400,
    bucketMs: 7 * DAY,
    window: { unit: 'DAYS', size: 1 },
    maxRangeMs: 8 * DAY,
  },
  {
    name: '2h',
    table: 'metrics_2h',
    stepMs: 7_200_000,
    ttlSeconds: 365 * 86_400,
    bucketMs: 30 * DAY,
    window: { unit: 'DAYS', size: 15 },
    maxRangeMs: Number.POSITIVE_INFINITY,
  },
];

export function resolutionFor(rangeMs: number): Resolution {
  const [, , , coarsest] = RESOLUTIONS;
  return RESOLUTIONS.find((r) => rangeMs <= r.maxRangeMs) ?? coarsest;
}

export function bucketOf(resolution: Resolution, ts: number): number {
  return Math.floor(ts / resolution.bucketMs) * resolution.bucketMs;
}

/** Every bucket a range touches, newest first. */
export function bucketsBetween(resolution: Resolution, from: number, to: number): number[] {
  const buckets: number[] = [];
  for (let b = bucketOf(resolution, to); b >= bucketOf(resolution, from); b -= resolution.bucketMs) buckets.push(b);
  return buckets;
}
