/**
 * One line for the whole cluster instead of one per node: what an overview chart of a 1,000-node
 * cluster can draw and a reader can take in. Rates add up (the cluster's throughput); latencies take
 * the worst node (a p99 cannot be added or averaged across nodes). Points must share their windows,
 * as thin-series.ts makes them. A window counts the nodes that answered in it. Pure.
 */
import type { SeriesPoint } from './history-store';

export type Aggregate = 'sum' | 'max';

export const AGGREGATE_LABEL: Record<Aggregate, string> = { sum: 'all nodes, summed', max: 'worst node' };

export function aggregateSeries(
  series: readonly { node: string; points: readonly SeriesPoint[] }[],
  how: Aggregate,
): { node: string; points: SeriesPoint[] } {
  const windows = new Map<number, { value: number; min: number; max: number }>();
  for (const { points } of series)
    for (const p of points) {
      const w = windows.get(p.ts);
      const low = p.min ?? p.value;
      const high = p.max ?? p.value;
      if (!w) windows.set(p.ts, { value: p.value, min: low, max: high });
      else if (how === 'sum') windows.set(p.ts, { value: w.value + p.value, min: w.min + low, max: w.max + high });
      else
        windows.set(p.ts, { value: Math.max(w.value, p.value), min: Math.max(w.min, low), max: Math.max(w.max, high) });
    }
  return {
    node: AGGREGATE_LABEL[how],
    points: [...windows.entries()].sort((a, b) => a[0] - b[0]).map(([ts, w]) => ({ ts, ...w })),
  };
}
