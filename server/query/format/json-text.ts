import 'server-only';
/**
 * A row as a JSON object, written as text so integers of any size keep every digit (JSON numbers
 * have no size limit; JavaScript's do). Follows Cassandra's own toJson: numbers as numbers, uuids,
 * dates and times as strings, blobs as 0x… strings, collections as arrays and objects; NaN and
 * infinities, which JSON cannot hold, become strings. Pure.
 */
import type { types } from 'cassandra-driver';
import { shapeOf, type CqlType, type TypeShape } from './cql-type';

function number(value: number): string {
  return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
}

function jsonOf(value: unknown, shape: TypeShape): string {
  if (value === null || value === undefined) return 'null';
  switch (shape.name) {
    case 'int':
    case 'smallint':
    case 'tinyint':
    case 'float':
    case 'double':
      return number(value as number);
    case 'bigint':
    case 'counter':
    case 'varint':
    case 'decimal':
      // Long, Integer and BigDecimal print their exact digits; BigDecimal may use an exponent, which JSON allows.
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'blob':
      return JSON.stringify(`0x${(value as Buffer).toString('hex')}`);
    case 'timestamp':
      return JSON.stringify(Number.isNaN((value as Date).getTime()) ? 'invalid date' : (value as Date).toISOString());
    case 'list':
    case 'set':
      return `[${[...(value as Iterable<unknown>)].map((v) => jsonOf(v, shape.element)).join(', ')}]`;
    case 'vector': {
      const elements = value instanceof Float32Array ? [...value] : (value as { elements: number[] }).elements;
      return `[${elements.map(number).join(', ')}]`;
    }
    case 'map': {
      const entries: [unknown, unknown][] =
        Symbol.iterator in (value as object)
          ? [...(value as Iterable<[unknown, unknown]>)]
          : Object.entries(value as object);
      // JSON keys are strings: a text key as it is, any other key as its JSON text.
      const key = (k: unknown) =>
        JSON.stringify(typeof k === 'string' ? k : jsonOf(k, shape.key).replace(/^"|"$/g, ''));
      return `{${entries.map(([k, v]) => `${key(k)}: ${jsonOf(v, shape.value)}`).join(', ')}}`;
    }
    case 'tuple':
      return `[${(value as types.Tuple)
        .values()
        .map((v, i) => {
          // The driver decodes a tuple with one value per element type: a missing type is a bug.
          const element = shape.elements[i];
          if (element === undefined)
            throw new Error(`tuple value ${i} has no element type (the type has ${shape.elements.length})`);
          return jsonOf(v, element);
        })
        .join(', ')}]`;
    case 'udt': {
      const record = value as Record<string, unknown>;
      return `{${shape.fields.map((f) => `${JSON.stringify(f.name)}: ${jsonOf(record[f.name], f.type)}`).join(', ')}}`;
    }
    default:
      // text, ascii, uuid, timeuuid, inet, date, time, duration: their string forms.
      return JSON.stringify(String(value));
  }
}

export function jsonText(value: unknown, type: CqlType): string {
  return jsonOf(value, shapeOf(type));
}

export function rowJson(row: Record<string, unknown>, columns: { name: string; type: CqlType }[]): string {
  return `{${columns.map((c) => `${JSON.stringify(c.name)}: ${jsonText(row[c.name], c.type)}`).join(', ')}}`;
}
