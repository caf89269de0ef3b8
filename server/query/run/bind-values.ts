import 'server-only';
/**
 * Turns the values a user typed for a statement's bind markers (JSON: strings, numbers, booleans,
 * arrays, objects, null) into what the driver encodes for each marker's CQL type. The driver already
 * accepts strings for most scalar types; this adds what it does not (hex blobs, tuples, durations,
 * vectors, non-text map keys) and names the marker when a value does not fit. Given the driver's
 * encoder, each converted value is also encoded once here, so a value the driver cannot encode for its
 * marker (an unparsable uuid or inet, say) is a BindValueError naming the marker — the only failure
 * the workbench calls a bind error. Pure apart from that encoder.
 */
import { types } from 'cassandra-driver';
import { CqlMap } from '../../cluster/cql-collections';
import { shapeOf, type CqlType, type TypeShape } from '../format/cql-type';
import type { JsonValue } from '@/lib/cql/json-value';

export type { JsonValue };

export class BindValueError extends Error {}

/** The driver's encoder for one marker's type: throws (a TypeError) when the value cannot be encoded. */
export type EncodeValue = (value: unknown, type: CqlType) => unknown;

function fail(path: string, expected: string, value: JsonValue): never {
  throw new BindValueError(`${path}: expected ${expected}, got ${JSON.stringify(value)}`);
}

/** A `[key, value]` pair of a map written as an array of pairs, or null when it is not one. */
function pairOf(pair: JsonValue): [JsonValue, JsonValue] | null {
  if (!Array.isArray(pair) || pair.length !== 2) return null;
  const [key, value] = pair;
  return key === undefined || value === undefined ? null : [key, value];
}

function integer(path: string, value: JsonValue, bits: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  const limit = 2 ** (bits - 1);
  if (typeof n !== 'number' || !Number.isInteger(n) || n < -limit || n >= limit)
    fail(path, `an integer that fits ${bits} bits`, value);
  return n;
}

/** Converts one value for a marker of `type`; `path` names it in errors ("value 2 (ids)"). */
export function toDriverValue(value: JsonValue, type: CqlType, path: string): unknown {
  return convert(value, shapeOf(type), path);
}

const NUMERIC_KEYS = new Set(['int', 'smallint', 'tinyint', 'float', 'double']);

function convert(value: JsonValue, shape: TypeShape, path: string): unknown {
  if (value === null) return null;
  switch (shape.name) {
    case 'int':
      return integer(path, value, 32);
    case 'smallint':
      return integer(path, value, 16);
    case 'tinyint':
      return integer(path, value, 8);
    case 'bigint':
    case 'counter':
    case 'varint':
    case 'decimal':
      // Strings keep every digit; the driver parses them into Long / Integer / BigDecimal.
      if (typeof value !== 'string' && typeof value !== 'number') fail(path, 'a number or a string of digits', value);
      return String(value);
    case 'float':
    case 'double':
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && ['NaN', 'Infinity', '-Infinity'].includes(value)) return Number(value);
      if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
      return fail(path, 'a number', value);
    case 'boolean':
      if (typeof value !== 'boolean') fail(path, 'true or false', value);
      return value;
    case 'blob':
      if (typeof value !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(value))
        fail(path, 'a blob written 0x… in hex', value);
      return Buffer.from(value.slice(2), 'hex');
    case 'duration':
      if (typeof value !== 'string') fail(path, "a duration such as '1h30m' or 'P1DT2H'", value);
      return types.Duration.fromString(value);
    case 'timestamp':
      if (typeof value === 'number') return new Date(value);
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
        fail(path, "a timestamp such as '2024-05-01T12:00:00Z' or epoch milliseconds", value);
      return new Date(value);
    case 'list':
    case 'set': {
      if (!Array.isArray(value)) fail(path, 'an array', value);
      const { element } = shape;
      return value.map((v, i) => convert(v, element, `${path}[${i}]`));
    }
    case 'map': {
      // An object's keys are strings; an array of [key, value] pairs lets a key be any JSON value.
      const entries: [JsonValue, JsonValue][] = Array.isArray(value)
        ? value.map((pair, i) => pairOf(pair) ?? fail(`${path}[${i}]`, 'a [key, value] pair', pair))
        : typeof value === 'object'
          ? Object.entries(value)
          : fail(path, 'an object or an array of [key, value] pairs', value);
      const numericKey = NUMERIC_KEYS.has(shape.key.name);
      return new CqlMap(
        entries.map(([k, v]) => [
          convert(numericKey && typeof k === 'string' ? Number(k) : k, shape.key, `${path} key ${JSON.stringify(k)}`),
          convert(v, shape.value, `${path}[${JSON.stringify(k)}]`),
        ]),
      );
    }
    case 'tuple': {
      const { elements } = shape;
      if (!Array.isArray(value) || value.length !== elements.length)
        fail(path, `an array of ${elements.length} elements`, value);
      return types.Tuple.fromArray(
        value.map((v, i) => {
          const element = elements[i];
          // The length was checked above: a missing element type is a bug.
          if (element === undefined) throw new Error(`${path}: no element type for element ${i}`);
          return convert(v, element, `${path}[${i}]`);
        }),
      );
    }
    case 'udt': {
      const { fields } = shape;
      if (typeof value !== 'object' || Array.isArray(value))
        fail(path, `an object with fields ${fields.map((f) => f.name).join(', ')}`, value);
      const unknown = Object.keys(value).filter((k) => !fields.some((f) => f.name === k));
      if (unknown.length) fail(path, `only the fields ${fields.map((f) => f.name).join(', ')}`, value);
      return Object.fromEntries(
        fields.map((f) => {
          const given = f.name in value ? value[f.name] : undefined;
          return [f.name, given === undefined ? null : convert(given, f.type, `${path}.${f.name}`)];
        }),
      );
    }
    case 'vector':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'number')) fail(path, 'an array of numbers', value);
      return new types.Vector(value as number[], 'float');
    default:
      // text, ascii, uuid, timeuuid, inet, date, time: the driver parses their string forms.
      if (typeof value === 'object') fail(path, 'a string', value);
      return value;
  }
}

/**
 * `encode` (the client's own encoder, see prepare.ts) checks each value as execute will encode it;
 * without it only this module's own conversions are checked.
 */
export function toDriverValues(
  values: JsonValue[],
  markers: { name: string; type: CqlType }[],
  encode?: EncodeValue,
): unknown[] {
  if (values.length !== markers.length) {
    throw new BindValueError(
      `the statement has ${markers.length} bind marker${markers.length === 1 ? '' : 's'} (${markers.map((m) => m.name).join(', ') || 'none'}) but ${values.length} value${values.length === 1 ? ' was' : 's were'} given`,
    );
  }
  return values.map((value, i) => {
    const marker = markers[i];
    // The counts were checked above: a missing marker is a bug.
    if (marker === undefined) throw new Error(`no bind marker for value ${i + 1} of ${values.length}`);
    const path = `value ${i + 1} (${marker.name})`;
    const converted = toDriverValue(value, marker.type, path);
    if (encode) {
      try {
        encode(converted, marker.type);
      } catch (error) {
        // The driver's encoder reports a value that does not fit with TypeError; anything else is not about the value.
        if (error instanceof TypeError)
          throw new BindValueError(`${path}: ${error.message} (given ${JSON.stringify(value)})`, { cause: error });
        throw error;
      }
    }
    return converted;
  });
}
