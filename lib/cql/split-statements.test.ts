import { describe, expect, it } from 'vitest';
import {
  codeOnly,
  firstKeyword,
  isDestructive,
  splitStatements,
  UnreadableUseError,
  keyspaceOfUse,
} from './split-statements';

const texts = (script: string) => splitStatements(script).map((s) => s.text);

describe('splitStatements', () => {
  it('splits at semicolons and drops empty statements', () => {
    expect(texts('SELECT * FROM a; SELECT * FROM b;;  \n')).toEqual(['SELECT * FROM a', 'SELECT * FROM b']);
    expect(texts('SELECT now() FROM system.local')).toEqual(['SELECT now() FROM system.local']);
  });

  it('keeps semicolons inside strings, quoted identifiers and $$ literals', () => {
    expect(
      texts(
        `INSERT INTO t (k, v) VALUES (1, 'a;b''c;'); SELECT "we;ird""col" FROM t; CREATE FUNCTION f() RETURNS NULL ON NULL INPUT RETURNS text LANGUAGE java AS $$ return "x;y"; $$;`,
      ),
    ).toEqual([
      "INSERT INTO t (k, v) VALUES (1, 'a;b''c;')",
      'SELECT "we;ird""col" FROM t',
      'CREATE FUNCTION f() RETURNS NULL ON NULL INPUT RETURNS text LANGUAGE java AS $$ return "x;y"; $$',
    ]);
  });

  it('ignores semicolons in comments and leaves comment-only pieces out', () => {
    expect(
      texts(
        '-- first; still a comment\nSELECT 1 FROM a; // another; one\n/* block; */ SELECT 2 FROM b; /* only a comment; */',
      ),
    ).toEqual(['-- first; still a comment\nSELECT 1 FROM a', '// another; one\n/* block; */ SELECT 2 FROM b']);
  });

  it('keeps a batch whole, with the statements inside it', () => {
    const script = `BEGIN BATCH\n  INSERT INTO t (k) VALUES (1);\n  UPDATE t SET v = 'x;' WHERE k = 2;\nAPPLY BATCH;\nSELECT * FROM t;`;
    expect(texts(script)).toEqual([
      `BEGIN BATCH\n  INSERT INTO t (k) VALUES (1);\n  UPDATE t SET v = 'x;' WHERE k = 2;\nAPPLY BATCH`,
      'SELECT * FROM t',
    ]);
    expect(texts('BEGIN UNLOGGED BATCH INSERT INTO t (k) VALUES (1); APPLY BATCH; SELECT 1 FROM t')).toHaveLength(2);
  });

  it('knows where each statement starts, for error positions', () => {
    const [, second] = splitStatements('SELECT 1 FROM a;\n\n  SELECT 2 FROM b;');
    expect(second).toMatchObject({ line: 3, column: 3, offset: 20 });
  });
});

describe('isDestructive', () => {
  it('asks before DROP, TRUNCATE and ALTER, even after a comment', () => {
    expect(isDestructive('DROP TABLE t')).toBe(true);
    expect(isDestructive('/* cleanup */ truncate t')).toBe(true);
    expect(isDestructive('-- note\nALTER TABLE t ADD c int')).toBe(true);
    expect(isDestructive("SELECT * FROM t WHERE k = 'DROP'")).toBe(false);
    expect(isDestructive('INSERT INTO drops (k) VALUES (1)')).toBe(false);
  });
});

describe('codeOnly', () => {
  it('blanks literals, identifiers and comments but keeps offsets and newlines', () => {
    const script = 'SELECT \'a;b\' -- c;\n, "x" /* y */ FROM t';
    const code = codeOnly(script);
    expect(code).toHaveLength(script.length);
    expect(code).toBe(`SELECT${' '.repeat(12)}\n,${' '.repeat(13)}FROM t`);
  });
});

describe('statements the workbench treats specially', () => {
  it('sees the first keyword past comments, including a line comment ended by a lone \\r', () => {
    expect(isDestructive('-- tidy up\nDROP TABLE t')).toBe(true);
    expect(isDestructive('-- x\rDROP TABLE t')).toBe(true);
    expect(isDestructive('/* DROP */ select 1 from t')).toBe(false);
    expect(isDestructive('truncate t')).toBe(true);
    expect(firstKeyword('--\rDELETE FROM t WHERE k = 1 /*\nSELECT */')).toBe('DELETE');
  });

  it('reads the keyspace of USE, after comments too, and refuses one it cannot read', () => {
    expect(keyspaceOfUse('USE Shop')).toBe('shop');
    expect(keyspaceOfUse('-- setup\nUSE "Mixed""Case";')).toBe('Mixed"Case');
    expect(keyspaceOfUse('SELECT * FROM use')).toBeNull();
    expect(() => keyspaceOfUse('USE ks; DROP TABLE t')).toThrow(UnreadableUseError);
    expect(() => keyspaceOfUse('USE')).toThrow(UnreadableUseError);
  });
});
