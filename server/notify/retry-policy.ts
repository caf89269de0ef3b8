import 'server-only';
/**
 * What an attempt's result means for its delivery (Standard Webhooks' delivery rules):
 *   2xx                          delivered
 *   408, 429, 5xx, time-out, network error   retried: exponential backoff with full jitter, or when
 *                                the receiver's Retry-After says (seconds or an HTTP date)
 *   3xx                          failed: a redirect is never followed (it could point anywhere)
 *   410 Gone                     failed, and the destination is disabled (Slack: channel_is_archived)
 *   other 4xx                    failed: the same request would be refused again
 *   refused by the egress guard  failed: the URL resolves somewhere it may not go
 *   unsendable                   failed: the stored notification cannot be rendered (never retried every lease)
 */
import type { SendResult } from './http-send';

export type Verdict =
  | { kind: 'delivered' }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null }
  | { kind: 'failed'; reason: string; disable: boolean };

/** Retry-After as a delay from `now`: integer seconds or an HTTP-date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function verdictOf(result: SendResult, now: number): Verdict {
  if (result.kind === 'error') {
    if (result.reason === 'refused' || result.reason === 'unsendable')
      return { kind: 'failed', reason: result.message, disable: false };
    return { kind: 'retry', reason: result.message, retryAfterMs: null };
  }
  const { status } = result;
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status >= 300 && status < 400)
    return {
      kind: 'failed',
      reason: `HTTP ${status}: redirect${result.location ? ` to ${result.location}` : ''} not followed (a receiver must answer 2xx itself)`,
      disable: false,
    };
  if (status === 410)
    return { kind: 'failed', reason: 'HTTP 410 Gone: the receiver says this endpoint no longer exists', disable: true };
  if (status === 408 || status === 429 || status >= 500)
    return { kind: 'retry', reason: `HTTP ${status}`, retryAfterMs: parseRetryAfter(result.retryAfter, now) };
  return { kind: 'failed', reason: `HTTP ${status}: refused by the receiver, not retried`, disable: false };
}

/** Full jitter: anywhere from 0 to base × 2^retry, capped. `retry` counts from 0. */
export function backoffMs(retry: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(retry, 40));
  return Math.floor(random() * ceiling);
}
