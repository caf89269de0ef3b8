/**
 * Splits a script into CQL statements the way cqlsh does: at semicolons outside string literals
 * ('…' with '' escapes, $$…$$), quoted identifiers ("…" with "" escapes) and comments (-- and //
 * to the end of the line, /* … *\/), keeping BEGIN … APPLY BATCH whole. Each statement keeps its
 * offset in the script so an error can point at the right line. Pure.
 */
export interface ScriptStatement {
  text: string;
  /** Offset of the statement's first character in the script. */
  offset: number;
  line: number;
  column: number;
}

/**
 * The script with everything that is not code — literals, quoted identifiers, comments — blanked
 * to spaces, so offsets stay the same and a semicolon or a keyword found in it is really code.
 */
export function codeOnly(text: string): string {
  const out = text.split('');
  let i = 0;
  const blankUntil = (end: number) => {
    for (; i < Math.min(end, text.length); i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
  };
  /** Cassandra's lexer ends a line comment at \n or at \r: so must this, or code after a lone \r hides. */
  const lineEnd = (from: number) => {
    const match = /[\r\n]/.exec(text.slice(from));
    return match ? from + match.index : text.length;
  };
  /** Index just past a literal opened at i with `quote`, where a doubled quote escapes it. */
  const closing = (quote: string) => {
    let j = i + 1;
    while (j < text.length) {
      if (text[j] === quote && text[j + 1] === quote) j += 2;
      else if (text[j] === quote) return j + 1;
      else j++;
    }
    return text.length;
  };
  while (i < text.length) {
    const c = text[i];
    const two = text.slice(i, i + 2);
    if (two === '--' || two === '//') blankUntil(lineEnd(i));
    else if (two === '/*') blankUntil(text.indexOf('*/', i + 2) === -1 ? text.length : text.indexOf('*/', i + 2) + 2);
    else if (two === '$$') blankUntil(text.indexOf('$$', i + 2) === -1 ? text.length : text.indexOf('$$', i + 2) + 2);
    else if (c === "'" || c === '"') blankUntil(closing(c));
    else i++;
  }
  return out.join('');
}

function words(code: string): string[] {
  return code
    .toUpperCase()
    .split(/[^A-Z_0-9]+/)
    .filter(Boolean);
}

function position(script: string, offset: number): { line: number; column: number } {
  const before = script.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

export function splitStatements(script: string): ScriptStatement[] {
  const code = codeOnly(script);
  const statements: ScriptStatement[] = [];
  let start = 0;
  const finish = (end: number) => {
    const raw = script.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    // A piece that is only comments or blanks is not a statement.
    if (code.slice(start, end).trim())
      statements.push({ text: raw.trim(), offset: start + leading, ...position(script, start + leading) });
    start = end + 1;
  };
  for (let i = code.indexOf(';'); i !== -1; i = code.indexOf(';', i + 1)) {
    // Inside BEGIN … BATCH, semicolons separate the batch's own statements until APPLY BATCH.
    const piece = words(code.slice(start, i));
    const inBatch = piece[0] === 'BEGIN' && !(piece.at(-2) === 'APPLY' && piece.at(-1) === 'BATCH');
    if (!inBatch) finish(i);
  }
  finish(script.length);
  return statements;
}

/** The statement's first keyword, upper-cased, past any comments ('' for none). */
export function firstKeyword(statement: string): string {
  return words(codeOnly(statement))[0] ?? '';
}

/** DROP, TRUNCATE and ALTER lose data or change it for everyone: the workbench asks first. */
export function isDestructive(statement: string): boolean {
  const first = firstKeyword(statement);
  return first === 'DROP' || first === 'TRUNCATE' || first === 'ALTER';
}

/**
 * For a `USE` statement, the keyspace it names (unquoted names lower-cased, as Cassandra does);
 * null for any other statement. A `USE` it cannot read is an error, never a statement to pass on.
 */
export function keyspaceOfUse(statement: string): string | null {
  if (firstKeyword(statement) !== 'USE') return null;
  const code = codeOnly(statement);
  const start = code.search(/\S/);
  const match = /^USE\s+("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_]*)\s*;?/i.exec(statement.slice(start));
  const name = match?.[1];
  if (!match || name === undefined || code.slice(start + match[0].length).trim() !== '')
    throw new UnreadableUseError(statement);
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name.toLowerCase();
}

export class UnreadableUseError extends Error {
  constructor(statement: string) {
    super(
      `could not read the keyspace in "${statement.trim().slice(0, 100)}": write USE keyspace_name, or pick the keyspace above the editor`,
    );
  }
}
