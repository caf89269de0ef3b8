import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_CONFIG } from '@/testing/test-caller';
import {
  deleteSavedQuery,
  history,
  HISTORY_LIMIT,
  recordRun,
  redactSecrets,
  savedQueries,
  saveQuery,
} from './query-history';

process.env.RINGSIDE_CONFIG = TEST_CONFIG;
process.env.RINGSIDE_DATA_DIR = mkdtempSync(join(tmpdir(), 'ringside-history-'));

const entry = (i: number) => ({
  keyspace: 'ks',
  statement: `SELECT ${i} FROM t`,
  ranAt: i,
  tookMs: 1,
  outcome: 'ok' as const,
  rows: 1,
  error: null,
});

describe('workbench history and saved queries', () => {
  it('keeps the newest runs per cluster, newest first, and finds them by text', () => {
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) recordRun('a', entry(i));
    recordRun('b', entry(-1));
    const all = history('a', null, 5000);
    expect(all).toHaveLength(HISTORY_LIMIT);
    expect(all[0]?.statement).toBe(`SELECT ${HISTORY_LIMIT + 4} FROM t`);
    expect(all.at(-1)!.statement).toBe('SELECT 5 FROM t');
    expect(history('a', 'select 100 ', 10).map((h) => h.statement)).toEqual(['SELECT 100 FROM t']);
    expect(history('b', null, 10)).toHaveLength(1);
  });

  it('keeps no password in a saved query, and says it left it out', () => {
    const saved = saveQuery('a', 'make role', null, "CREATE ROLE ops WITH PASSWORD = 'hunter2' AND LOGIN = true");
    expect(saved.redacted).toBe(true);
    expect(saved.statement).toBe("CREATE ROLE ops WITH PASSWORD = '*****' AND LOGIN = true");
    expect(JSON.stringify(savedQueries('a'))).not.toContain('hunter2');
    const plain = saveQuery('a', 'plain', null, 'SELECT 1 FROM t');
    expect(plain.redacted).toBe(false);
    deleteSavedQuery('a', saved.id);
    deleteSavedQuery('a', plain.id);
  });

  it('saves under a name, replaces on the same name, deletes by id', () => {
    saveQuery('a', 'daily', 'ks', 'SELECT 1 FROM t');
    const replaced = saveQuery('a', 'daily', null, 'SELECT 2 FROM t');
    expect(savedQueries('a')).toEqual([
      { id: replaced.id, name: 'daily', keyspace: null, statement: 'SELECT 2 FROM t', updatedAt: expect.any(Number) },
    ]);
    expect(savedQueries('b')).toEqual([]);
    expect(deleteSavedQuery('b', replaced.id)).toBe(false);
    expect(deleteSavedQuery('a', replaced.id)).toBe(true);
    expect(savedQueries('a')).toEqual([]);
  });
});

describe('history keeps no passwords', () => {
  it('masks the password of CREATE and ALTER ROLE / USER, with = or without', () => {
    expect(redactSecrets("CREATE ROLE ops WITH PASSWORD = 'it''s secret' AND LOGIN = true")).toBe(
      "CREATE ROLE ops WITH PASSWORD = '*****' AND LOGIN = true",
    );
    expect(redactSecrets("ALTER USER bob WITH password 'x'")).toBe("ALTER USER bob WITH password '*****'");
    expect(redactSecrets("SELECT 'PASSWORD' FROM t")).toBe("SELECT 'PASSWORD' FROM t");
  });
});
