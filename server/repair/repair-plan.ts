/**
 * A repair run's plan, pure: the token sub-range segments (each with its replicas and the replica
 * that coordinates it), the complete options map Cassandra's repairAsync gets for a segment, and
 * which segments may start now — never two on a shared replica, none on a replica that is down,
 * already repairing, or behind on compactions; each waiting segment says which replica and why.
 */
import { z } from 'zod';
import { MIN_TOKEN, RING_SIZE, rangeWidth, type TokenRange } from '../ring/ring-math';

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
  /** Each vnode range split into this many sub-ranges. */
  segmentsPerRange: z.number().int().min(1).max(64).default(1),
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
  start: string;
  end: string;
  replicas: string[];
  coordinator: string;
}

function wrap(token: bigint): bigint {
  const max = -MIN_TOKEN - 1n;
  return token > max ? token - RING_SIZE : token;
}

/** (start, end] cut into `parts` contiguous sub-ranges of near-equal width. */
export function splitRange(range: TokenRange, parts: number): TokenRange[] {
  const width = rangeWidth(range);
  const count = BigInt(Math.max(1, Math.min(parts, Number(width < 64n ? width : 64n))));
  const out: TokenRange[] = [];
  let start = BigInt(range.start);
  for (let i = 1n; i <= count; i++) {
    const end = i === count ? BigInt(range.end) : wrap(BigInt(range.start) + (width * i) / count);
    out.push({ start: start.toString(), end: end.toString() });
    start = end;
  }
  return out;
}

/** Segments from the ring's ranges and their replicas, each coordinated by one of its replicas. */
export function planSegments(
  ranges: { start: string; end: string; replicas: string[] }[],
  segmentsPerRange: number,
): Segment[] {
  const segments: Segment[] = [];
  for (const range of ranges) {
    const replicas = [...range.replicas].sort();
    for (const part of splitRange(range, segmentsPerRange))
      // Coordinators rotate over the replicas, so no one node carries every session.
      segments.push({
        seq: segments.length,
        ...part,
        replicas,
        coordinator: replicas[segments.length % replicas.length]!,
      });
  }
  return segments;
}

/** The whole map repairAsync gets, every key explicit (as nodetool 5.0 sends them). */
export function repairOptions(
  settings: RepairSettings,
  segment: Pick<Segment, 'start' | 'end'>,
): Record<string, string> {
  return {
    parallelism: settings.parallelism,
    primaryRange: 'false',
    incremental: String(settings.incremental),
    jobThreads: '1',
    ranges: `${segment.start}:${segment.end}`,
    columnFamilies: settings.tables.join(','),
    dataCenters: '',
    hosts: '',
    trace: 'false',
    pullRepair: 'false',
    forceRepair: 'false',
    previewKind: 'NONE',
    optimiseStreams: 'false',
    ignoreUnreplicatedKeyspaces: 'false',
    repairPaxos: String(settings.repairPaxos),
    paxosOnly: 'false',
  };
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

/** The pause after a segment that took `tookMs` (intensity), and the time-out of attempt n (1-based). */
export function pauseAfter(tookMs: number, intensity: number): number {
  return Math.round(tookMs * intensity);
}
export function timeoutOf(attempt: number, firstMs: number): number {
  return firstMs * 2 ** (attempt - 1);
}
