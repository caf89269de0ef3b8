/**
 * The records of a CSV file as the export's two dialects write it (docs/export.md), read as text
 * arrives, each with the lines it spans, so that every line of the file is either a record or a
 * rejected line with its reason: nothing is skipped without a word.
 *
 * Hand-written rather than csv-parse: measured on csv-parse 7, a record with a bad quote
 * (`4,"bad"x,5` with `skip_records_with_error`) made it swallow the next good line without reporting
 * it, and without that option the first bad quote ends the whole stream. Here a bad record is
 * rejected and reading picks up again at the next line.
 *
 * - `rfc4180`: quotes doubled inside quoted fields; a quote inside an unquoted field is an error.
 * - `cqlsh` (Python's csv with `escapechar='\\'`, `doublequote=False`): `\"` and `\\` inside quotes;
 *   a quote inside an unquoted field is kept as it is, as Python's reader does.
 * A field is null when it is the null marker: unquoted for `rfc4180` (`""` is the empty string),
 * quoted or not for `cqlsh`, whose COPY FROM compares the value with its quotes removed.
 */

export interface CsvFormat {
  dialect: 'rfc4180' | 'cqlsh';
  delimiter: string;
  nullMarker: string;
}

/** The longest record read; past it, the record's first line is rejected (see csvRecords). */
export const MAX_RECORD_CHARS = 16 * 2 ** 20;

export type CsvRecord =
  | { kind: 'record'; firstLine: number; lastLine: number; fields: (string | null)[] }
  | { kind: 'bad'; firstLine: number; lastLine: number; reason: string };

const QUOTE = 34; // "
const BACKSLASH = 92;
const LF = 10;
const CR = 13;

type Parsed =
  | { kind: 'record'; fields: (string | null)[]; end: number; lines: number }
  | { kind: 'bad'; reason: string; end: number; lines: number }
  | { kind: 'incomplete' };

/** Where the physical line holding `from` ends (just past its line break), and how many breaks that passes. */
function skipLine(text: string, from: number): { end: number; lines: number } {
  const lf = text.indexOf('\n', from);
  return lf < 0 ? { end: text.length, lines: 0 } : { end: lf + 1, lines: 1 };
}

/**
 * One record starting at `start`. `final` says no more text will come: a record without a line break
 * then ends at the end of the text, and an open quote is an error rather than "wait for more".
 */
function parseRecord(text: string, start: number, format: CsvFormat, final: boolean): Parsed {
  const delimiter = format.delimiter.charCodeAt(0);
  const cqlsh = format.dialect === 'cqlsh';
  const fields: (string | null)[] = [];
  let i = start;
  let lines = 0;
  for (;;) {
    // One field from i.
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let chunkStart = i + 1;
      let j = i + 1;
      for (;;) {
        if (j >= text.length) {
          if (!final) return { kind: 'incomplete' };
          return {
            kind: 'bad',
            reason: 'a quoted field opened here is never closed: the file ends inside it',
            end: text.length,
            lines,
          };
        }
        const c = text.charCodeAt(j);
        if (c === LF) lines++;
        if (cqlsh && c === BACKSLASH) {
          if (j + 1 >= text.length && !final) return { kind: 'incomplete' };
          // An escaped line break is still a line of the file.
          if (text.charCodeAt(j + 1) === LF) lines++;
          value += text.slice(chunkStart, j);
          chunkStart = j + 1;
          j += 2;
          continue;
        }
        if (c === QUOTE) {
          if (!cqlsh && text.charCodeAt(j + 1) === QUOTE) {
            value += text.slice(chunkStart, j + 1);
            j += 2;
            chunkStart = j;
            continue;
          }
          if (!cqlsh && j + 1 >= text.length && !final) return { kind: 'incomplete' };
          value += text.slice(chunkStart, j);
          j++;
          break;
        }
        j++;
      }
      const after = text.charCodeAt(j);
      if (j < text.length && after !== delimiter && after !== LF && !(after === CR && text.charCodeAt(j + 1) === LF)) {
        if (after === CR && j + 1 >= text.length && !final) return { kind: 'incomplete' };
        const rest = skipLine(text, j);
        if (rest.lines === 0 && !final) return { kind: 'incomplete' };
        return {
          kind: 'bad',
          reason: `field ${fields.length + 1}: a closing quote must be followed by the delimiter or the end of the line`,
          end: rest.end,
          lines: lines + rest.lines,
        };
      }
      fields.push(cqlsh && value === format.nullMarker ? null : value);
      i = j;
    } else {
      let j = i;
      let hasEscape = false;
      while (j < text.length) {
        const c = text.charCodeAt(j);
        if (c === delimiter || c === LF) break;
        if (c === BACKSLASH && cqlsh) {
          // Python's reader takes the character after its escape character as it is, quoted or not.
          hasEscape = true;
          if (text.charCodeAt(j + 1) === LF) lines++;
          j += 2;
          continue;
        }
        if (c === QUOTE && !cqlsh) {
          const rest = skipLine(text, j);
          if (rest.lines === 0 && !final) return { kind: 'incomplete' };
          return {
            kind: 'bad',
            reason: `field ${fields.length + 1}: a quote inside a field that does not start with one (RFC 4180 quotes the whole field and doubles the quote)`,
            end: rest.end,
            lines: lines + rest.lines,
          };
        }
        j++;
      }
      if (j >= text.length && !final) return { kind: 'incomplete' };
      if (j > text.length) j = text.length;
      let value = text.slice(i, j);
      if (hasEscape) value = value.replace(/\\(.)/gs, '$1');
      if (text.charCodeAt(j) === LF && value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
      fields.push(value === format.nullMarker ? null : value);
      i = j;
    }
    // After a field: a delimiter, a line break, or the end of the text (the record's end only once no more text will come).
    if (i >= text.length) return final ? { kind: 'record', fields, end: i, lines } : { kind: 'incomplete' };
    const c = text.charCodeAt(i);
    if (c === delimiter) {
      i++;
      if (i >= text.length && !final) return { kind: 'incomplete' };
      continue;
    }
    if (c === CR) i++;
    // A line feed.
    return { kind: 'record', fields, end: i + 1, lines: lines + 1 };
  }
}

/**
 * The records of text arriving in chunks (already decoded), as one array per chunk: a promise per chunk
 * rather than per record, which measured twice as fast under the server's async context tracking.
 * Blank lines are skipped (they are counted for line numbers: a blank line is no row). `firstLine` and
 * `lastLine` are 1-based lines of the file.
 */
export async function* csvRecords(chunks: AsyncIterable<string>, format: CsvFormat): AsyncGenerator<CsvRecord[]> {
  let text = '';
  let line = 1;
  let first = true;
  const drain = function* (final: boolean): Generator<CsvRecord> {
    let pos = 0;
    while (pos < text.length) {
      const lf = text.charCodeAt(pos) === LF;
      const crlf = text.charCodeAt(pos) === CR && text.charCodeAt(pos + 1) === LF;
      if (lf || crlf) {
        pos += lf ? 1 : 2;
        line++;
        continue;
      }
      const parsed = parseRecord(text, pos, format, final);
      if (parsed.kind === 'incomplete') {
        if (text.length - pos <= MAX_RECORD_CHARS) break;
        // A record this long is a quote that never closes (or not CSV): its first line is rejected and
        // reading goes on from the next, rather than holding the rest of the file in memory.
        const lf = text.indexOf('\n', pos);
        yield {
          kind: 'bad',
          firstLine: line,
          lastLine: line,
          reason: `a record starting here runs past ${MAX_RECORD_CHARS / 2 ** 20} Mi characters: a quote opened on this line seems never to close`,
        };
        pos = lf + 1;
        line++;
        continue;
      }
      const lastLine = line + Math.max(0, parsed.lines - (text.charCodeAt(parsed.end - 1) === LF ? 1 : 0));
      yield parsed.kind === 'record'
        ? { kind: 'record', firstLine: line, lastLine, fields: parsed.fields }
        : { kind: 'bad', firstLine: line, lastLine, reason: parsed.reason };
      line += parsed.lines;
      pos = parsed.end;
    }
    text = text.slice(pos);
  };
  for await (let chunk of chunks) {
    // A byte order mark (spreadsheets write one) is no part of the first field.
    if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    first = false;
    text += chunk;
    const records = [...drain(false)];
    if (records.length > 0) yield records;
  }
  const rest = [...drain(true)];
  if (rest.length > 0) yield rest;
}
