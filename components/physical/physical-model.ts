/**
 * The physical view, pure: DCs → racks → nodes, each node's value of the chosen measure, the bucket
 * (colour and words) it falls in, and the label a tile carries so colour is never the only sign.
 */
import { formatBytes } from '@/components/nodes/format';
import { addressKey, dcOf, rackOf } from '@/components/nodes/node-table-model';
import type { NodeRow } from '@/server/nodes/merge-nodes';

export const MEASURES = ['status', 'load', 'p99', 'compactions', 'heap'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_LABELS: Record<Measure, string> = {
  status: 'Status',
  load: 'Load',
  p99: 'Read p99 (coordinator)',
  compactions: 'Pending compactions',
  heap: 'Heap used',
};

/** The collector's metric a measure reads, for those the live snapshot does not carry. */
export const MEASURE_METRIC: Partial<Record<Measure, string>> = {
  p99: 'client.read.p99',
  compactions: 'compaction.pending',
};

export function measureOf(value: string | null): Measure {
  return (MEASURES as readonly string[]).includes(value ?? '') ? (value as Measure) : 'status';
}

export type Tone = 'ok' | 'bad' | 'warn' | 'info' | 'neutral';

export interface Bucket {
  /** Position on the scale, 0 = best; the legend lists buckets in this order. */
  index: number;
  label: string;
  tone: Tone;
  /** 0..1: how strongly the tone is laid on. */
  strength: number;
}

const scale = (labels: string[]): Bucket[] =>
  labels.map((label, index) => ({
    index,
    label,
    tone: index < 2 ? 'ok' : index < 4 ? 'warn' : 'bad',
    strength: [0.3, 0.6, 0.45, 0.8, 0.85][index]!,
  }));

const STATUS_BUCKETS: Bucket[] = [
  { index: 0, label: 'Up', tone: 'ok', strength: 0.6 },
  { index: 1, label: 'Joining, leaving or moving', tone: 'warn', strength: 0.6 },
  { index: 2, label: 'Down', tone: 'bad', strength: 0.85 },
  { index: 3, label: 'Unknown', tone: 'neutral', strength: 0.3 },
];
const P99_MS = [5, 20, 100, 500];
const PENDING = [1, 5, 20, 100];
const HEAP = [0.5, 0.7, 0.85, 0.95];
const LOAD = [0.2, 0.4, 0.6, 0.8];

/** The legend of a measure: its buckets, best first. `loadMax` names the load scale's top. */
export function bucketsOf(measure: Measure, loadMax = 0): Bucket[] {
  switch (measure) {
    case 'status':
      return STATUS_BUCKETS;
    case 'p99':
      return scale(['< 5 ms', '5–20 ms', '20–100 ms', '100–500 ms', '≥ 500 ms']);
    case 'compactions':
      return scale(['none', '1–4', '5–19', '20–99', '≥ 100']);
    case 'heap':
      return scale(['< 50%', '50–70%', '70–85%', '85–95%', '≥ 95%']);
    case 'load': {
      const at = (f: number) => formatBytes(Math.round(loadMax * f));
      return scale(LOAD.map((f) => `< ${at(f)}`).concat(`≥ ${at(LOAD.at(-1)!)}`)).map((b) => ({
        ...b,
        // Load is not good or bad in itself: one tone, stronger for more.
        tone: 'info',
        strength: 0.2 + b.index * 0.17,
      }));
    }
  }
}

const step = (thresholds: number[], value: number) => {
  const i = thresholds.findIndex((t) => value < t);
  return i === -1 ? thresholds.length : i;
};

/** A node's value of a measure, or null when there is none (no agent answer, no metric yet). */
export function valueOf(measure: Measure, node: NodeRow, metric: Record<string, number> | undefined): number | null {
  switch (measure) {
    case 'status':
      return null;
    case 'load':
      return node.loadBytes;
    case 'heap':
      return node.heapUsedBytes !== null && node.heapMaxBytes ? node.heapUsedBytes / node.heapMaxBytes : null;
    case 'p99':
    case 'compactions':
      return metric?.[node.address] ?? null;
  }
}

/** The bucket a node falls in; null for a measure with no value for it. */
export function bucketOf(measure: Measure, node: NodeRow, value: number | null, loadMax = 0): Bucket | null {
  if (measure === 'status') {
    if (node.status === 'Down') return STATUS_BUCKETS[2]!;
    if (node.status !== 'Up') return STATUS_BUCKETS[3]!;
    return node.state === 'Normal' ? STATUS_BUCKETS[0]! : STATUS_BUCKETS[1]!;
  }
  if (value === null) return null;
  const buckets = bucketsOf(measure, loadMax);
  switch (measure) {
    case 'p99':
      return buckets[step(P99_MS, value / 1000)]!;
    case 'compactions':
      return buckets[step(PENDING, value)]!;
    case 'heap':
      return buckets[step(HEAP, value)]!;
    case 'load':
      return buckets[loadMax > 0 ? step(LOAD, value / loadMax) : 0]!;
  }
}

/** The words on a tile: its value as people read it (the status, when that is the measure). */
export function valueText(measure: Measure, node: NodeRow, value: number | null): string {
  if (measure === 'status') return node.state === 'Normal' || node.status !== 'Up' ? node.status : node.state;
  if (value === null) return '—';
  switch (measure) {
    case 'load':
      return formatBytes(value);
    case 'heap':
      return `${Math.round(value * 100)}%`;
    case 'p99':
      return value >= 1000 ? `${Number((value / 1000).toFixed(1))} ms` : `${Math.round(value)} µs`;
    case 'compactions':
      return String(Math.round(value));
  }
}

export interface Rack<T> {
  rack: string;
  nodes: T[];
  up: number;
}
export interface Dc<T> {
  dc: string;
  racks: Rack<T>[];
  up: number;
  total: number;
}

/** DCs and racks in name order, nodes by address inside a rack; with who is up at each level. */
export function layout(nodes: readonly NodeRow[]): Dc<NodeRow>[] {
  const dcs = new Map<string, Map<string, NodeRow[]>>();
  for (const node of nodes) {
    const racks = dcs.get(dcOf(node)) ?? new Map<string, NodeRow[]>();
    dcs.set(dcOf(node), racks);
    const list = racks.get(rackOf(node)) ?? [];
    racks.set(rackOf(node), list);
    list.push(node);
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const upIn = (list: NodeRow[]) => list.filter((n) => n.status === 'Up').length;
  return [...dcs.keys()].sort(byName).map((dc) => {
    const racks = [...dcs.get(dc)!.entries()]
      .sort(([a], [b]) => byName(a, b))
      .map(([rack, list]) => {
        list.sort((a, b) => byName(addressKey(a.address), addressKey(b.address)));
        return { rack, nodes: list, up: upIn(list) };
      });
    return {
      dc,
      racks,
      up: racks.reduce((sum, r) => sum + r.up, 0),
      total: racks.reduce((sum, r) => sum + r.nodes.length, 0),
    };
  });
}
