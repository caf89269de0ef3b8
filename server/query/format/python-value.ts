import 'server-only';
/**
 * What Python's cassandra-driver (the one cqlsh runs on) would have decoded a cell into. cqlsh
 * formats those Python objects, so its output depends on their behaviour: sets are SortedSets built
 * by bisecting with Python's `<`, map entries are re-sorted with `sorted()`, inet addresses are
 * plain strings (so they sort as text), UUIDs sort by their 128-bit value, timestamps outside
 * years 1–9999 are integers. And when formatting fails, cqlsh prints `repr()` of the value.
 * The comparisons live in python-compare.ts.
 */
import { types } from 'cassandra-driver';
import type { TypeShape, UdtField } from './cql-type';
import { pythonTimestampMicros } from './format-number';
import { formatInet } from './format-inet';
import type { PyValue } from './python-object';
import { sortedSet } from './python-compare';

export type { PyValue } from './python-object';

const NONE: PyValue = { kind: 'none' };

/** Starts the text of a cell the formatter cannot print as cqlsh would, so the grid and an export show it. */
export const UNPRINTABLE_MARK = '⚠ unprintable';

function jsKind(value: unknown): string {
  if (value instanceof Date && Number.isNaN(value.getTime())) return 'an Invalid Date';
  if (typeof value !== 'object' || value === null) return `a ${typeof value}`;
  const name = value.constructor?.name ?? 'plain object';
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}

/** A cell value of the wrong shape for its type: marked, never passed off as the value. */
export function unprintable(value: unknown, typeName: string, why?: string): PyValue & { kind: 'opaque' } {
  const raw = String(value);
  const shown = raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
  return {
    kind: 'opaque',
    text: `${UNPRINTABLE_MARK} ${typeName}: ${shown}`,
    reason: why ?? `${typeName} cell holds ${jsKind(value)}`,
  };
}

// Duration's fields exist at runtime but are missing from the driver's typings.
interface DurationFields {
  months: number;
  days: number;
  nanoseconds: { toString(): string };
}

function iterableItems(value: unknown): unknown[] {
  if (value instanceof types.Vector) return [...value.elements];
  if (typeof value === 'object' && value !== null && Symbol.iterator in value) return [...(value as Iterable<unknown>)];
  return [];
}

/** Map entries in the order Cassandra sent them; a plain object is what the driver gives without `encoding.map`. */
function mapEntries(value: unknown): [unknown, unknown][] {
  if (value instanceof Map) return [...value.entries()];
  if (typeof value === 'object' && value !== null && !(Symbol.iterator in value)) return Object.entries(value);
  return iterableItems(value) as [unknown, unknown][];
}

function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  return Buffer.from(String(value));
}

export function toPython(value: unknown, shape: TypeShape): PyValue {
  if (value === null || value === undefined) return NONE;
  switch (shape.name) {
    case 'ascii':
    case 'text':
    case 'varchar':
      return { kind: 'str', value: String(value) };
    case 'int':
    case 'smallint':
    case 'tinyint':
    case 'bigint':
    case 'counter':
    case 'varint':
      return { kind: 'int', value: BigInt(String(value)) };
    case 'float':
    case 'double':
      return { kind: 'float', value: Number(value) };
    case 'boolean':
      return { kind: 'bool', value: value === true };
    case 'uuid':
    case 'timeuuid':
      return { kind: 'uuid', value: String(value).toLowerCase() };
    case 'decimal':
      return value instanceof types.BigDecimal
        ? decimalOf(types.BigDecimal.toBuffer(value))
        : unprintable(value, 'decimal');
    case 'timestamp': {
      const ms = value instanceof Date ? value.getTime() : Number(value);
      // Past ±8.64e15 ms the driver can only give an Invalid Date: the milliseconds are lost.
      if (!Number.isFinite(ms))
        return unprintable(value, 'timestamp', 'timestamp beyond the ±8.64e15 ms a JavaScript Date holds');
      const micros = pythonTimestampMicros(ms);
      return micros === null ? { kind: 'int', value: BigInt(ms) } : { kind: 'datetime', micros };
    }
    case 'date':
      return value instanceof types.LocalDate
        ? { kind: 'date', days: value.toBuffer().readUInt32BE(0) - 2 ** 31 }
        : unprintable(value, 'date');
    case 'time':
      return value instanceof types.LocalTime
        ? { kind: 'time', nanos: BigInt(value.getTotalNanoseconds().toString()) }
        : unprintable(value, 'time');
    case 'duration': {
      if (!(value instanceof types.Duration)) return unprintable(value, 'duration');
      const d = value as unknown as DurationFields;
      return { kind: 'duration', months: d.months, days: d.days, nanos: BigInt(d.nanoseconds.toString()) };
    }
    case 'inet':
      return { kind: 'str', value: value instanceof types.InetAddress ? formatInet(value.getBuffer()) : String(value) };
    case 'blob':
    case 'custom':
      return { kind: 'bytes', value: toBytes(value) };
    case 'list':
      return { kind: 'list', items: iterableItems(value).map((v) => toPython(v, shape.element)) };
    case 'vector':
      return { kind: 'list', items: iterableItems(value).map((v) => toPython(v, shape.element)) };
    case 'set':
      return { kind: 'sortedset', items: sortedSet(iterableItems(value).map((v) => toPython(v, shape.element))) };
    case 'map':
      return {
        kind: 'map',
        entries: mapEntries(value).map(([k, v]) => [toPython(k, shape.key), toPython(v, shape.value)]),
      };
    case 'tuple': {
      const elements = value instanceof types.Tuple ? value.elements : iterableItems(value);
      return { kind: 'tuple', items: shape.elements.map((t, i) => toPython(elements[i], t)) };
    }
    case 'udt':
      return udtOf(value as Record<string, unknown>, shape.typeName, shape.fields);
  }
}

function decimalOf(buffer: Buffer): PyValue {
  const scale = buffer.readInt32BE(0);
  const bytes = buffer.subarray(4);
  let unscaled = bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
  const first = bytes[0];
  if (first !== undefined && first >= 0x80) unscaled -= 1n << BigInt(bytes.length * 8);
  return { kind: 'decimal', unscaled, scale };
}

const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);

const isIdentifier = (name: string): boolean =>
  /^[\p{XID_Start}_]\p{XID_Continue}*$/u.test(name) && !PYTHON_KEYWORDS.has(name);

/**
 * The driver makes a namedtuple per UDT. Field names Python rejects become `field_<i>_`; a type
 * name it rejects leaves a bare tuple, which cqlsh then cannot format.
 */
function udtOf(value: Record<string, unknown>, typeName: string, fields: UdtField[]): PyValue {
  const items = fields.map((f) => toPython(value[f.name], f.type));
  const names = fields.map((f) => f.name);
  const fieldsValid = names.every((n) => isIdentifier(n) && !n.startsWith('_')) && new Set(names).size === names.length;
  if (!isIdentifier(typeName)) return { kind: 'tuple', items };
  const fieldNames = fieldsValid
    ? names
    : names.map((n, i) =>
        /^[\p{L}\p{N}_]+$/u.test(n) && !/^[\p{N}_]/u.test(n) && !PYTHON_KEYWORDS.has(n) ? n : `field_${i}_`,
      );
  return { kind: 'namedtuple', typeName, fieldNames, items };
}
