import 'server-only';
/**
 * The workbench's memory: every statement run (kept to the newest HISTORY_LIMIT per cluster), and
 * queries saved under a name. Both live in the console's own store, so they survive restarts.
 */
import { getStore } from './index';

export const HISTORY_LIMIT = 1000;

export type HistoryOutcome = 'ok' | 'error' | 'cancelled';

export interface HistoryEntry {
  id: number;
  keyspace: string | null;
  statement: string;
  ranAt: number;
  tookMs: number;
  outcome: HistoryOutcome;
  rows: number | null;
  error: string | null;
}

export interface SavedQuery {
  id: number;
  name: string;
  keyspace: string | null;
  statement: string;
  updatedAt: number;
}

/** Passwords in CREATE/ALTER ROLE and USER statements are not kept: the history is shown to every user. */
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
  return getStore()
    .prepare(
      `SELECT id, keyspace, statement, ran_at AS ranAt, took_ms AS tookMs, outcome, rows, error FROM query_history
       WHERE cluster = ? AND (? IS NULL OR instr(lower(statement), lower(?)) > 0) ORDER BY id DESC LIMIT ?`,
    )
    .all(cluster, search, search, limit) as HistoryEntry[];
}

export function savedQueries(cluster: string): SavedQuery[] {
  return getStore()
    .prepare(
      'SELECT id, name, keyspace, statement, updated_at AS updatedAt FROM saved_queries WHERE cluster = ? ORDER BY name',
    )
    .all(cluster) as SavedQuery[];
}

/** Saving under an existing name replaces that query: names are how users find them again. */
export function saveQuery(cluster: string, name: string, keyspace: string | null, statement: string): SavedQuery {
  const now = Date.now();
  getStore()
    .prepare(
      `INSERT INTO saved_queries (cluster, name, keyspace, statement, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (cluster, name) DO UPDATE SET keyspace = excluded.keyspace, statement = excluded.statement, updated_at = excluded.updated_at`,
    )
    .run(cluster, name, keyspace, statement, now, now);
  return savedQueries(cluster).find((q) => q.name === name)!;
}

export function deleteSavedQuery(cluster: string, id: number): boolean {
  return getStore().prepare('DELETE FROM saved_queries WHERE cluster = ? AND id = ?').run(cluster, id).changes > 0;
}
