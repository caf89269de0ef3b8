import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { cqlCompletion, cqlCompletions, cqlDialect, statementAtCursor, type EditorSchema } from './cql-language';

const schema: EditorSchema = {
  keyspaces: [
    {
      name: 'demo_ks',
      tables: [
        { name: 'users', columns: ['user_id', 'name', 'email'] },
        { name: 'events', columns: ['day', 'at', 'kind'] },
      ],
    },
    {
      name: 'shop',
      tables: [
        { name: 'orders', columns: ['order_id', 'total'] },
        { name: 'Carts', columns: ['cart_id'] },
      ],
    },
  ],
};

/** `|` in `doc` marks the cursor. */
function complete(
  doc: string,
  { explicit = false, keyspace = 'demo_ks' as string | null } = {},
): CompletionResult | null {
  const pos = doc.indexOf('|');
  const text = doc.slice(0, pos) + doc.slice(pos + 1);
  const state = EditorState.create({ doc: text, selection: { anchor: pos }, extensions: [cqlDialect.extension] });
  const result = cqlCompletions(schema, keyspace)(new CompletionContext(state, pos, explicit));
  if (result instanceof Promise) throw new Error('the source is synchronous');
  return result;
}
const labels = (r: CompletionResult | null) => r?.options.map((o) => o.label) ?? [];

describe('statementAtCursor', () => {
  const script = 'SELECT * FROM a;\nSELECT *\n  FROM b;  -- done\n\n  INSERT INTO c (k) VALUES (1);';
  const at = (needle: string, delta = 0) => statementAtCursor(script, script.indexOf(needle) + delta);

  it('finds the statement containing the cursor, with its offset', () => {
    expect(at('FROM a')).toEqual({ text: 'SELECT * FROM a', offset: 0 });
    expect(at('FROM b')).toEqual({ text: 'SELECT *\n  FROM b', offset: 17 });
    expect(at('SELECT *\n')).toEqual({ text: 'SELECT *\n  FROM b', offset: 17 });
  });

  it('counts the end of a statement as inside it', () => {
    expect(at(';')?.text).toBe('SELECT * FROM a');
  });

  it('takes the statement ending before the cursor on the same line', () => {
    expect(at(';', 1)?.text).toBe('SELECT * FROM a');
    expect(at('-- done', 7)?.text).toBe('SELECT *\n  FROM b');
  });

  it('starts a statement after the comments before it', () => {
    const s = '-- first\n/* then */ SELECT 1';
    expect(statementAtCursor(s, s.length)).toEqual({ text: 'SELECT 1', offset: s.indexOf('SELECT') });
  });

  it('takes the statement starting later on the line when the cursor is in its indentation', () => {
    expect(at('  INSERT')?.text).toBe('INSERT INTO c (k) VALUES (1)');
  });

  it('finds nothing on a blank line between statements', () => {
    expect(at('\n\n', 1)).toBeNull();
    expect(statementAtCursor('', 0)).toBeNull();
  });

  it('keeps a batch whole and ignores semicolons in strings', () => {
    const batch = "BEGIN BATCH\n INSERT INTO t (k) VALUES ('a;b');\n APPLY BATCH;\nSELECT 1;";
    expect(statementAtCursor(batch, batch.indexOf('INSERT'))?.text).toBe(
      "BEGIN BATCH\n INSERT INTO t (k) VALUES ('a;b');\n APPLY BATCH",
    );
    expect(statementAtCursor(batch, batch.indexOf("b'"))?.offset).toBe(0);
  });
});

describe('CQL completion', () => {
  it('offers the current keyspace’s tables and the keyspaces after FROM, without being asked', () => {
    const r = complete('SELECT * FROM |');
    expect(labels(r)).toEqual(['users', 'events', 'demo_ks', 'shop']);
    expect(r?.from).toBe('SELECT * FROM '.length);
  });

  it('offers only keyspaces after FROM when there is no current keyspace', () => {
    expect(labels(complete('SELECT * FROM |', { keyspace: null }))).toEqual(['demo_ks', 'shop']);
  });

  it('offers a keyspace’s tables after its name and a dot', () => {
    expect(labels(complete('SELECT * FROM demo_ks.|'))).toEqual(['users', 'events']);
    const r = complete('SELECT * FROM shop.or|');
    expect(labels(r)).toEqual(['orders', 'Carts']);
    expect(r?.from).toBe('SELECT * FROM shop.'.length);
    expect(complete('SELECT * FROM nowhere.|')).toBeNull();
  });

  it('quotes names Cassandra would otherwise fold to lower case', () => {
    const carts = complete('SELECT * FROM shop.|')?.options.find((o) => o.label === 'Carts');
    expect(carts?.apply).toBe('"Carts"');
  });

  it('offers the columns of the table the statement names after SELECT', () => {
    const r = complete('SELECT | FROM shop.orders', { explicit: true });
    expect(labels(r)).toEqual(expect.arrayContaining(['order_id', 'total']));
    expect(labels(r)).not.toContain('user_id');
    expect(labels(complete('SELECT ord| FROM shop.orders'))).toContain('order_id');
  });

  it('offers columns after WHERE, unqualified tables resolved in the current keyspace', () => {
    expect(labels(complete('SELECT * FROM users WHERE u|'))).toContain('user_id');
    expect(labels(complete('UPDATE users SET name = ? WHERE |', { explicit: true }))).toContain('user_id');
    expect(labels(complete('INSERT INTO demo_ks.events (|', { explicit: true }))).toEqual(
      expect.arrayContaining(['day', 'at', 'kind']),
    );
  });

  it('does not pop up on a bare space where only columns or keywords fit', () => {
    expect(complete('SELECT * FROM users WHERE |')).toBeNull();
  });

  it('looks only at the statement under the cursor', () => {
    const r = complete('SELECT * FROM shop.orders;\nSELECT | FROM users', { explicit: true });
    expect(labels(r)).toContain('email');
    expect(labels(r)).not.toContain('total');
  });

  it('offers keywords, types and functions once a word is started', () => {
    expect(labels(complete('SEL|'))).toContain('SELECT');
    expect(labels(complete('SELECT * FROM users ALLOW FILT|'))).toContain('FILTERING');
    expect(labels(complete('CREATE TABLE t (k ti|'))).toContain('timeuuid');
    expect(labels(complete('SELECT toTi|'))).toContain('toTimestamp');
    expect(complete('SELECT * FROM users; |')).toBeNull();
  });

  it('offers keyspaces after USE', () => {
    expect(labels(complete('USE |'))).toEqual(['demo_ks', 'shop']);
  });

  it('offers nothing inside a string, a comment or a quoted identifier', () => {
    expect(complete("SELECT * FROM users WHERE name = 'us|", { explicit: true })).toBeNull();
    expect(complete("SELECT * FROM users WHERE name = 'it''s us|'", { explicit: true })).toBeNull();
    expect(complete('SELECT * FROM users WHERE name = $$us|', { explicit: true })).toBeNull();
    expect(complete('-- FROM |', { explicit: true })).toBeNull();
    expect(complete('SELECT 1; /* FROM us|', { explicit: true })).toBeNull();
    expect(complete('SELECT * FROM "us|', { explicit: true })).toBeNull();
  });

  it('completes again after a closed string or comment', () => {
    expect(labels(complete("SELECT * FROM users WHERE name = 'x' A|"))).toContain('AND');
    expect(labels(complete('-- a comment\nSELECT * FROM |'))).toContain('users');
  });

  it('is found through the editor’s language data', () => {
    const state = EditorState.create({
      doc: 'SELECT',
      extensions: [cqlDialect.extension, cqlCompletion(schema, null)],
    });
    expect(state.languageDataAt('autocomplete', 3)).toHaveLength(1);
  });
});

describe('CQL dialect', () => {
  const nodes = (doc: string) => {
    const state = EditorState.create({ doc, extensions: [cqlDialect.extension] });
    const names: string[] = [];
    syntaxTree(state).iterate({
      enter: (n) => void (n.node.firstChild ? undefined : names.push(`${n.name}:${doc.slice(n.from, n.to)}`)),
    });
    return names;
  };

  it('reads CQL keywords, types, comments, $$ strings and quoted identifiers', () => {
    const names = nodes(
      'SELECT writetime(v) FROM "Ks".t ALLOW FILTERING; // c\n-- d\n/* e */ x $$body;$$ frozen<list<text>>',
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'Keyword:SELECT',
        'Keyword:writetime',
        'QuotedIdentifier:"Ks"',
        'Keyword:ALLOW',
        'Keyword:FILTERING',
        'LineComment:// c',
        'LineComment:-- d',
        'BlockComment:/* e */',
        'String:$$body;$$',
        'Type:text',
      ]),
    );
  });
});
