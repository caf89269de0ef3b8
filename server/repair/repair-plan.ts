/**
 * A repair run's plan, pure: the token segments (each one or more ranges sharing one replica set, the
 * replica that coordinates it), the complete options map Cassandra's repairAsync gets for a segment, and
 * which segments may start now — never two on a shared replica, none on a replica that is down,
 * already repairing, or behind on compactions; each waiting segment says which replica and why.
 */
import { z } from 'zod';
import { DEFAULT_SEGMENTS_PER_NODE } from '@/lib/repair-defaults';
import { MIN_TOKEN, RING_SIZE, rangeWidth, type TokenRange } from '../ring/ring-math';
import type { ReleaseStrategy } from '../cluster/versions/release-strategy';

export const repairSettingsSchema = z.object({
  keyspace: z
    .string()
    .min(1)
    .max(48)
    .regex(/^[A-Za-z0-9_]+$/),
  tables: z
    .array(
      z
        .string()
        .min(1)
        .max(48)
        .regex(/^[A-Za-z0-9_]+$/),
    )
    .max(100)
    .default([]),
  incremental: z.boolean().default(false),
  parallelism: z.enum(['sequential', 'parallel', 'dc_parallel']).default('parallel'),
  /**
   * Segment size, as Reaper's "segment count per node": a segment covers at most 1/(this × nodes) of
   * the ring. Ranges with the same replicas are grouped up to that width (one repair session for
   * several ranges), wider ranges are cut. More segments: shorter sessions, finer resumption, more
   * per-session overhead (about 0.3 s each measured on the demo cluster; see docs/operations.md).
   */
  segmentsPerNode: z.number().int().min(1).max(1024).default(DEFAULT_SEGMENTS_PER_NODE),
  /** Segments running at once (never two on one replica, whatever this says). */
  maxParallel: z.number().int().min(1).max(64).default(2),
  /** After a segment, pause this fraction of the time it took (Reaper's intensity 0.5 ≈ 1.0 here). */
  intensity: z.number().min(0).max(10).default(0),
  /** A segment waits while any replica has more pending compactions than this. */
  maxPendingCompactions: z.number().int().min(0).max(100_000).default(20),
  /** First attempt's time-out; doubled on each retry. */
  segmentTimeoutMs: z
    .number()
    .int()
    .min(10_000)
    .max(24 * 3600_000)
    .default(30 * 60_000),
  maxAttempts: z.number().int().min(1).max(10).default(3),
  repairPaxos: z.boolean().default(true),
});
export type RepairSettings = z.output<typeof repairSettingsSchema>;

export interface Segment {
  seq: number;
  /** In ring order; all with exactly `replicas` as their replicas. */
  ranges: TokenRange[];
  replicas: string[];
  coordinator: string;
}

/** A segment's ranges in a few words: "(a, b]" or "(a, b] and 15 more ranges". */
export function describeRanges(ranges: TokenRange[]): string {
  const first = ranges[0] ? `(${ranges[0].start}, ${ranges[0].end}]` : '(no range)';
  return ranges.length > 1 ? `${first} and ${ranges.length - 1} more range${ranges.length > 2 ? 's' : ''}` : first;
}

function wrap(token: bigint): bigint {
  const max = -MIN_TOKEN - 1n;
  return token > max ? token - RING_SIZE : token;
}

/** (start, end] cut into `parts` contiguous sub-ranges of near-equal width. */
export function splitRange(range: TokenRange, parts: number): TokenRange[] {
  const width = rangeWidth(range);
  // Never more parts than tokens in the range.
  const count = width < BigInt(Math.max(1, parts)) ? width : BigInt(Math.max(1, parts));
  const out: TokenRange[] = [];
  let start = BigInt(range.start);
  for (let i = 1n; i <= count; i++) {
    const end = i === count ? BigInt(range.end) : wrap(BigInt(range.start) + (width * i) / count);
    out.push({ start: start.toString(), end: end.toString() });
    start = end;
  }
  return out;
}

/**
 * Segments from the ring's ranges (in ring order) and their replicas, each at most 1/(segmentsPerNode ×
 * nodes) of the ring wide (1 % slack, as vnode tokens rarely split the ring exactly): ranges sharing a
 * replica set are grouped — adjacent or not, repairAsync takes several — and a wider range is cut into
 * near-equal parts. Coordinators rotate over the replicas, so no one node carries every session.
 */
export function planSegments(
  ranges: { start: string; end: string; replicas: string[] }[],
  segmentsPerNode: number,
  nodeCount: number,
): Segment[] {
  const limit = RING_SIZE / BigInt(Math.max(1, segmentsPerNode * nodeCount));
  const fits = (width: bigint) => width * 100n <= limit * 101n;
  const groups: { ranges: TokenRange[]; replicas: string[]; width: bigint }[] = [];
  const open = new Map<string, (typeof groups)[number]>();
  for (const range of ranges) {
    const replicas = [...range.replicas].sort();
    const key = replicas.join(',');
    const width = rangeWidth(range);
    if (!fits(width)) {
      const slack = (limit * 101n) / 100n;
      const parts = Number((width + slack - 1n) / slack);
      for (const part of splitRange(range, parts)) groups.push({ ranges: [part], replicas, width: rangeWidth(part) });
      continue;
    }
    const group = open.get(key);
    if (group && fits(group.width + width)) {
      group.ranges.push({ start: range.start, end: range.end });
      group.width += width;
    } else {
      const fresh = { ranges: [{ start: range.start, end: range.end }], replicas, width };
      groups.push(fresh);
      open.set(key, fresh);
    }
  }
  return groups.map((group, seq) => ({
    seq,
    ranges: group.ranges,
    replicas: group.replicas,
    coordinator: group.replicas[seq % group.replicas.length]!,
  }));
}

/**
 * The whole map repairAsync gets, every key explicit (as nodetool 5.0 sends them) — those the
 * coordinator's release reads: a 4.0 coordinator has no Paxos repair and gets no repairPaxos/paxosOnly,
 * so the preview shows what it will really do.
 */
export function repairOptions(
  settings: RepairSettings,
  segment: Pick<Segment, 'ranges'>,
  coordinator: Pick<ReleaseStrategy, 'has'>,
): Record<string, string> {
  const options: Record<string, string> = {
    parallelism: settings.parallelism,
    primaryRange: 'false',
    incremental: String(settings.incremental),
    jobThreads: '1',
    ranges: segment.ranges.map((r) => `${r.start}:${r.end}`).join(','),
    columnFamilies: settings.tables.join(','),
    dataCenters: '',
    hosts: '',
    trace: 'false',
    pullRepair: 'false',
    forceRepair: 'false',
    previewKind: 'NONE',
    optimiseStreams: 'false',
    ignoreUnreplicatedKeyspaces: 'false',
  };
  if (coordinator.has('paxos-repair')) {
    options.repairPaxos = String(settings.repairPaxos);
    options.paxosOnly = 'false';
  }
  return options;
}

export interface ReplicaFacts {
  /** Replica → why it cannot take part now (down), absent when fine. */
  down: Record<string, string>;
  /** Replica → running repair sessions it takes part in (other than ours). */
  repairing: Record<string, number>;
  pendingCompactions: Record<string, number>;
}

export interface Decision {
  start: number[];
  waiting: { seq: number; reason: string }[];
}

/** Which pending segments start now, in order, and why each other one waits. */
export function decide(
  pending: Segment[],
  running: Segment[],
  facts: ReplicaFacts,
  settings: Pick<RepairSettings, 'maxParallel' | 'maxPendingCompactions'>,
): Decision {
  const busy = new Set(running.flatMap((s) => s.replicas));
  const start: number[] = [];
  const waiting: Decision['waiting'] = [];
  for (const segment of pending) {
    const reason =
      segment.replicas.map((r) => (facts.down[r] ? `replica ${r} is ${facts.down[r]}` : null)).find(Boolean) ??
      segment.replicas
        .map((r) =>
          (facts.repairing[r] ?? 0) > 0 ? `replica ${r} is already repairing (${facts.repairing[r]} session(s))` : null,
        )
        .find(Boolean) ??
      segment.replicas
        .map((r) =>
          (facts.pendingCompactions[r] ?? 0) > settings.maxPendingCompactions
            ? `replica ${r} has ${facts.pendingCompactions[r]} pending compactions (limit ${settings.maxPendingCompactions})`
            : null,
        )
        .find(Boolean) ??
      segment.replicas.map((r) => (busy.has(r) ? `replica ${r} is in a running segment` : null)).find(Boolean) ??
      (running.length + start.length >= settings.maxParallel
        ? `${settings.maxParallel} segment(s) already running`
        : null);
    if (reason) waiting.push({ seq: segment.seq, reason });
    else {
      start.push(segment.seq);
      for (const r of segment.replicas) busy.add(r);
    }
  }
  return { start, waiting };
}

/**
 * A running segment's status is read after a tenth of its age, within these bounds: a small segment's
 * session takes about 0.3 s on the demo cluster, and a fixed 1 s poll made the wait cost more than the repair.
 */
export const POLL_MIN_MS = 50;
export const POLL_MAX_MS = 2000;

export function pollDelay(ageMs: number): number {
  return Math.min(POLL_MAX_MS, Math.max(POLL_MIN_MS, Math.round(ageMs / 10)));
}

/** The pause after a segment that took `tookMs` (intensity), and the time-out of attempt n (1-based). */
export function pauseAfter(tookMs: number, intensity: number): number {
  return Math.round(tookMs * intensity);
}
export function timeoutOf(attempt: number, firstMs: number): number {
  return firstMs * 2 ** (attempt - 1);
}
