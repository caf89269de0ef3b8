import 'server-only';
/**
 * The workbench's memory: every statement run (kept to the newest HISTORY_LIMIT per cluster), and
 * queries saved under a name. Both live in the console's own store, so they survive restarts.
 */
import { z } from 'zod';
import { getStore } from './index';
import { readRows } from './rows';

export const HISTORY_LIMIT = 1000;

export const HISTORY_OUTCOMES = ['ok', 'error', 'cancelled'] as const;
export type HistoryOutcome = (typeof HISTORY_OUTCOMES)[number];

const historyEntrySchema = z.object({
  id: z.number().int(),
  keyspace: z.string().nullable(),
  statement: z.string(),
  ranAt: z.number().int(),
  tookMs: z.number().int(),
  outcome: z.enum(HISTORY_OUTCOMES),
  rows: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

const savedQuerySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  keyspace: z.string().nullable(),
  statement: z.string(),
  updatedAt: z.number().int(),
});
export type SavedQuery = z.infer<typeof savedQuerySchema>;

/** Passwords in CREATE/ALTER ROLE and USER statements are kept nowhere: history and saved queries are shown to every user. */
export function redactSecrets(statement: string): string {
  return statement.replace(/(\bPASSWORD\s*(?:=\s*)?)'(?:[^']|'')*'/gi, "$1'*****'");
}

export function recordRun(cluster: string, entry: Omit<HistoryEntry, 'id'>): void {
  const db = getStore();
  db.transaction(() => {
    db.prepare(
      'INSERT INTO query_history (cluster, keyspace, statement, ran_at, took_ms, outcome, rows, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      cluster,
      entry.keyspace,
      redactSecrets(entry.statement),
      entry.ranAt,
      entry.tookMs,
      entry.outcome,
      entry.rows,
      entry.error,
    );
    db.prepare(
      'DELETE FROM query_history WHERE cluster = ? AND id <= (SELECT id FROM query_history WHERE cluster = ? ORDER BY id DESC LIMIT 1 OFFSET ?)',
    ).run(cluster, cluster, HISTORY_LIMIT);
  })();
}

export function history(cluster: string, search: string | null, limit: number): HistoryEntry[] {
  const rows = getStore()
    .prepare(
      `SELECT id, keyspace, statement, ran_at AS ranAt, took_ms AS tookMs, outcome, rows, error FROM query_history
       WHERE cluster = ? AND (? IS NULL OR instr(lower(statement), lower(?)) > 0) ORDER BY id DESC LIMIT ?`,
    )
    .all(cluster, search, search, limit);
  return readRows('query history', historyEntrySchema, rows);
}

export function savedQueries(cluster: string): SavedQuery[] {
  const rows = getStore()
    .prepare(
      'SELECT id, name, keyspace, statement, updated_at AS updatedAt FROM saved_queries WHERE cluster = ? ORDER BY name',
    )
    .all(cluster);
  return readRows('saved query', savedQuerySchema, rows);
}

/**
 * Saving under an existing name replaces that query: names are how users find them again. A password
 * in the statement is replaced by asterisks (`redacted` says so), so the page can tell the user.
 */
export function saveQuery(
  cluster: string,
  name: string,
  keyspace: string | null,
  typed: string,
): SavedQuery & { redacted: boolean } {
  const now = Date.now();
  const statement = redactSecrets(typed);
  getStore()
    .prepare(
      `INSERT INTO saved_queries (cluster, name, keyspace, statement, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (cluster, name) DO UPDATE SET keyspace = excluded.keyspace, statement = excluded.statement, updated_at = excluded.updated_at`,
    )
    .run(cluster, name, keyspace, statement, now, now);
  const saved = savedQueries(cluster).find((q) => q.name === name);
  if (!saved) throw new Error(`the saved query "${name}" was not found right after saving it`);
  return { ...saved, redacted: statement !== typed };
}

export function deleteSavedQuery(cluster: string, id: number): boolean {
  return getStore().prepare('DELETE FROM saved_queries WHERE cluster = ? AND id = ?').run(cluster, id).changes > 0;
}
