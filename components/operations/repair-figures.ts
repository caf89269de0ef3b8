/**
 * A repair run's figures as its card shows them, pure: segments done, failed and waiting, the recent
 * throughput and the time left at it, what holds segments back (grouped by reason), and the failures
 * first — a run that fails at 3 a.m. is read from its top, not from segment 187 of 192.
 */
import type { Job, JobStep } from '@/server/jobs/job-types';

/** Throughput is measured over this many most recent segments (a pause or an early slow one fades out). */
const WINDOW = 20;

export interface RepairFigures {
  total: number;
  done: number;
  failed: number;
  running: number;
  /** Segments per minute over the most recent ones; null until two have finished. */
  perMinute: number | null;
  /** Milliseconds left at that pace; null when unknown or the run is not running. */
  etaMs: number | null;
  /** Why segments wait, each reason with how many segments it holds back, most first. */
  held: { reason: string; segments: number }[];
  /** Failed segments, and pending ones whose last attempt failed (they will retry), with the reason. */
  failures: { seq: number; final: boolean; message: string }[];
}

const WAITING = 'waiting: ';

export function repairFigures(job: Pick<Job, 'state' | 'steps'>): RepairFigures {
  const steps = job.steps;
  const finished = steps
    .filter(
      (s): s is JobStep & { startedAt: number; endedAt: number } =>
        s.state === 'succeeded' && s.startedAt !== null && s.endedAt !== null,
    )
    .sort((a, b) => a.endedAt - b.endedAt)
    .slice(-WINDOW);
  let perMinute: number | null = null;
  if (finished.length >= 2) {
    const from = Math.min(...finished.map((s) => s.startedAt));
    const to = finished.at(-1)!.endedAt;
    perMinute = to > from ? (finished.length * 60_000) / (to - from) : null;
  }
  const done = steps.filter((s) => s.state === 'succeeded').length;
  const failed = steps.filter((s) => s.state === 'failed').length;
  const left = steps.filter((s) => s.state === 'pending' || s.state === 'running').length;
  const held = new Map<string, number>();
  for (const s of steps)
    if (s.state === 'pending' && s.message?.startsWith(WAITING)) {
      const reason = s.message.slice(WAITING.length);
      held.set(reason, (held.get(reason) ?? 0) + 1);
    }
  return {
    total: steps.length,
    done,
    failed,
    running: steps.filter((s) => s.state === 'running').length,
    perMinute,
    etaMs: job.state === 'running' && perMinute ? Math.round((left / perMinute) * 60_000) : null,
    held: [...held].map(([reason, segments]) => ({ reason, segments })).sort((a, b) => b.segments - a.segments),
    failures: steps
      .filter(
        (s) =>
          s.state === 'failed' ||
          (s.state === 'pending' && /^attempt \d+ (failed|could not start)/.test(s.message ?? '')),
      )
      .map((s) => ({ seq: s.seq, final: s.state === 'failed', message: s.message ?? 'failed' })),
  };
}
