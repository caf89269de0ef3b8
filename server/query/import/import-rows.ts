import 'server-only';
/**
 * A file's records turned into rows to write: every value parsed by its column's type before anything
 * is sent, so a row is written whole or not at all, and a line that does not fit is rejected with its
 * line number, its column and the reason.
 */
import type { CsvRecord } from './csv-records';
import { csvFieldValue, jsonFieldValue } from './field-value';
import type { ImportColumn } from './import-target';
import { JsonNumberText, type JsonlRecord } from './jsonl-records';
import { ImportValueError } from './value-error';

export interface PendingRow {
  values: unknown[];
  /** The partition's key as the file wrote it: rows with the same one go in the same batch. */
  partition: string;
  /** About the size of its values (the text they were read from): batches are kept to a size. */
  bytes: number;
  firstLine: number;
  lastLine: number;
}

export interface RejectedLine {
  firstLine: number;
  lastLine: number;
  reason: string;
}

export type Converted = { kind: 'row'; row: PendingRow } | { kind: 'rejected'; rejected: RejectedLine };

const rejected = (record: { firstLine: number; lastLine: number }, reason: string): Converted => ({
  kind: 'rejected',
  rejected: { firstLine: record.firstLine, lastLine: record.lastLine, reason },
});

function keyMissing(column: ImportColumn): string {
  return `primary key column ${column.name} has no value (null): every row needs its whole primary key`;
}

/** Rows from CSV records whose fields are `columns`, in order. */
export function csvRowConverter(columns: ImportColumn[]): (record: CsvRecord) => Converted {
  const partitionIndexes = columns.flatMap((c, i) => (c.partitionKey ? [i] : []));
  return (record) => {
    if (record.kind === 'bad') return rejected(record, `not a CSV record: ${record.reason}`);
    const { fields } = record;
    if (fields.length !== columns.length)
      return rejected(
        record,
        `${fields.length} field${fields.length === 1 ? '' : 's'} where ${columns.length} were expected (${columns.map((c) => c.name).join(', ')})`,
      );
    const values = new Array<unknown>(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const text = fields[i]!;
      if (text === null) {
        if (column.primaryKey) return rejected(record, keyMissing(column));
        values[i] = null;
        continue;
      }
      try {
        values[i] = csvFieldValue(text, column.shape);
      } catch (error) {
        if (!(error instanceof ImportValueError)) throw error;
        return rejected(record, `column ${column.name}: ${error.message}`);
      }
    }
    const partition = partitionIndexes.map((i) => fields[i]).join('\u0000');
    let bytes = 0;
    for (const f of fields) bytes += f === null ? 1 : f.length;
    return { kind: 'row', row: { values, partition, bytes, firstLine: record.firstLine, lastLine: record.lastLine } };
  };
}

/** The JSON value with every number as its text, as the value parsers take them. */
function plain(value: unknown): unknown {
  if (value instanceof JsonNumberText) return value.text;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

const TEXT_TYPES = new Set(['text', 'varchar', 'ascii']);

/**
 * Rows from JSON objects: every column of the table is written, one left out as null (as `INSERT JSON`
 * does). Keys are column names as the export writes them, or as `SELECT JSON` quotes a case-sensitive one.
 */
export function jsonRowConverter(columns: ImportColumn[]): (record: JsonlRecord) => Converted {
  const byName = new Map(columns.map((c, i) => [c.name, i]));
  const keyIndexes = columns.flatMap((c, i) => (c.primaryKey ? [i] : []));
  return (record) => {
    if (record.kind === 'bad') return rejected(record, record.reason);
    const values = new Array<unknown>(columns.length).fill(null);
    const keyTexts = new Array<string>(columns.length).fill('');
    for (const [key, value] of Object.entries(record.object)) {
      const name = /^".*"$/.test(key) ? key.slice(1, -1).replace(/""/g, '"') : key;
      const index = byName.get(name) ?? byName.get(key);
      if (index === undefined) return rejected(record, `the table has no column ${JSON.stringify(key)}`);
      const column = columns[index]!;
      if (value === null) continue;
      if (column.partitionKey) keyTexts[index] = JSON.stringify(plain(value));
      if (value instanceof JsonNumberText && TEXT_TYPES.has(column.shape.name))
        return rejected(
          record,
          `column ${column.name}: a JSON string was expected for ${column.shape.name}, not the number ${value.text}`,
        );
      try {
        values[index] = jsonFieldValue(plain(value), column.shape);
      } catch (error) {
        if (!(error instanceof ImportValueError)) throw error;
        return rejected(record, `column ${column.name}: ${error.message}`);
      }
    }
    for (const i of keyIndexes) if (values[i] === null) return rejected(record, keyMissing(columns[i]!));
    const partition = keyTexts.filter((_, i) => columns[i]!.partitionKey).join('\u0000');
    return {
      kind: 'row',
      row: { values, partition, bytes: record.size, firstLine: record.firstLine, lastLine: record.lastLine },
    };
  };
}
