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

type Mode = 'code' | 'single' | 'double' | 'dollar' | 'line-comment' | 'block-comment';

function position(script: string, offset: number): { line: number; column: number } {
  const before = script.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Words of code (outside strings and comments) in a candidate statement, upper-cased. */
function codeWords(text: string): string[] {
  return stripComments(text)
    .replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\$\$[\s\S]*?\$\$/g, ' ')
    .toUpperCase()
    .split(/[^A-Z_0-9]+/)
    .filter(Boolean);
}

export function stripComments(text: string): string {
  let out = '';
  let mode: Mode = 'code';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (mode === 'code') {
      if ((c === '-' && next === '-') || (c === '/' && next === '/')) {
        mode = 'line-comment';
        i++;
        continue;
      }
      if (c === '/' && next === '*') {
        mode = 'block-comment';
        i++;
        continue;
      }
      if (c === "'") mode = 'single';
      else if (c === '"') mode = 'double';
      else if (c === '$' && next === '$') {
        mode = 'dollar';
        out += '$$';
        i++;
        continue;
      }
      out += c;
    } else if (mode === 'line-comment') {
      if (c === '\n') {
        mode = 'code';
        out += '\n';
      }
    } else if (mode === 'block-comment') {
      if (c === '*' && next === '/') {
        mode = 'code';
        i++;
        out += ' ';
      }
    } else {
      out += c;
      if (mode === 'single' && c === "'") {
        if (next === "'") {
          out += next;
          i++;
        } else mode = 'code';
      } else if (mode === 'double' && c === '"') {
        if (next === '"') {
          out += next;
          i++;
        } else mode = 'code';
      } else if (mode === 'dollar' && c === '$' && next === '$') {
        out += next;
        i++;
        mode = 'code';
      }
    }
  }
  return out;
}

export function splitStatements(script: string): ScriptStatement[] {
  const statements: ScriptStatement[] = [];
  let mode: Mode = 'code';
  let start = 0;
  const finish = (end: number) => {
    const raw = script.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text && stripComments(text).trim()) statements.push({ text, offset: start + leading, ...position(script, start + leading) });
    start = end + 1;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    const next = script[i + 1];
    switch (mode) {
      case 'code':
        if ((c === '-' && next === '-') || (c === '/' && next === '/')) mode = 'line-comment';
        else if (c === '/' && next === '*') mode = 'block-comment';
        else if (c === "'") mode = 'single';
        else if (c === '"') mode = 'double';
        else if (c === '$' && next === '$') {
          mode = 'dollar';
          i++;
        } else if (c === ';') {
          // Inside BEGIN … BATCH, semicolons separate the batch's own statements until APPLY BATCH.
          const words = codeWords(script.slice(start, i));
          const inBatch = words[0] === 'BEGIN' && !(words.at(-2) === 'APPLY' && words.at(-1) === 'BATCH');
          if (!inBatch) finish(i);
        }
        break;
      case 'line-comment':
        if (c === '\n') mode = 'code';
        break;
      case 'block-comment':
        if (c === '*' && next === '/') {
          mode = 'code';
          i++;
        }
        break;
      case 'single':
        if (c === "'") {
          if (next === "'") i++;
          else mode = 'code';
        }
        break;
      case 'double':
        if (c === '"') {
          if (next === '"') i++;
          else mode = 'code';
        }
        break;
      case 'dollar':
        if (c === '$' && next === '$') {
          mode = 'code';
          i++;
        }
        break;
    }
  }
  finish(script.length);
  return statements;
}

/** DROP, TRUNCATE and ALTER lose data or change it for everyone: the workbench asks first. */
export function isDestructive(statement: string): boolean {
  const [first] = codeWords(statement);
  return first === 'DROP' || first === 'TRUNCATE' || first === 'ALTER';
}
