/**
 * The rows of a JSON-lines file (one object per line, as the export's `jsonl` dialect and `SELECT JSON`
 * write them), read as text arrives. Numbers keep every digit: they are parsed by lossless-json and
 * handed on as their text (`JSON.parse` would round a varint or a bigint through a double), marked
 * so that a number given for a text column can still be told from a string.
 */
import { parse } from 'lossless-json';
import { MAX_RECORD_CHARS } from './csv-records';

export type JsonlRecord =
  | { kind: 'record'; firstLine: number; lastLine: number; object: Record<string, unknown>; size: number }
  | { kind: 'bad'; firstLine: number; lastLine: number; reason: string };

/** A JSON number as it was written. */
export class JsonNumberText {
  constructor(readonly text: string) {}
}

function objectOf(line: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = parse(line, null, (text) => new JsonNumberText(text));
  } catch (error) {
    return `not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof JsonNumberText)
    return `a JSON object (one row) was expected, not ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'a number' : `a ${typeof value}`}`;
  return value as Record<string, unknown>;
}

/** The rows of text arriving in chunks, as one array per chunk (see csv-records.ts for why). */
export async function* jsonlRecords(chunks: AsyncIterable<string>): AsyncGenerator<JsonlRecord[]> {
  let rest = '';
  let line = 0;
  let first = true;
  function* lines(text: string, final: boolean): Generator<JsonlRecord> {
    let start = 0;
    for (;;) {
      const lf = text.indexOf('\n', start);
      if (lf < 0 && !final) break;
      const end = lf < 0 ? text.length : lf;
      if (lf < 0 && start >= text.length) break;
      line++;
      const source = text.slice(start, end).trim();
      start = end + 1;
      if (source === '') continue;
      const object = objectOf(source);
      yield typeof object === 'string'
        ? { kind: 'bad', firstLine: line, lastLine: line, reason: object }
        : { kind: 'record', firstLine: line, lastLine: line, object, size: source.length };
      if (lf < 0) break;
    }
    rest = start >= text.length ? '' : text.slice(start);
  }
  // A line past the longest record is rejected, and the rest of it skipped rather than held in memory.
  let skipping = false;
  for await (let chunk of chunks) {
    if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    first = false;
    if (skipping) {
      const lf = chunk.indexOf('\n');
      if (lf < 0) continue;
      chunk = chunk.slice(lf + 1);
      skipping = false;
    }
    const records = [...lines(rest + chunk, false)];
    if (rest.length > MAX_RECORD_CHARS) {
      line++;
      records.push({
        kind: 'bad',
        firstLine: line,
        lastLine: line,
        reason: `a line longer than ${MAX_RECORD_CHARS / 2 ** 20} Mi characters, more than any one row`,
      });
      rest = '';
      skipping = true;
    }
    if (records.length > 0) yield records;
  }
  const last = [...lines(rest, true)];
  if (last.length > 0) yield last;
}
