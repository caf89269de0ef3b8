/**
 * The audit page's applied filter in its URL (`?action=users.&outcome=refused&from=2024-05-01T10:00Z`),
 * so a link reproduces the listing; and the form that filter fills when the page opens. Times are UTC
 * to the minute, as the form's inputs choose them: a link names the same minutes in every time zone.
 * `to` is the last minute included, as in the form. Pure.
 */
import { z } from 'zod';
import { oneOf, text, urlParams, type Param, type UrlCodec } from '@/components/url/url-params';
import type { AuditOutcome } from '@/server/audit/audit-log';
import { OUTCOME_MEANINGS, type AuditFilter, type AuditFilterForm } from './audit-filter';

const MINUTE_MS = 60_000;
const OUTCOMES = Object.keys(OUTCOME_MEANINGS) as [AuditOutcome, ...AuditOutcome[]];

/** A minute in UTC, `2024-05-01T10:00Z`; null when the filter has none. */
const minute: Param<number | null> = {
  schema: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/)
    .transform((s) => Date.parse(s))
    // A well-formed but impossible date (month 13) parses as NaN, which z.number() refuses.
    .pipe(z.number().int()),
  fallback: null,
  format: (ms) => (ms === null ? '' : `${new Date(ms).toISOString().slice(0, 16)}Z`),
};

// The same names as the CSV route's query (app/api/audit/route.ts), and the server's length limits.
const PARAMS = urlParams({
  user: text(320),
  action: text(200),
  cluster: text(64),
  outcome: oneOf(['', ...OUTCOMES], ''),
  from: minute,
  to: minute,
});

/** The applied filter in the URL, for useUrlState: what the URL does not hold, or holds wrong, is no filter. */
export const AUDIT_FILTER_PARAMS: UrlCodec<AuditFilter> = {
  read(params) {
    const read = PARAMS.read(params);
    const filter: AuditFilter = {};
    if (read.user) filter.user = read.user;
    if (read.action) filter.action = read.action;
    if (read.cluster) filter.cluster = read.cluster;
    if (read.outcome) filter.outcome = read.outcome;
    if (read.from !== null) filter.from = read.from;
    // Through the end of the minute named, as filterOf reads the form's "to".
    if (read.to !== null) filter.to = read.to + MINUTE_MS - 1;
    return filter;
  },
  write(filter, params) {
    PARAMS.write(
      {
        user: filter.user ?? '',
        action: filter.action ?? '',
        cluster: filter.cluster ?? '',
        outcome: filter.outcome ?? '',
        from: filter.from ?? null,
        to: filter.to === undefined ? null : filter.to - (MINUTE_MS - 1),
      },
      params,
    );
  },
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch milliseconds as a `<input type="datetime-local">` value: local time, minutes. */
export function localInputOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The form showing an applied filter (the inverse of filterOf), so a linked listing shows what filters it. */
export function formOf(filter: AuditFilter): AuditFilterForm {
  return {
    user: filter.user ?? '',
    action: filter.action ?? '',
    cluster: filter.cluster ?? '',
    outcome: filter.outcome ?? '',
    from: filter.from === undefined ? '' : localInputOf(filter.from),
    to: filter.to === undefined ? '' : localInputOf(filter.to - (MINUTE_MS - 1)),
  };
}
