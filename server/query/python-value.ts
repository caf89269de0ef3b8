/**
 * What Python's cassandra-driver (the one cqlsh runs on) would have decoded a cell into. cqlsh
 * formats those Python objects, so its output depends on their behaviour: sets are SortedSets built
 * by bisecting with Python's `<`, map entries are re-sorted with `sorted()`, inet addresses are
 * plain strings (so they sort as text), UUIDs sort by their 128-bit value, timestamps outside
 * years 1–9999 are integers. And when formatting fails, cqlsh prints `repr()` of the value.
 */
import { types } from 'cassandra-driver';
import type { TypeShape, UdtField } from './cql-type';
import { pythonTimestampMicros } from './format-number';
import { formatInet } from './format-inet';

export type PyValue =
  | { kind: 'none' }
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'str'; value: string }
  | { kind: 'bytes'; value: Uint8Array }
  | { kind: 'decimal'; unscaled: bigint; scale: number }
  | { kind: 'uuid'; value: string }
  | { kind: 'datetime'; micros: bigint }
  | { kind: 'date'; days: number }
  | { kind: 'time'; nanos: bigint }
  | { kind: 'duration'; months: number; days: number; nanos: bigint }
  | { kind: 'list' | 'tuple' | 'sortedset'; items: PyValue[] }
  | { kind: 'map'; entries: [PyValue, PyValue][] }
  | { kind: 'namedtuple'; typeName: string; fieldNames: string[]; items: PyValue[] }
  | { kind: 'opaque'; text: string };

/** Python raised TypeError comparing two values (None with anything, dicts, durations…). */
export class PyTypeError extends Error {}

const NONE: PyValue = { kind: 'none' };

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
      return value instanceof types.BigDecimal ? decimalOf(types.BigDecimal.toBuffer(value)) : { kind: 'opaque', text: String(value) };
    case 'timestamp': {
      const ms = value instanceof Date ? value.getTime() : Number(value);
      // Past ±8.64e15 ms the driver can only give an Invalid Date: the milliseconds are lost.
      if (!Number.isFinite(ms)) return { kind: 'opaque', text: String(value) };
      const micros = pythonTimestampMicros(ms);
      return micros === null ? { kind: 'int', value: BigInt(ms) } : { kind: 'datetime', micros };
    }
    case 'date':
      return value instanceof types.LocalDate ? { kind: 'date', days: value.toBuffer().readUInt32BE(0) - 2 ** 31 } : { kind: 'opaque', text: String(value) };
    case 'time':
      return value instanceof types.LocalTime ? { kind: 'time', nanos: BigInt(value.getTotalNanoseconds().toString()) } : { kind: 'opaque', text: String(value) };
    case 'duration': {
      if (!(value instanceof types.Duration)) return { kind: 'opaque', text: String(value) };
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
    case 'map': {
      const entries = iterableItems(value instanceof Map ? value.entries() : value) as [unknown, unknown][];
      return { kind: 'map', entries: entries.map(([k, v]) => [toPython(k, shape.key), toPython(v, shape.value)]) };
    }
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
  if (bytes.length > 0 && bytes[0] >= 0x80) unscaled -= 1n << BigInt(bytes.length * 8);
  return { kind: 'decimal', unscaled, scale };
}

const PYTHON_KEYWORDS = new Set(
  ('False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '),
);

const isIdentifier = (name: string): boolean => /^[\p{XID_Start}_]\p{XID_Continue}*$/u.test(name) && !PYTHON_KEYWORDS.has(name);

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
    : names.map((n, i) => (/^[\p{L}\p{N}_]+$/u.test(n) && !/^[\p{N}_]/u.test(n) && !PYTHON_KEYWORDS.has(n) ? n : `field_${i}_`));
  return { kind: 'namedtuple', typeName, fieldNames, items };
}

/** cassandra.util.SortedSet: each element bisected in with `<`, dropped when `==` to its neighbour. */
function sortedSet(elements: PyValue[]): PyValue[] {
  const items: PyValue[] = [];
  for (const x of elements) {
    const at = insertionPoint(items, x);
    if (at >= items.length || !pyEq(items[at], x)) items.splice(at, 0, x);
  }
  return items;
}

function insertionPoint(items: PyValue[], x: PyValue): number {
  let lo = 0;
  let hi = items.length;
  try {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pyLt(items[mid], x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  } catch (error) {
    if (!(error instanceof PyTypeError)) throw error;
  }
  // The driver's fallback when elements do not compare: scan for the first one not below x.
  let comparedOne = false;
  for (lo = 0; lo < hi; lo++) {
    try {
      if (pyEq(items[lo], x) || !pyLt(items[lo], x)) break;
      comparedOne = true;
    } catch (error) {
      if (!(error instanceof PyTypeError)) throw error;
      if (comparedOne) break;
    }
  }
  return lo;
}

function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function decimalCompare(a: { unscaled: bigint; scale: number }, b: { unscaled: bigint; scale: number }): number {
  const sa = a.unscaled === 0n ? 0 : a.unscaled < 0n ? -1 : 1;
  const sb = b.unscaled === 0n ? 0 : b.unscaled < 0n ? -1 : 1;
  if (sa !== sb || sa === 0) return sa - sb;
  // Different orders of magnitude decide without building 10^scale for far-apart scales.
  const magnitude = (d: { unscaled: bigint; scale: number }): number => (d.unscaled < 0n ? -d.unscaled : d.unscaled).toString().length - d.scale;
  const ma = magnitude(a);
  const mb = magnitude(b);
  if (ma !== mb) return ma > mb ? sa : -sa;
  const scale = Math.max(a.scale, b.scale);
  const x = a.unscaled * 10n ** BigInt(scale - a.scale);
  const y = b.unscaled * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

function sequenceLt(a: PyValue[], b: PyValue[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (!pyEq(a[i], b[i])) return pyLt(a[i], b[i]);
  }
  return a.length < b.length;
}

function contains(items: PyValue[], x: PyValue): boolean {
  return items.some((item) => pyEq(item, x));
}

/** Python's `a < b` for two decoded values of the same CQL type. */
export function pyLt(a: PyValue, b: PyValue): boolean {
  switch (a.kind) {
    case 'int':
      if (b.kind === 'int') return a.value < b.value;
      break;
    case 'float':
      if (b.kind === 'float') return a.value < b.value;
      break;
    case 'bool':
      if (b.kind === 'bool') return !a.value && b.value;
      break;
    case 'str':
    case 'uuid':
      if (b.kind === a.kind) return compareCodePoints(a.value, b.value) < 0;
      break;
    case 'bytes':
      if (b.kind === 'bytes') return Buffer.compare(a.value, b.value) < 0;
      break;
    case 'decimal':
      if (b.kind === 'decimal') return decimalCompare(a, b) < 0;
      break;
    case 'datetime':
      if (b.kind === 'datetime') return a.micros < b.micros;
      break;
    case 'date':
      if (b.kind === 'date') return a.days < b.days;
      break;
    case 'time':
      if (b.kind === 'time') return a.nanos < b.nanos;
      break;
    case 'list':
    case 'tuple':
    case 'namedtuple':
      if ((b.kind === 'list' && a.kind === 'list') || ((b.kind === 'tuple' || b.kind === 'namedtuple') && a.kind !== 'list')) {
        return sequenceLt(a.items, b.items);
      }
      break;
    case 'sortedset':
      // SortedSet orders by inclusion, like Python's set: a proper subset is "less".
      if (b.kind === 'sortedset') return b.items.length > a.items.length && a.items.every((x) => contains(b.items, x));
      break;
  }
  throw new PyTypeError(`'<' not supported between ${a.kind} and ${b.kind}`);
}

/** Python's `a == b`; `NaN` is unequal to itself (the driver never hands out the same float object twice). */
export function pyEq(a: PyValue, b: PyValue): boolean {
  switch (a.kind) {
    case 'none':
      return b.kind === 'none';
    case 'int':
    case 'float':
    case 'bool':
    case 'str':
    case 'uuid':
      return b.kind === a.kind && a.value === b.value;
    case 'bytes':
      return b.kind === 'bytes' && Buffer.compare(a.value, b.value) === 0;
    case 'decimal':
      return b.kind === 'decimal' && decimalCompare(a, b) === 0;
    case 'datetime':
      return b.kind === 'datetime' && a.micros === b.micros;
    case 'date':
      return b.kind === 'date' && a.days === b.days;
    case 'time':
      return b.kind === 'time' && a.nanos === b.nanos;
    case 'duration':
      return b.kind === 'duration' && a.months === b.months && a.days === b.days && a.nanos === b.nanos;
    case 'list':
    case 'tuple':
    case 'namedtuple':
    case 'sortedset': {
      const sameFamily = a.kind === 'list' || a.kind === 'sortedset' ? b.kind === a.kind : b.kind === 'tuple' || b.kind === 'namedtuple';
      return sameFamily && 'items' in b && a.items.length === b.items.length && a.items.every((x, i) => pyEq(x, b.items[i]));
    }
    case 'map':
      return b.kind === 'map' && a.entries.length === b.entries.length && a.entries.every(([k, v], i) => pyEq(k, b.entries[i][0]) && pyEq(v, b.entries[i][1]));
    case 'opaque':
      return b.kind === 'opaque' && a.text === b.text;
  }
}
