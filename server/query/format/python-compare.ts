/**
 * Python's `<` and `==` between values its cassandra-driver decodes, and the SortedSet the driver
 * builds with them. They decide the order cqlsh prints set elements and map entries in, which is
 * not Cassandra's: timeuuids by 128-bit value, inet addresses as text, sets of sets by inclusion,
 * NaN bisected to the front.
 */
import type { PyValue } from './python-object';

/** Python raised TypeError comparing two values (None with anything, dicts, durations…). */
export class PyTypeError extends Error {}

/** `items[i]` where the caller has checked that i is in range: a missing element is a bug. */
function elementAt<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`python-compare: no element at index ${i} of ${items.length}`);
  return item;
}

/** cassandra.util.SortedSet: each element bisected in with `<`, dropped when `==` to its neighbour. */
export function sortedSet(elements: PyValue[]): PyValue[] {
  const items: PyValue[] = [];
  for (const x of elements) {
    const at = insertionPoint(items, x);
    const neighbour = items[at];
    if (neighbour === undefined || !pyEq(neighbour, x)) items.splice(at, 0, x);
  }
  return items;
}

function insertionPoint(items: PyValue[], x: PyValue): number {
  let lo = 0;
  let hi = items.length;
  try {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pyLt(elementAt(items, mid), x)) lo = mid + 1;
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
      const item = elementAt(items, lo);
      if (pyEq(item, x) || !pyLt(item, x)) break;
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
    const d = (elementAt(x, i).codePointAt(0) ?? 0) - (elementAt(y, i).codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function decimalCompare(a: { unscaled: bigint; scale: number }, b: { unscaled: bigint; scale: number }): number {
  const sa = a.unscaled === 0n ? 0 : a.unscaled < 0n ? -1 : 1;
  const sb = b.unscaled === 0n ? 0 : b.unscaled < 0n ? -1 : 1;
  if (sa !== sb || sa === 0) return sa - sb;
  // Different orders of magnitude decide without building 10^scale for far-apart scales.
  const magnitude = (d: { unscaled: bigint; scale: number }): number =>
    (d.unscaled < 0n ? -d.unscaled : d.unscaled).toString().length - d.scale;
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
    const x = elementAt(a, i);
    const y = elementAt(b, i);
    if (!pyEq(x, y)) return pyLt(x, y);
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
      if (
        (b.kind === 'list' && a.kind === 'list') ||
        ((b.kind === 'tuple' || b.kind === 'namedtuple') && a.kind !== 'list')
      ) {
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
      const sameFamily =
        a.kind === 'list' || a.kind === 'sortedset' ? b.kind === a.kind : b.kind === 'tuple' || b.kind === 'namedtuple';
      return (
        sameFamily &&
        'items' in b &&
        a.items.length === b.items.length &&
        a.items.every((x, i) => pyEq(x, elementAt(b.items, i)))
      );
    }
    case 'map':
      return (
        b.kind === 'map' &&
        a.entries.length === b.entries.length &&
        a.entries.every(([k, v], i) => {
          const entry = elementAt(b.entries, i);
          return pyEq(k, entry[0]) && pyEq(v, entry[1]);
        })
      );
    case 'opaque':
      return b.kind === 'opaque' && a.text === b.text;
  }
}
