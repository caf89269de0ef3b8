/**
 * Thins a node's series to about as many points as a chart has pixels to draw them. A day of 1-minute
 * rollups is 1,440 points a node, two hours of raw points at a 2 s poll 3,600, and raw points of
 * different nodes never share a timestamp, so a chart's rows multiplied by the node count: recharts
 * froze the metrics page for tens of seconds on this machine. Points are averaged into fixed-width
 * windows aligned to the epoch, so every node's windows share their timestamps (one chart row each);
 * a window keeps the lowest and highest value it saw, so a spike survives the thinning. Pure.
 */
import type { SeriesPoint } from './history-store';

/** Enough for a full-width chart on a wide screen; a 24 h range at 1-minute rollups becomes 3-minute windows. */
export const CHART_POINTS = 600;

/** The window width for a range: a whole multiple of the resolution's step, so rollup points never straddle two. */
export function thinningStep(rangeMs: number, stepMs: number, maxPoints = CHART_POINTS): number {
  const step = Math.max(1, stepMs);
  return Math.max(step, Math.ceil(rangeMs / maxPoints / step) * step);
}

/** The points averaged per window of `windowMs`; a series already at that width comes back as it is. */
export function thinSeries(points: readonly SeriesPoint[], windowMs: number): SeriesPoint[] {
  if (points.length < 2) return [...points];
  const windows = new Map<number, { sum: number; count: number; min: number; max: number }>();
  for (const p of points) {
    const start = Math.floor(p.ts / windowMs) * windowMs;
    const w = windows.get(start);
    const low = p.min ?? p.value;
    const high = p.max ?? p.value;
    if (w) {
      w.sum += p.value;
      w.count += 1;
      w.min = Math.min(w.min, low);
      w.max = Math.max(w.max, high);
    } else windows.set(start, { sum: p.value, count: 1, min: low, max: high });
  }
  if (windows.size === points.length && points.every((p) => p.ts % windowMs === 0)) return [...points];
  return [...windows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([ts, w]) => ({ ts, value: w.sum / w.count, min: w.min, max: w.max }));
}
