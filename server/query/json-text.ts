import 'server-only';
/**
 * A row as a JSON object, written as text so integers of any size keep every digit (JSON numbers
 * have no size limit; JavaScript's do). Follows Cassandra's own toJson: numbers as numbers, uuids,
 * dates and times as strings, blobs as 0x… strings, collections as arrays and objects; NaN and
 * infinities, which JSON cannot hold, become strings. Pure.
 */
import { types } from 'cassandra-driver';
import type { CqlType } from './format-cql';

const { dataTypes } = types;

function subtypes(type: CqlType): CqlType[] {
  return (Array.isArray(type.info) ? type.info : [type.info]) as CqlType[];
}

function number(value: number): string {
  return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
}

export function jsonText(value: unknown, type: CqlType): string {
  if (value === null || value === undefined) return 'null';
  switch (type.code) {
    case dataTypes.int:
    case dataTypes.smallint:
    case dataTypes.tinyint:
    case dataTypes.float:
    case dataTypes.double:
      return number(value as number);
    case dataTypes.bigint:
    case dataTypes.counter:
    case dataTypes.varint:
    case dataTypes.decimal:
      // Long, Integer and BigDecimal print their exact digits; BigDecimal may use an exponent, which JSON allows.
      return String(value);
    case dataTypes.boolean:
      return value ? 'true' : 'false';
    case dataTypes.blob:
      return JSON.stringify(`0x${(value as Buffer).toString('hex')}`);
    case dataTypes.timestamp:
      return JSON.stringify(Number.isNaN((value as Date).getTime()) ? 'invalid date' : (value as Date).toISOString());
    case dataTypes.list:
    case dataTypes.set: {
      const [element] = subtypes(type);
      return `[${[...(value as Iterable<unknown>)].map((v) => jsonText(v, element)).join(', ')}]`;
    }
    case dataTypes.map: {
      const [keyType, valueType] = subtypes(type);
      const entries: [unknown, unknown][] = Symbol.iterator in (value as object) ? [...(value as Iterable<[unknown, unknown]>)] : Object.entries(value as object);
      // JSON keys are strings: a text key as it is, any other key as its JSON text.
      const key = (k: unknown) => JSON.stringify(typeof k === 'string' ? k : jsonText(k, keyType).replace(/^"|"$/g, ''));
      return `{${entries.map(([k, v]) => `${key(k)}: ${jsonText(v, valueType)}`).join(', ')}}`;
    }
    case dataTypes.tuple: {
      const elements = subtypes(type);
      return `[${(value as types.Tuple).values().map((v, i) => jsonText(v, elements[i])).join(', ')}]`;
    }
    case dataTypes.udt: {
      const fields = (type.info as { fields: { name: string; type: CqlType }[] }).fields;
      const record = value as Record<string, unknown>;
      return `{${fields.map((f) => `${JSON.stringify(f.name)}: ${jsonText(record[f.name], f.type)}`).join(', ')}}`;
    }
    default: {
      const vector = value as { elements?: unknown[] } | Float32Array;
      if (vector instanceof Float32Array) return `[${[...vector].map(number).join(', ')}]`;
      if (Array.isArray((vector as { elements?: unknown[] }).elements)) return `[${(vector as { elements: number[] }).elements.map(number).join(', ')}]`;
      // text, ascii, uuid, timeuuid, inet, date, time, duration: their string forms.
      return JSON.stringify(String(value));
    }
  }
}

export function rowJson(row: Record<string, unknown>, columns: { name: string; type: CqlType }[]): string {
  return `{${columns.map((c) => `${JSON.stringify(c.name)}: ${jsonText(row[c.name], c.type)}`).join(', ')}}`;
}
