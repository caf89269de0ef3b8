import { describe, expect, it } from 'vitest';
import type { JobStep } from '@/server/jobs/job-types';
import { repairFigures } from './repair-figures';

function step(
  seq: number,
  state: JobStep['state'],
  startedAt: number | null,
  endedAt: number | null,
  message: string | null = null,
): JobStep {
  return { seq, node: '127.0.0.1', dc: 'dc1', rack: null, state, startedAt, endedAt, message, progress: null };
}

describe('repairFigures', () => {
  it('measures the pace over the recent segments and the time left at it', () => {
    // Four segments of 10 s each back to back: 6 a minute; four left → 40 s.
    const steps = [
      step(0, 'succeeded', 0, 10_000),
      step(1, 'succeeded', 10_000, 20_000),
      step(2, 'succeeded', 20_000, 30_000),
      step(3, 'succeeded', 30_000, 40_000),
      step(4, 'running', 40_000, null),
      step(5, 'pending', null, null),
      step(6, 'pending', null, null),
      step(7, 'pending', null, null),
    ];
    const figures = repairFigures({ state: 'running', steps });
    expect(figures).toMatchObject({ total: 8, done: 4, failed: 0, running: 1, perMinute: 6, etaMs: 40_000 });
    // Paused: no time left is promised.
    expect(repairFigures({ state: 'paused', steps }).etaMs).toBeNull();
  });

  it('promises no pace before two segments have finished', () => {
    const figures = repairFigures({
      state: 'running',
      steps: [step(0, 'succeeded', 0, 500), step(1, 'pending', null, null)],
    });
    expect(figures.perMinute).toBeNull();
    expect(figures.etaMs).toBeNull();
  });

  it('puts failures first, final and retrying, and groups what holds segments back', () => {
    const figures = repairFigures({
      state: 'running',
      steps: [
        step(0, 'failed', 0, 1, 'attempt 3 failed: Got negative replies from endpoints [/127.0.0.3:7000]'),
        step(1, 'pending', 1, null, 'attempt 1 failed: timed out after 1800 s (attempt 1)'),
        step(2, 'pending', null, null, 'waiting: replica 127.0.0.3 is Down (not-listening)'),
        step(3, 'pending', null, null, 'waiting: replica 127.0.0.3 is Down (not-listening)'),
        step(4, 'pending', null, null, 'waiting: replica 127.0.0.2 has 31 pending compactions (limit 20)'),
        step(5, 'succeeded', 0, 2),
      ],
    });
    expect(figures.failures).toEqual([
      { seq: 0, final: true, message: 'attempt 3 failed: Got negative replies from endpoints [/127.0.0.3:7000]' },
      { seq: 1, final: false, message: 'attempt 1 failed: timed out after 1800 s (attempt 1)' },
    ]);
    expect(figures.held).toEqual([
      { reason: 'replica 127.0.0.3 is Down (not-listening)', segments: 2 },
      { reason: 'replica 127.0.0.2 has 31 pending compactions (limit 20)', segments: 1 },
    ]);
    expect(figures.failed).toBe(1);
  });
});
