import 'server-only';
/**
 * Collections, tuples, UDTs and vectors built from their parsed elements, the same way for a CQL
 * literal and for JSON: the checks Cassandra makes (no nulls in a collection, a tuple's and a
 * vector's size, a UDT's field names) and the driver values the workbench client encodes (see
 * server/cluster/registry.ts): arrays for lists and sets (an array keeps -0 apart from 0, as CqlSet
 * does, and every client encodes it), CqlMap for maps, Tuple, Vector, plain objects for UDTs.
 *
 * An empty list or set goes as its bytes (a count of 0): the driver encodes an empty array as null,
 * which turns an empty frozen list into a null one, inside a tuple or UDT as well, and fails outright
 * for one inside another collection. Pure.
 */
import { types } from 'cassandra-driver';
import { CqlMap } from '../../cluster/cql-collections';
import { cqlTypeName, type TypeShape, type UdtField } from '../format/cql-type';
import { fail } from './value-error';

type ListShape = Extract<TypeShape, { name: 'list' | 'set' }>;
type MapShape = Extract<TypeShape, { name: 'map' }>;
type TupleShape = Extract<TypeShape, { name: 'tuple' }>;
type UdtShape = Extract<TypeShape, { name: 'udt' }>;
type VectorShape = Extract<TypeShape, { name: 'vector' }>;

/** A collection of no elements as the protocol (v3 on) writes it: a 4-byte count of 0. */
const emptyCollection = (): Buffer => Buffer.alloc(4);

export const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

export function listValue(items: unknown[], shape: ListShape): unknown {
  if (items.some((v) => v === null)) fail(`a ${shape.name} cannot hold null (${cqlTypeName(shape)})`);
  return items.length === 0 ? emptyCollection() : items;
}

export function mapValue(entries: [unknown, unknown][], shape: MapShape): CqlMap {
  for (const [k, v] of entries) {
    if (k === null) fail(`a map key cannot be null (${cqlTypeName(shape)})`);
    if (v === null) fail(`a map value cannot be null (${cqlTypeName(shape)}); leave the key out instead`);
  }
  return new CqlMap(entries);
}

export function tupleValue(items: unknown[], shape: TupleShape): types.Tuple {
  if (items.length !== shape.elements.length)
    fail(`expected ${plural(shape.elements.length, 'element')} for ${cqlTypeName(shape)}, got ${items.length}`);
  return types.Tuple.fromArray(items);
}

export function vectorValue(items: unknown[], shape: VectorShape): types.Vector {
  if (items.length !== shape.dimension)
    fail(`expected ${plural(shape.dimension, 'element')} for ${cqlTypeName(shape)}, got ${items.length}`);
  if (items.some((v) => v === null)) fail(`a vector cannot hold null (${cqlTypeName(shape)})`);
  return new types.Vector(items, cqlTypeName(shape.element));
}

/**
 * The field a name in a file means. A quoted name (`"Zip Code"` in CQL, `"\"Zip Code\""` in JSON) is
 * exact; a bare one is taken as written first — cqlsh's COPY TO writes every name bare — and then
 * lower-cased, as CQL reads an unquoted identifier.
 */
export function udtField(shape: UdtShape, name: string, quoted: boolean): UdtField {
  const field =
    shape.fields.find((f) => f.name === name) ??
    (quoted ? undefined : shape.fields.find((f) => f.name === name.toLowerCase()));
  if (!field)
    fail(
      `${shape.typeName} has no field ${quoted ? `"${name}"` : name} (its fields: ${shape.fields.map((f) => f.name).join(', ')})`,
    );
  return field;
}

/** A UDT from the fields given; one left out is null, as in CQL. */
export function udtValue(given: Map<UdtField, unknown>, shape: UdtShape): Record<string, unknown> {
  return Object.fromEntries(shape.fields.map((f) => [f.name, given.has(f) ? given.get(f) : null]));
}

/** Adds one field, refusing a second value for it. */
export function setUdtField(given: Map<UdtField, unknown>, field: UdtField, value: unknown, shape: UdtShape): void {
  if (given.has(field)) fail(`${shape.typeName} has the field ${field.name} twice`);
  given.set(field, value);
}
