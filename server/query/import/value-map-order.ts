import 'server-only';
/**
 * A JSON object does not keep the order of its keys when a key looks like an array index ("0",
 * "17", "2146764485"): JavaScript lists those first, ascending. Cassandra keeps a map sorted by its
 * key type, and the export writes it so; where a map sits inside a tuple or UDT the order is part of
 * the value (Cassandra does not sort it again there). So where JSON may have moved the keys, the
 * entries are put back in Cassandra's order for the key types whose JSON keys can look like indexes.
 * Pure.
 */
import type { types } from 'cassandra-driver';
import type { ScalarName, TypeShape } from '../format/cql-type';

type Compare = (a: unknown, b: unknown) => number;

/** Java's Double.compare: -0.0 before 0.0, NaN after everything, equal to itself. */
const compareDouble = (a: number, b: number): number => {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
  if (a !== b) return a < b ? -1 : 1;
  return Object.is(a, -0) === Object.is(b, -0) ? 0 : Object.is(a, -0) ? -1 : 1;
};

const COMPARE = new Map<ScalarName, Compare>([
  ['tinyint', (a, b) => (a as number) - (b as number)],
  ['smallint', (a, b) => (a as number) - (b as number)],
  ['int', (a, b) => (a as number) - (b as number)],
  ['bigint', (a, b) => (a as types.Long).compare(b as types.Long)],
  ['counter', (a, b) => (a as types.Long).compare(b as types.Long)],
  ['varint', (a, b) => (a as types.Integer).compare(b as types.Integer)],
  ['decimal', (a, b) => (a as types.BigDecimal).compare(b as types.BigDecimal)],
  ['float', (a, b) => compareDouble(a as number, b as number)],
  ['double', (a, b) => compareDouble(a as number, b as number)],
  // Dates compare as their unsigned day counts, text as its UTF-8 bytes.
  ['date', (a, b) => Buffer.compare((a as types.LocalDate).toBuffer(), (b as types.LocalDate).toBuffer())],
  ['text', (a, b) => Buffer.compare(Buffer.from(a as string), Buffer.from(b as string))],
  ['varchar', (a, b) => Buffer.compare(Buffer.from(a as string), Buffer.from(b as string))],
  ['ascii', (a, b) => Buffer.compare(Buffer.from(a as string), Buffer.from(b as string))],
]);

/** What JavaScript moves to the front of an object: canonical integers below 2^32 - 1. */
const isIndexKey = (key: string): boolean => /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;

/** The entries in Cassandra's order when the object's own order may have been changed, else as given. */
export function jsonMapOrder<T extends [unknown, unknown]>(keys: string[], entries: T[], keyShape: TypeShape): T[] {
  const compare = COMPARE.get(keyShape.name as ScalarName);
  if (!compare || !keys.some(isIndexKey)) return entries;
  // A stable sort: keys Cassandra holds equal (1.0 and 1.00) keep the order they came in.
  return [...entries].sort((a, b) => compare(a[0], b[0]));
}
