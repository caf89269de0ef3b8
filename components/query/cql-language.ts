/**
 * CQL for the workbench editor: a CodeMirror SQL dialect (highlighting), a completion source fed by
 * the cluster's schema, and the statement under the cursor (what Ctrl-Enter runs). Pure: no React,
 * no DOM — the tests drive it through an EditorState.
 */
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { SQLDialect } from '@codemirror/lang-sql';
import type { Extension } from '@codemirror/state';
import { codeOnly, splitStatements } from '@/lib/cql/split-statements';
import { quote } from '@/lib/cql/quote';

export interface EditorSchema {
  keyspaces: { name: string; tables: { name: string; columns: string[] }[] }[];
}

const KEYWORDS = (
  'ADD AGGREGATE ALL ALLOW ALTER AND ANN ANY APPLY AS ASC ATTACHED AUTHORIZE BATCH BEGIN BY CALLED ' +
  'CAST CLUSTER CLUSTERING COMPACT CONTAINS COUNTER CREATE CUSTOM DATACENTERS DEFAULT DELETE DESC DESCRIBE ' +
  'DISTINCT DROP ENTRIES EXECUTE EXISTS FILTERING FINALFUNC FROM FROZEN FULL FUNCTION FUNCTIONS GRANT GROUP IF ' +
  'IN INDEX INITCOND INPUT INSERT INTO IS JSON KEY KEYS KEYSPACE KEYSPACES LANGUAGE LIKE LIMIT LIST LOGGED ' +
  'LOGIN MASKED MATERIALIZED MODIFY NORECURSIVE NOSUPERUSER NOT OF ON ONLY OPTIONS OR ORDER PARTITION ' +
  'PASSWORD PER PERMISSION PERMISSIONS PRIMARY RENAME REPLACE RETURNS REVOKE ROLE ROLES SAI SCHEMA SELECT SET ' +
  'SFUNC STATIC STORAGE STYPE SUPERUSER TABLE TABLES TIMESTAMP TO TOKEN TRIGGER TRUNCATE TTL TYPE TYPES ' +
  'UNLOGGED UNMASK UNSET UPDATE USE USER USERS USING VALUES VIEW VIEWS WHERE WITH WRITETIME'
).split(' ');

const TYPES = (
  'ascii bigint blob boolean counter date decimal double duration float inet int smallint text time ' +
  'timestamp timeuuid tinyint uuid varchar varint list set map tuple frozen vector'
).split(' ');

/** Offered in completion as written; the tokenizer looks words up in lower case. */
const FUNCTIONS = (
  'now uuid toTimestamp toDate toUnixTimestamp currentTimestamp currentDate currentTime currentTimeUUID ' +
  'minTimeuuid maxTimeuuid maxWritetime count min max sum avg similarity_cosine similarity_euclidean ' +
  'similarity_dot_product'
).split(' ');

const keywordSet = new Set(KEYWORDS.map((k) => k.toLowerCase()));

/**
 * A word that is both a keyword and a type (SET, LIST, FROZEN, TIMESTAMP, COUNTER) is highlighted
 * as a keyword: lang-sql's tokenizer cannot tell `UPDATE t SET` from `set<text>`.
 */
export const cqlDialect = SQLDialect.define({
  keywords: [...keywordSet].join(' '),
  types: TYPES.filter((t) => !keywordSet.has(t)).join(' '),
  builtin: FUNCTIONS.map((f) => f.toLowerCase()).join(' '),
  slashComments: true,
  doubleDollarQuotedStrings: true,
  identifierQuotes: '"',
});

// ---------------------------------------------------------------- statements

/**
 * The statement Ctrl-Enter runs: the one containing the cursor, else the nearest one ending before
 * it on the same line (the cursor just after `;`), else the first starting after it on the same line
 * (the cursor in the line's indentation).
 */
export function statementAtCursor(script: string, cursorOffset: number): { text: string; offset: number } | null {
  const code = codeOnly(script);
  // The splitter starts a statement at the comments before it; `SELECT 1; -- done|` means SELECT 1.
  const statements = splitStatements(script).map((s) => {
    const end = s.offset + s.text.length;
    const offset = s.offset + Math.max(0, code.slice(s.offset, end).search(/\S/));
    return { text: script.slice(offset, end), offset, end };
  });
  const lineStart = script.lastIndexOf('\n', cursorOffset - 1) + 1;
  const lineEnd = script.indexOf('\n', cursorOffset) === -1 ? script.length : script.indexOf('\n', cursorOffset);
  const pick = (s: { text: string; offset: number } | undefined) => (s ? { text: s.text, offset: s.offset } : null);

  const containing = statements.find((s) => s.offset <= cursorOffset && cursorOffset <= s.end);
  if (containing) return pick(containing);
  const before = statements.findLast((s) => {
    if (s.end > cursorOffset) return false;
    // Its terminating semicolon counts as part of it: `SELECT 1\n;|` still runs SELECT 1.
    const semi = code.indexOf(';', s.end);
    const last = semi !== -1 && semi < cursorOffset ? semi : s.end - 1;
    return last >= lineStart;
  });
  if (before) return pick(before);
  return pick(statements.find((s) => s.offset >= cursorOffset && s.offset < lineEnd));
}

/**
 * Where the statement being typed at `pos` lies: from its start to its end or `pos`, whichever is
 * later. Past a statement's semicolon the cursor starts a new, still empty one.
 */
function editingSpan(doc: string, pos: number): { from: number; to: number } {
  const s = splitStatements(doc).findLast((st) => st.offset <= pos);
  if (!s) return { from: 0, to: pos };
  const end = s.offset + s.text.length;
  const semi = codeOnly(doc).indexOf(';', end);
  if (semi === -1 || semi >= pos) return { from: s.offset, to: Math.max(end, pos) };
  return { from: semi + 1, to: pos };
}

// ---------------------------------------------------------------- tokens

interface Token {
  kind: 'word' | 'quoted' | 'string' | 'comment' | 'punct';
  text: string;
  from: number;
  to: number;
  /** Whether its closing delimiter is there; a line comment has none, so its end is still inside it. */
  closed: boolean;
}

/** Tried in order at each position; group 1, where there is one, is the closing delimiter. */
const LEXEMES: { kind: Token['kind'] | 'space'; re: RegExp; closed: (m: RegExpExecArray) => boolean }[] = [
  { kind: 'space', re: /\s+/y, closed: () => true },
  { kind: 'comment', re: /(?:--|\/\/)[^\n]*/y, closed: () => false },
  { kind: 'comment', re: /\/\*[\s\S]*?(\*\/|$)/y, closed: (m) => m[1] === '*/' },
  { kind: 'string', re: /\$\$[\s\S]*?(\$\$|$)/y, closed: (m) => m[1] === '$$' },
  { kind: 'string', re: /'(?:[^']|'')*(')?/y, closed: (m) => m[1] !== undefined },
  { kind: 'quoted', re: /"(?:[^"]|"")*(")?/y, closed: (m) => m[1] !== undefined },
  { kind: 'word', re: /\w+/y, closed: () => true },
  { kind: 'punct', re: /[^]/y, closed: () => true },
];

/** Tokens of `text`, with offsets counted from `base`. */
function lex(text: string, base: number): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length;) {
    for (const { kind, re, closed } of LEXEMES) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) continue;
      if (kind !== 'space')
        tokens.push({ kind, text: m[0], from: base + i, to: base + i + m[0].length, closed: closed(m) });
      i += m[0].length;
      break;
    }
  }
  return tokens;
}

const isName = (t: Token | undefined): t is Token => t?.kind === 'word' || t?.kind === 'quoted';
/** Unquoted names fold to lower case, as Cassandra reads them. */
const nameOf = (t: Token) =>
  t.kind === 'quoted' ? t.text.replace(/^"|"$/g, '').replace(/""/g, '"') : t.text.toLowerCase();
const upper = (t: Token | undefined) => (t?.kind === 'word' ? t.text.toUpperCase() : '');

// ---------------------------------------------------------------- completion

/** Words after which a table name comes (and after which the statement's tables are found). */
const TABLE_WORDS = new Set(['FROM', 'INTO', 'UPDATE', 'TABLE', 'TRUNCATE', 'ON']);
const KEYSPACE_WORDS = new Set(['USE', 'KEYSPACE']);
const SKIPPED = new Set(['IF', 'NOT', 'EXISTS']);

const nameOption = (name: string, type: string, boost: number, detail?: string): Completion => ({
  label: name,
  apply: quote(name),
  type,
  boost,
  detail,
});

const WORD_OPTIONS: Completion[] = [
  ...KEYWORDS.map((label) => ({ label, type: 'keyword', boost: -1 })),
  ...TYPES.filter((t) => !keywordSet.has(t)).map((label) => ({ label, type: 'type', boost: -1 })),
  ...FUNCTIONS.map((label) => ({ label, type: 'function', boost: -1 })),
];

/** The tables a statement names after FROM, INTO, UPDATE, TABLE, TRUNCATE or ON, as [keyspace, table]. */
function tablesNamed(tokens: Token[], keyspace: string | null): [string | null, string][] {
  const found: [string | null, string][] = [];
  tokens.forEach((t, i) => {
    if (!TABLE_WORDS.has(upper(t))) return;
    let j = i + 1;
    while (SKIPPED.has(upper(tokens[j]))) j++;
    const [a, dot, b] = [tokens[j], tokens[j + 1], tokens[j + 2]];
    if (isName(a) && dot?.text === '.' && isName(b)) found.push([nameOf(a), nameOf(b)]);
    else if (isName(a)) found.push([keyspace, nameOf(a)]);
  });
  return found;
}

/**
 * Completion from the schema. After `ks.`: that keyspace's tables. After FROM, INTO, UPDATE, TABLE,
 * TRUNCATE, ON: the current keyspace's tables and the keyspaces (offered as soon as the space is
 * typed). After USE or KEYSPACE: keyspaces. Elsewhere: the columns of the tables the statement
 * names, once a word is started or on Ctrl-Space. Keywords, types and functions join any list once
 * a word is started. Nothing inside strings, comments or quoted identifiers.
 */
export function cqlCompletions(schema: EditorSchema, currentKeyspace: string | null): CompletionSource {
  const keyspaceNamed = (name: string) => schema.keyspaces.find((k) => k.name === name);
  const keyspaceOptions = schema.keyspaces.map((k) => nameOption(k.name, 'namespace', 0));
  const tableOptions = (keyspace: string | null) =>
    (keyspace === null ? [] : (keyspaceNamed(keyspace)?.tables ?? [])).map((t) => nameOption(t.name, 'class', 1));

  return (context: CompletionContext): CompletionResult | null => {
    const doc = context.state.doc.toString();
    const pos = context.pos;
    const span = editingSpan(doc, pos);
    const tokens = lex(doc.slice(span.from, span.to), span.from);
    const inside = tokens.find((t) => t.from < pos && (pos < t.to || (pos === t.to && !t.closed)));
    if (inside && inside.kind !== 'word') return null;

    const word = context.matchBefore(/\w+/);
    const from = word?.from ?? pos;
    const code = tokens.filter((t) => t.kind !== 'comment' && t.kind !== 'string');
    const before = code.filter((t) => t.to <= from);
    const result = (options: Completion[]): CompletionResult => ({ from, options, validFor: /^\w*$/ });

    const last = before.at(-1);
    if (last?.text === '.') {
      const qualifier = before.at(-2);
      const keyspace = isName(qualifier) ? keyspaceNamed(nameOf(qualifier)) : undefined;
      return keyspace ? result(tableOptions(keyspace.name)) : null;
    }

    let k = before.length - 1;
    while (SKIPPED.has(upper(before[k]))) k--;
    const previous = upper(before[k]);
    let names: Completion[];
    if (KEYSPACE_WORDS.has(previous)) names = keyspaceOptions;
    else if (TABLE_WORDS.has(previous)) names = [...tableOptions(currentKeyspace), ...keyspaceOptions];
    else {
      const columns = new Map<string, Completion>();
      for (const [ks, table] of tablesNamed(code, currentKeyspace)) {
        const columnsOf = ks === null ? undefined : keyspaceNamed(ks)?.tables.find((t) => t.name === table)?.columns;
        for (const c of columnsOf ?? []) if (!columns.has(c)) columns.set(c, nameOption(c, 'property', 1, table));
      }
      names = [...columns.values()];
      // A space after SELECT or WHERE is not a request: Enter there should still start a new line.
      if (!word && !context.explicit) return null;
    }
    if (!word && !context.explicit) return names.length ? result(names) : null;
    return result([...names, ...WORD_OPTIONS]);
  };
}

/** The completion source as editor extension; the editor swaps it through a Compartment. */
export function cqlCompletion(schema: EditorSchema, currentKeyspace: string | null): Extension {
  return cqlDialect.language.data.of({ autocomplete: cqlCompletions(schema, currentKeyspace) });
}
