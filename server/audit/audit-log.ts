import 'server-only';
/**
 * The audit log repository: who (user, role, address), what (action, cluster, target, parameters with
 * secrets removed), when, and how it ended, for sign-ins, refusals and every change. Append only:
 * nothing here updates or deletes an entry. Never a password, session id, cookie or token: parameters
 * pass through `redactParams`, statements through the workbench's password masking.
 */
import { z } from 'zod';
import { csvLine } from '@/lib/csv-line';
import { getStore } from '../store';
import type { Store } from '../store/database';
import { redactSecrets } from '../store/query-history';
import { readRow, readRows } from '../store/rows';

export const AUDIT_OUTCOMES = ['ok', 'failed', 'refused', 'throttled'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditRecord {
  userId: string | null;
  userEmail: string | null;
  role: string | null;
  ip: string | null;
  userAgent: string | null;
  action: string;
  cluster: string | null;
  target: string | null;
  params: unknown;
  outcome: AuditOutcome;
  detail: string | null;
  requestId: string | null;
}

const entrySchema = z.object({
  id: z.number().int(),
  at: z.number().int(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  role: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  action: z.string(),
  cluster: z.string().nullable(),
  target: z.string().nullable(),
  params: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  detail: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof entrySchema>;

export const REDACTED = '[redacted]';
const SECRET_KEY = /pass(word)?|secret|token|cookie|authorization|credential|api[-_]?key/i;
const MAX_TEXT = 4000;

/** The parameters as they may be kept: secret-named keys blanked, statements masked, long text cut. */
export function redactParams(value: unknown, key = ''): unknown {
  if (SECRET_KEY.test(key) && value !== null && value !== undefined) return REDACTED;
  if (typeof value === 'string') {
    const text = key === 'statement' || key === 'confirmedStatement' ? redactSecrets(value) : value;
    return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length} characters)` : text;
  }
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => redactParams(v));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactParams(v, k)]));
  return value;
}

const cut = (text: string | null, max = 1000) => (text === null || text.length <= max ? text : text.slice(0, max));

export function recordAudit(record: AuditRecord, store: Store = getStore(), at = Date.now()): void {
  const params =
    record.params === undefined || record.params === null ? null : JSON.stringify(redactParams(record.params));
  store
    .prepare(
      `INSERT INTO audit_log (at, user_id, user_email, role, ip, user_agent, action, cluster, target, params, outcome, detail, request_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      at,
      record.userId,
      cut(record.userEmail, 320),
      record.role,
      cut(record.ip, 100),
      cut(record.userAgent, 300),
      record.action,
      record.cluster,
      cut(record.target, 500),
      params,
      record.outcome,
      cut(record.detail),
      record.requestId,
    );
}

export const auditFilterSchema = z.object({
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  user: z.string().max(320).optional(),
  action: z.string().max(200).optional(),
  cluster: z.string().max(64).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  /** Entries older than this id: the next page. */
  beforeId: z.number().int().optional(),
  limit: z.number().int().min(1).max(10_000).default(200),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

/**
 * Whose entries a reader sees: a console administrator every one; anyone else their own, and every
 * entry of the clusters they administer.
 */
export type AuditReader = 'everything' | { userId: string; adminOf: string[] };

function whereOf(
  filter: z.output<typeof auditFilterSchema>,
  reader: AuditReader,
): { sql: string; args: (string | number)[] } {
  const clauses: string[] = [];
  const args: (string | number)[] = [];
  const add = (clause: string, arg: string | number) => {
    clauses.push(clause);
    args.push(arg);
  };
  if (filter.from !== undefined) add('at >= ?', filter.from);
  if (filter.to !== undefined) add('at <= ?', filter.to);
  if (filter.user) add("user_email LIKE ? ESCAPE '\\'", `%${filter.user.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.action) add("action LIKE ? ESCAPE '\\'", `${filter.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.cluster) add('cluster = ?', filter.cluster);
  if (filter.outcome) add('outcome = ?', filter.outcome);
  if (filter.beforeId !== undefined) add('id < ?', filter.beforeId);
  if (reader !== 'everything') {
    clauses.push(`(user_id = ? OR cluster IN (${reader.adminOf.map(() => '?').join(', ')}))`);
    args.push(reader.userId, ...reader.adminOf);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', args };
}

const SELECT = `SELECT id, at, user_id AS userId, user_email AS userEmail, role, ip, user_agent AS userAgent, action, cluster,
  target, params, outcome, detail, request_id AS requestId FROM audit_log`;

/** Newest first. */
export function listAudit(
  input: AuditFilter,
  reader: AuditReader = 'everything',
  store: Store = getStore(),
): AuditEntry[] {
  const filter = auditFilterSchema.parse(input);
  const { sql, args } = whereOf(filter, reader);
  return readRows(
    'audit_log',
    entrySchema,
    store.prepare(`${SELECT} ${sql} ORDER BY id DESC LIMIT ?`).all(...args, filter.limit),
  );
}

/** Failed sign-ins for one account since a time: the per-account throttle reads it. */
export function failedSignInsSince(email: string, since: number, store: Store = getStore()): number {
  const row = readRow(
    'audit_log',
    z.object({ n: z.number().int() }),
    store
      .prepare(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.sign-in' AND outcome IN ('failed', 'throttled') AND user_email = ? AND at >= ?",
      )
      .get(email, since),
  );
  return row?.n ?? 0;
}

const CSV_COLUMNS = [
  'id',
  'time',
  'user',
  'role',
  'ip',
  'user agent',
  'action',
  'cluster',
  'target',
  'parameters',
  'outcome',
  'detail',
  'request id',
];

/** A spreadsheet runs a cell starting with = + - @ as a formula: such text (an email typed at the login, say) is prefixed with '. */
function inert(text: string | null): string | null {
  return text !== null && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The filtered log as CSV, oldest first within what the filter selects, a header line first. */
export function* auditCsv(input: AuditFilter, reader: AuditReader, store: Store = getStore()): Generator<string> {
  yield `${csvLine(CSV_COLUMNS)}\r\n`;
  const rows = listAudit(input, reader, store).reverse();
  for (const e of rows)
    yield `${csvLine(
      [
        String(e.id),
        new Date(e.at).toISOString(),
        e.userEmail,
        e.role,
        e.ip,
        e.userAgent,
        e.action,
        e.cluster,
        e.target,
        e.params,
        e.outcome,
        e.detail,
        e.requestId,
      ].map(inert),
    )}\r\n`;
}
