import { describe, expect, it } from 'vitest';
import type { SendResult } from './http-send';
import { backoffMs, parseRetryAfter, verdictOf } from './retry-policy';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const answer = (status: number, retryAfter: string | null = null): SendResult => ({
  kind: 'response',
  status,
  retryAfter,
  location: status >= 300 && status < 400 ? 'https://elsewhere.example/' : null,
  excerpt: '',
  latencyMs: 5,
});

describe('retry policy', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });

  it('delivers on 2xx, retries 5xx, 408, 429 and network errors, fails other 4xx and 3xx, disables on 410', () => {
    expect(verdictOf(answer(200), NOW)).toEqual({ kind: 'delivered' });
    expect(verdictOf(answer(202), NOW)).toEqual({ kind: 'delivered' });
    expect(verdictOf(answer(500), NOW)).toMatchObject({ kind: 'retry', retryAfterMs: null });
    expect(verdictOf(answer(503, '7'), NOW)).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
    expect(verdictOf(answer(429, '2'), NOW)).toMatchObject({ kind: 'retry', retryAfterMs: 2000 });
    expect(verdictOf(answer(408), NOW)).toMatchObject({ kind: 'retry' });
    expect(verdictOf(answer(400), NOW)).toMatchObject({ kind: 'failed', disable: false });
    expect(verdictOf(answer(404), NOW)).toMatchObject({ kind: 'failed', disable: false });
    expect(verdictOf(answer(410), NOW)).toMatchObject({ kind: 'failed', disable: true });
    expect(verdictOf(answer(301), NOW)).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/not followed/),
    });
    const timeout: SendResult = { kind: 'error', reason: 'timeout', message: 'no answer', latencyMs: 15_000 };
    expect(verdictOf(timeout, NOW)).toMatchObject({ kind: 'retry' });
    expect(verdictOf({ ...timeout, reason: 'network' }, NOW)).toMatchObject({ kind: 'retry' });
    expect(verdictOf({ ...timeout, reason: 'refused' }, NOW)).toMatchObject({ kind: 'failed' });
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect(backoffMs(0, 5000, 1_800_000, () => 0.999)).toBe(4995);
    expect(backoffMs(3, 5000, 1_800_000, () => 0.5)).toBe(20_000);
    expect(backoffMs(20, 5000, 1_800_000, () => 0.999)).toBe(1_798_200);
    expect(backoffMs(5, 5000, 1_800_000, () => 0)).toBe(0);
    for (let retry = 0; retry < 12; retry++) {
      const delay = backoffMs(retry, 5000, 1_800_000);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(1_800_000, 5000 * 2 ** retry));
    }
  });
});
