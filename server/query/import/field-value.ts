import 'server-only';
/**
 * One value of an imported file → the driver value for a prepared statement's parameter of that
 * type: the exact inverse of the export (csv-value.ts for CSV fields, json-text.ts for JSON lines),
 * and of cqlsh's COPY TO and Cassandra's `SELECT JSON`. Anything that is not a value of the type is
 * an ImportValueError whose message is the reason, never a value coerced into something else. Pure.
 *
 * JSON numbers are best given with their digits (jsonl-records.ts hands them on as JsonNumberText;
 * lossless-json's LosslessNumber is read too): a plain JavaScript number is taken where it is exact,
 * and refused for a bigint or varint beyond 2^53, whose digits `JSON.parse` may already have changed.
 */
import { parse as parseJson } from 'lossless-json';
import { cqlTypeName, type ScalarName, type TypeShape, type UdtField } from '../format/cql-type';
import { parseCqlLiteral } from './cql-literal';
import { JsonNumberText } from './jsonl-records';
import { listValue, mapValue, setUdtField, tupleValue, udtField, udtValue, vectorValue } from './value-collections';
import { fail, ImportValueError, shown } from './value-error';
import { jsonMapOrder } from './value-map-order';
import { article, scalarValue } from './value-scalar';

export { ImportValueError };

/** A CSV field's text (already unquoted by the CSV reader; the null marker already null) → the driver value. */
export function csvFieldValue(text: string, shape: TypeShape): unknown {
  switch (shape.name) {
    case 'list':
    case 'set':
    case 'map':
    case 'tuple':
    case 'udt':
    case 'vector':
      return parseCqlLiteral(text, shape);
    default:
      // A top-level scalar is written raw, without the quotes it has inside a literal.
      return scalarValue(text, shape.name);
  }
}

const NUMERIC = new Set<ScalarName>([
  'tinyint',
  'smallint',
  'int',
  'bigint',
  'counter',
  'varint',
  'float',
  'double',
  'decimal',
]);
const EXACT_INTEGERS = new Set<ScalarName>(['bigint', 'counter', 'varint']);

/** The digits of a JSON number as written, or null when the value is not a number. */
function numberText(value: unknown, name: ScalarName): string | null {
  if (value instanceof JsonNumberText) return value.text;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object' && value !== null && Reflect.get(value, 'isLosslessNumber') === true) {
    const digits: unknown = Reflect.get(value, 'value');
    return typeof digits === 'string' ? digits : null;
  }
  if (typeof value !== 'number') return null;
  if (EXACT_INTEGERS.has(name) && Number.isInteger(value) && !Number.isSafeInteger(value))
    fail(`${value} cannot be read exactly as ${article(name)}: the JSON number was read as a double, beyond 2^53`);
  // String(-0) is "0": the sign of a double's zero would be lost.
  return Object.is(value, -0) ? '-0.0' : String(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${shown(value)}`;
  if (typeof value === 'object' && value !== null) return numberText(value, 'double') ?? 'an object';
  return String(value);
}

function expected(what: string, shape: TypeShape, value: unknown): never {
  return fail(`expected ${what} for ${cqlTypeName(shape)}, got ${describe(value)}`);
}

/**
 * A JSON scalar: numbers for numeric types (their strings too, and "NaN", "Infinity", which JSON has
 * no number for), true/false for booleans, milliseconds or a string for timestamps, strings for the
 * rest — where Cassandra's `INSERT JSON` refuses a number for text, so does this.
 */
function jsonScalar(value: unknown, name: ScalarName): unknown {
  const shape = { name };
  if (NUMERIC.has(name)) {
    const digits = numberText(value, name);
    if (digits !== null) return scalarValue(digits, name);
    if (typeof value === 'string') return scalarValue(value, name);
    return expected('a number', shape, value);
  }
  if (name === 'boolean') {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') return scalarValue(value, name);
    return expected('true or false', shape, value);
  }
  if (name === 'timestamp') {
    const digits = numberText(value, 'bigint');
    if (digits !== null) return scalarValue(digits, name);
  }
  if (typeof value !== 'string') return expected('a string', shape, value);
  return scalarValue(value, name);
}

/**
 * A map's key, always a JSON string: a text key as it is; a collection, tuple or UDT key holds its own
 * JSON; any other key is its JSON with the quotes removed (`"5"`, `"2020-01-01"`, `"NaN"`), as Cassandra
 * writes them.
 */
function jsonMapKey(key: string, shape: TypeShape): unknown {
  switch (shape.name) {
    case 'list':
    case 'set':
    case 'map':
    case 'tuple':
    case 'udt':
    case 'vector': {
      let parsed: unknown;
      try {
        parsed = parseJson(key, null, (digits) => new JsonNumberText(digits));
      } catch {
        return fail(`the map key ${shown(key)} is not the JSON of a ${cqlTypeName(shape)}`);
      }
      return jsonFieldValue(parsed, shape);
    }
    default:
      return scalarValue(key, shape.name);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && numberText(value, 'double') === null;
}

function jsonArray(value: unknown, shape: TypeShape, element: (index: number) => TypeShape | undefined): unknown[] {
  if (!Array.isArray(value)) return expected('an array', shape, value);
  return value.map((v: unknown, i) => {
    const type = element(i);
    // Only a tuple has a type per position: an extra element is reported by its count.
    return type === undefined ? v : jsonFieldValue(v, type);
  });
}

/** A JSON value as rowJson writes it (and as Cassandra's SELECT JSON writes it) → the driver value. */
export function jsonFieldValue(value: unknown, shape: TypeShape): unknown {
  if (value === null || value === undefined) return null;
  switch (shape.name) {
    case 'list':
    case 'set':
      return listValue(
        jsonArray(value, shape, () => shape.element),
        shape,
      );
    case 'vector':
      return vectorValue(
        jsonArray(value, shape, () => shape.element),
        shape,
      );
    case 'tuple':
      return tupleValue(
        jsonArray(value, shape, (i) => shape.elements[i]),
        shape,
      );
    case 'map': {
      if (!isObject(value)) return expected('an object', shape, value);
      const keys = Object.keys(value);
      const entries = keys.map((k): [unknown, unknown] => [
        jsonMapKey(k, shape.key),
        jsonFieldValue(value[k], shape.value),
      ]);
      return mapValue(jsonMapOrder(keys, entries, shape.key), shape);
    }
    case 'udt': {
      if (!isObject(value)) return expected('an object', shape, value);
      const given = new Map<UdtField, unknown>();
      for (const [key, v] of Object.entries(value)) {
        // SELECT JSON puts a name that is not plain lower case in double quotes inside the key.
        const quoted = /^"(.*)"$/s.exec(key);
        const field = udtField(shape, quoted ? (quoted[1] ?? '').replace(/""/g, '"') : key, quoted !== null);
        setUdtField(given, field, jsonFieldValue(v, field.type), shape);
      }
      return udtValue(given, shape);
    }
    default:
      return jsonScalar(value, shape.name);
  }
}
