import 'server-only';
/**
 * One value as the text of a CSV field, for the two CSV dialects. Scalars as `scalar-text.ts` writes
 * them; collections, tuples, UDTs and vectors as CQL literals (`[…]`, `{…}`, `(…)`, `{field: …}`)
 * with text, inets, dates, times and readable timestamps in single quotes (`''` for a quote), which
 * both CQL and cqlsh's COPY FROM parse (COPY FROM strips spaces around a value inside a collection
 * and unquotes it; a top-level field it takes as written). The `cqlsh` dialect refuses what COPY FROM
 * would change: line breaks (it reads the file line by line, in chunks), nulls inside tuples, dates outside
 * years 1–9999, a value equal to the null marker. Pure.
 */
import { types } from 'cassandra-driver';
import type { TypeShape } from '../format/cql-type';
import {
  blobText,
  CannotCarryError,
  dateText,
  decimalText,
  doubleText,
  durationText,
  floatText,
  inetText,
  timestampText,
  timeText,
} from '../format/scalar-text';

export interface CsvValueContext {
  dialect: 'rfc4180' | 'cqlsh';
  timeZone: string;
  nullMarker: string;
}

interface Scalar {
  text: string;
  /** Written in single quotes inside a CQL literal. */
  quoted: boolean;
}

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

function textScalar(value: string, ctx: CsvValueContext): Scalar {
  if (ctx.dialect === 'cqlsh' && /[\r\n]/.test(value))
    throw new CannotCarryError(
      'text with a line break: cqlsh COPY FROM reads the file line by line in chunks and turns \\r into \\n',
    );
  return { text: value, quoted: true };
}

function scalar(value: unknown, shape: TypeShape, ctx: CsvValueContext): Scalar {
  const plain = (text: string): Scalar => ({ text, quoted: false });
  switch (shape.name) {
    case 'text':
    case 'varchar':
    case 'ascii':
      return textScalar(String(value), ctx);
    case 'float':
      return plain(floatText(value as number));
    case 'double':
      return plain(doubleText(value as number));
    case 'decimal':
      return plain(decimalText(value));
    case 'boolean':
      return plain(value ? 'True' : 'False');
    case 'blob':
      return plain(blobText(value as Buffer));
    case 'timestamp': {
      const t = timestampText(value as Date, ctx.timeZone, 'csv', ctx.dialect === 'cqlsh');
      return { text: t.text, quoted: t.readable };
    }
    case 'date': {
      const d = dateText(value as types.LocalDate);
      if (!d.readable && ctx.dialect === 'cqlsh')
        throw new CannotCarryError('a date outside years 1–9999: cqlsh COPY FROM reads dates only as yyyy-mm-dd');
      return { text: d.text, quoted: d.readable };
    }
    case 'time':
      return { text: timeText(value as types.LocalTime), quoted: true };
    case 'duration':
      return plain(durationText(value as types.Duration));
    case 'inet':
      return { text: inetText(value), quoted: true };
    case 'custom':
      throw new CannotCarryError('a custom type, which has no text form that reads back');
    default:
      // int, bigint, smallint, tinyint, varint, counter, uuid, timeuuid: their digits or text.
      return plain(String(value));
  }
}

function items(value: unknown): unknown[] {
  if (value instanceof types.Vector) return [...value.elements];
  return [...(value as Iterable<unknown>)];
}

function entries(value: unknown): [unknown, unknown][] {
  if (typeof value === 'object' && value !== null && Symbol.iterator in value)
    return [...(value as Iterable<[unknown, unknown]>)];
  return Object.entries(value as object);
}

/** A UDT field name as CQL writes it: bare when it is a plain lower-case identifier, else in double quotes. */
const fieldName = (name: string): string => (/^[a-z][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);

/**
 * COPY FROM sends a set or map in Python's hash order, and Cassandra puts it in order again only
 * where it is a collection's element or the column itself — not inside a tuple or UDT, where it
 * would be kept as sent: the same elements, but not the same value (a key or an `=` would not match).
 */
function assertOrderKept(size: number, inTupleOrUdt: boolean, ctx: CsvValueContext): void {
  if (ctx.dialect === 'cqlsh' && inTupleOrUdt && size > 1)
    throw new CannotCarryError(
      'a set or map of more than one element inside a tuple or UDT: cqlsh COPY FROM writes it in its own order, which Cassandra keeps there',
    );
}

/** The value inside a literal; `ctx` decides how a null inside a tuple is written. */
function literal(value: unknown, shape: TypeShape, ctx: CsvValueContext, inTupleOrUdt = false): string {
  if (value === null || value === undefined) {
    // COPY FROM cannot read a null inside a tuple (it says "Empty values are not allowed").
    if (ctx.dialect === 'cqlsh') throw new CannotCarryError('a null inside a tuple, which cqlsh COPY FROM refuses');
    return 'null';
  }
  switch (shape.name) {
    case 'list':
    case 'vector':
      return `[${items(value)
        .map((v) => literal(v, shape.element, ctx, inTupleOrUdt))
        .join(', ')}]`;
    case 'set': {
      const elements = items(value);
      assertOrderKept(elements.length, inTupleOrUdt, ctx);
      return `{${elements.map((v) => literal(v, shape.element, ctx, inTupleOrUdt)).join(', ')}}`;
    }
    case 'map': {
      const pairs = entries(value);
      assertOrderKept(pairs.length, inTupleOrUdt, ctx);
      return `{${pairs
        .map(([k, v]) => `${literal(k, shape.key, ctx, inTupleOrUdt)}: ${literal(v, shape.value, ctx, inTupleOrUdt)}`)
        .join(', ')}}`;
    }
    case 'tuple': {
      const elements = value instanceof types.Tuple ? value.elements : items(value);
      return `(${shape.elements.map((t, i) => literal(elements[i], t, ctx, true)).join(', ')})`;
    }
    case 'udt': {
      const record = value as Record<string, unknown>;
      // A field left out reads back as null, in CQL and in COPY FROM alike.
      const present = shape.fields.filter((f) => record[f.name] !== null && record[f.name] !== undefined);
      return `{${present.map((f) => `${fieldName(f.name)}: ${literal(record[f.name], f.type, ctx, true)}`).join(', ')}}`;
    }
    default: {
      const s = scalar(value, shape, ctx);
      markerCheck(s.text, ctx);
      return s.quoted ? quote(s.text) : s.text;
    }
  }
}

/** COPY FROM compares each value, quotes removed, with the null marker: an equal one would come back null. */
function markerCheck(text: string, ctx: CsvValueContext): void {
  if (ctx.dialect === 'cqlsh' && text === ctx.nullMarker)
    throw new CannotCarryError(
      `the value ${JSON.stringify(text)} equals the null marker and would load as null; choose another null marker`,
    );
}

/** The field's text, before CSV quoting; null for a CQL null (written as the null marker). */
export function csvValue(value: unknown, shape: TypeShape, ctx: CsvValueContext): string | null {
  if (value === null || value === undefined) return null;
  switch (shape.name) {
    case 'list':
    case 'vector':
    case 'set':
    case 'map':
    case 'tuple':
    case 'udt':
      return literal(value, shape, ctx);
    default: {
      const s = scalar(value, shape, ctx);
      markerCheck(s.text, ctx);
      // Top-level values reach COPY FROM's converters as the CSV field is: text as stored, no quotes.
      return s.text;
    }
  }
}

export type CsvLineContext = CsvValueContext & { delimiter: string };

/**
 * One field of a line. RFC 4180: a field with the delimiter, a quote or a line break in quotes, quotes
 * doubled; an empty string `""` apart from null. cqlsh (Python's csv with `escapechar='\\'`,
 * `doublequote=False`): quotes and backslashes escaped with a backslash inside the quotes.
 */
export function csvField(f: string, ctx: CsvLineContext): string {
  const { delimiter, nullMarker } = ctx;
  if (ctx.dialect === 'cqlsh')
    return f.includes(delimiter) || /["\\]/.test(f) ? `"${f.replace(/[\\"]/g, (c) => `\\${c}`)}"` : f;
  if (f !== '' && f === nullMarker)
    throw new CannotCarryError(
      `the value ${JSON.stringify(f)} equals the null marker and would read back as null; choose another null marker`,
    );
  return f === '' || f.includes(delimiter) || /[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
}

/** One line of fields, a null as the null marker. */
export function csvLine(fields: (string | null)[], ctx: CsvLineContext): string {
  return fields.map((f) => (f === null ? ctx.nullMarker : csvField(f, ctx))).join(ctx.delimiter);
}
