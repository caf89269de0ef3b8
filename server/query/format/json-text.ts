import 'server-only';
/**
 * A row as a JSON object, typed as Cassandra's `SELECT JSON` writes it: numbers as numbers (written
 * as text, so integers of any size keep every digit — JSON numbers have no size limit; JavaScript's
 * do), uuids, inets, dates, times and durations as strings, timestamps as
 * `yyyy-mm-dd hh:mm:ss.fffZ`, blobs as `0x…`, collections and tuples as arrays and objects. Where
 * `SELECT JSON` loses a value this keeps it: NaN and ±Infinity as strings (Cassandra writes null),
 * decimals as strings (`INSERT JSON` reads a decimal number through a double),
 * -0.0 with its sign, timestamps outside years 1–9999 as their milliseconds, such dates as the
 * day count CQL reads. Pure.
 */
import { types } from 'cassandra-driver';
import { shapeOf, type CqlType, type TypeShape } from './cql-type';
import {
  blobText,
  dateText,
  decimalText,
  doubleText,
  durationText,
  floatText,
  inetText,
  timestampText,
  timeText,
} from './scalar-text';

/** A number, or its name in a string where JSON has no number for it. */
function number(text: string): string {
  return /^-?(NaN|Infinity)$/.test(text) ? JSON.stringify(text) : text;
}

/** A UDT field name as `SELECT JSON` writes it: in double quotes inside the JSON string unless plain lower case. */
const fieldName = (name: string): string => (/^[a-z][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);

function jsonOf(value: unknown, shape: TypeShape, timeZone: string): string {
  if (value === null || value === undefined) return 'null';
  switch (shape.name) {
    case 'int':
    case 'smallint':
    case 'tinyint':
    case 'bigint':
    case 'counter':
    case 'varint':
      // Long and Integer print their exact digits.
      return String(value);
    case 'float':
      return number(floatText(value as number));
    case 'double':
      return number(doubleText(value as number));
    case 'decimal':
      // A string: Cassandra's own JSON reader takes a decimal number through a double (measured:
      // 12345678901234567890.123456789 came back 1.2345678901234567E+19, 0.000 as 0.0).
      return JSON.stringify(decimalText(value));
    case 'boolean':
      return value ? 'true' : 'false';
    case 'blob':
      return JSON.stringify(blobText(value as Buffer));
    case 'timestamp': {
      const t = timestampText(value as Date, timeZone, 'json');
      return t.readable ? JSON.stringify(t.text) : t.text;
    }
    case 'date':
      return JSON.stringify(dateText(value as types.LocalDate).text);
    case 'time':
      return JSON.stringify(timeText(value as types.LocalTime));
    case 'duration':
      return JSON.stringify(durationText(value as types.Duration));
    case 'inet':
      return JSON.stringify(inetText(value));
    case 'list':
    case 'set':
      return `[${[...(value as Iterable<unknown>)].map((v) => jsonOf(v, shape.element, timeZone)).join(', ')}]`;
    case 'vector': {
      const elements = value instanceof types.Vector ? [...value.elements] : [...(value as Iterable<unknown>)];
      return `[${elements.map((v) => jsonOf(v, shape.element, timeZone)).join(', ')}]`;
    }
    case 'map': {
      const entries: [unknown, unknown][] =
        Symbol.iterator in (value as object)
          ? [...(value as Iterable<[unknown, unknown]>)]
          : Object.entries(value as object);
      // JSON keys are strings: a text key as it is, any other key as its JSON text.
      const key = (k: unknown) =>
        JSON.stringify(typeof k === 'string' ? k : jsonOf(k, shape.key, timeZone).replace(/^"|"$/g, ''));
      return `{${entries.map(([k, v]) => `${key(k)}: ${jsonOf(v, shape.value, timeZone)}`).join(', ')}}`;
    }
    case 'tuple': {
      const elements = value instanceof types.Tuple ? value.elements : [...(value as Iterable<unknown>)];
      return `[${shape.elements.map((t, i) => jsonOf(elements[i], t, timeZone)).join(', ')}]`;
    }
    case 'udt': {
      const record = value as Record<string, unknown>;
      return `{${shape.fields.map((f) => `${JSON.stringify(fieldName(f.name))}: ${jsonOf(record[f.name], f.type, timeZone)}`).join(', ')}}`;
    }
    default:
      // text, ascii, uuid, timeuuid, custom: their string forms.
      return JSON.stringify(String(value));
  }
}

export function jsonText(value: unknown, type: CqlType, timeZone = 'UTC'): string {
  return jsonOf(value, shapeOf(type), timeZone);
}

/**
 * A row's JSON object through the columns' keys and shapes, worked out once for a page of rows
 * rather than once a cell (the export writes a million rows; docs/export.md, Speed).
 */
export function jsonRowWriter(
  columns: { name: string; type: CqlType }[],
  timeZone = 'UTC',
): (row: Record<string, unknown>) => string {
  const names = columns.map((c) => c.name);
  const keys = columns.map((c) => `${JSON.stringify(c.name)}: `);
  const shapes = columns.map((c) => shapeOf(c.type));
  return (row) => {
    let json = '{';
    for (let i = 0; i < names.length; i++)
      json += (i === 0 ? '' : ', ') + keys[i]! + jsonOf(row[names[i]!], shapes[i]!, timeZone);
    return `${json}}`;
  };
}

export function rowJson(
  row: Record<string, unknown>,
  columns: { name: string; type: CqlType }[],
  timeZone = 'UTC',
): string {
  return jsonRowWriter(columns, timeZone)(row);
}
