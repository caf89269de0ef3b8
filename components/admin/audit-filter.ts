/**
 * The audit page's filter: the form's text fields to `audit.list`'s input, the same filter as the CSV
 * route's query string, and the pages read so far as one newest-first list. Pure.
 */
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AuditOutcome } from '@/server/audit/audit-log';
import type { AppRouter } from '@/server/routers/_app';

export type AuditEntry = inferRouterOutputs<AppRouter>['audit']['list'][number];
/** What the form chooses: `audit.list`'s input less paging (beforeId, limit), which the page adds. */
export type AuditFilter = Omit<inferRouterInputs<AppRouter>['audit']['list'], 'beforeId' | 'limit'>;

/** Entries per "load older". */
export const AUDIT_PAGE_SIZE = 100;

/** The outcomes and what each means; a Record, so a new outcome on the server fails the typecheck here. */
export const OUTCOME_MEANINGS: Record<AuditOutcome, string> = {
  ok: 'ok: it ran',
  failed: 'failed: it ran into an error',
  refused: 'refused: role, session or another site',
  throttled: 'throttled: too many sign-ins',
};
const OUTCOMES = Object.keys(OUTCOME_MEANINGS) as AuditOutcome[];

export interface AuditFilterForm {
  user: string;
  action: string;
  cluster: string;
  outcome: string;
  /** `<input type="datetime-local">` values: local time, minutes. */
  from: string;
  to: string;
}

export const EMPTY_FILTER_FORM: AuditFilterForm = { user: '', action: '', cluster: '', outcome: '', from: '', to: '' };

const MINUTE_MS = 60_000;

/** A datetime-local value as epoch milliseconds, or undefined when empty or not a time. */
export function localInputToMs(value: string): number | undefined {
  if (!value.trim()) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch milliseconds as `YYYY-MM-DD HH:MM:SS` in the browser's time zone, as the time-range inputs read. */
export function formatLocalTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Why the form cannot be applied, or null. */
export function filterFormProblem(form: AuditFilterForm): string | null {
  if (form.from && localInputToMs(form.from) === undefined) return `"${form.from}" is not a time`;
  if (form.to && localInputToMs(form.to) === undefined) return `"${form.to}" is not a time`;
  const from = localInputToMs(form.from);
  const to = localInputToMs(form.to);
  if (from !== undefined && to !== undefined && from > to) return 'the range ends before it starts';
  if (form.outcome && !OUTCOMES.includes(form.outcome as AuditOutcome))
    return `"${form.outcome}" is not an outcome (${OUTCOMES.join(', ')})`;
  return null;
}

/** The form as a filter: empty fields are no filter; "to" covers the whole minute it names (the input has no seconds). */
export function filterOf(form: AuditFilterForm): AuditFilter {
  const filter: AuditFilter = {};
  const user = form.user.trim();
  const action = form.action.trim();
  const cluster = form.cluster.trim();
  if (user) filter.user = user;
  if (action) filter.action = action;
  if (cluster) filter.cluster = cluster;
  const outcome = OUTCOMES.find((o) => o === form.outcome);
  if (outcome) filter.outcome = outcome;
  const from = localInputToMs(form.from);
  const to = localInputToMs(form.to);
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to + MINUTE_MS - 1;
  return filter;
}

/** The CSV route for the same filter (app/api/audit/route.ts reads the same names): the newest 10,000 matching. */
export function auditCsvHref(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const query = params.toString();
  return query ? `/api/audit?${query}` : '/api/audit';
}

/**
 * The pages read so far as one list, newest first, and where the next older page starts: the last id
 * of a full last page (a short page is the end of the log). An entry in two pages is shown once.
 */
export function combinePages(
  pages: readonly (readonly AuditEntry[] | undefined)[],
  pageSize: number,
): { entries: AuditEntry[]; olderBeforeId: number | null } {
  const seen = new Set<number>();
  const entries: AuditEntry[] = [];
  for (const page of pages)
    for (const entry of page ?? [])
      if (!seen.has(entry.id)) {
        seen.add(entry.id);
        entries.push(entry);
      }
  const last = pages[pages.length - 1];
  const lastEntry = last?.[last.length - 1];
  return { entries, olderBeforeId: last && last.length >= pageSize && lastEntry ? lastEntry.id : null };
}
