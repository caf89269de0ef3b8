import 'server-only';
/**
 * The driver's column type objects (`ResultSet.columns[i].type`) turned into one tree the
 * formatter can walk. Custom types arrive as Java marshal class names (vectors, and durations
 * inside tuples), so those are parsed here too.
 */
import { types } from 'cassandra-driver';

/** A column type as the driver reports it: `{ code, info }`, the shape of `ResultSet.columns[i].type`. */
export interface CqlType {
  readonly code: number;
  readonly info?: unknown;
  readonly customTypeName?: string;
}

export type ScalarName =
  | 'ascii'
  | 'bigint'
  | 'blob'
  | 'boolean'
  | 'counter'
  | 'decimal'
  | 'double'
  | 'float'
  | 'int'
  | 'text'
  | 'varchar'
  | 'timestamp'
  | 'uuid'
  | 'varint'
  | 'timeuuid'
  | 'inet'
  | 'date'
  | 'time'
  | 'smallint'
  | 'tinyint'
  | 'duration'
  | 'custom';

export interface UdtField {
  name: string;
  type: TypeShape;
}

export type TypeShape =
  | { name: ScalarName }
  | { name: 'list' | 'set'; element: TypeShape }
  | { name: 'map'; key: TypeShape; value: TypeShape }
  | { name: 'tuple'; elements: TypeShape[] }
  | { name: 'udt'; typeName: string; fields: UdtField[] }
  | { name: 'vector'; element: TypeShape; dimension: number };

const { dataTypes } = types;

const scalarByCode = new Map<number, ScalarName>([
  [dataTypes.ascii, 'ascii'],
  [dataTypes.bigint, 'bigint'],
  [dataTypes.blob, 'blob'],
  [dataTypes.boolean, 'boolean'],
  [dataTypes.counter, 'counter'],
  [dataTypes.decimal, 'decimal'],
  [dataTypes.double, 'double'],
  [dataTypes.float, 'float'],
  [dataTypes.int, 'int'],
  [dataTypes.text, 'text'],
  [dataTypes.timestamp, 'timestamp'],
  [dataTypes.uuid, 'uuid'],
  [dataTypes.varchar, 'varchar'],
  [dataTypes.varint, 'varint'],
  [dataTypes.timeuuid, 'timeuuid'],
  [dataTypes.inet, 'inet'],
  [dataTypes.date, 'date'],
  [dataTypes.time, 'time'],
  [dataTypes.smallint, 'smallint'],
  [dataTypes.tinyint, 'tinyint'],
  [dataTypes.duration, 'duration'],
]);

// Python's driver names UTF8Type `text` (not `varchar`) when it prints a marshal type, and cqlsh
// picks its formatter by that name.
const scalarByMarshal = new Map<string, ScalarName>([
  ['AsciiType', 'ascii'],
  ['LongType', 'bigint'],
  ['BytesType', 'blob'],
  ['BooleanType', 'boolean'],
  ['CounterColumnType', 'counter'],
  ['DecimalType', 'decimal'],
  ['DoubleType', 'double'],
  ['FloatType', 'float'],
  ['Int32Type', 'int'],
  ['UTF8Type', 'text'],
  ['TimestampType', 'timestamp'],
  ['DateType', 'timestamp'],
  ['UUIDType', 'uuid'],
  ['IntegerType', 'varint'],
  ['TimeUUIDType', 'timeuuid'],
  ['InetAddressType', 'inet'],
  ['SimpleDateType', 'date'],
  ['TimeType', 'time'],
  ['ShortType', 'smallint'],
  ['ByteType', 'tinyint'],
  ['DurationType', 'duration'],
]);

function isCqlType(x: unknown): x is CqlType {
  return typeof x === 'object' && x !== null && typeof (x as { code?: unknown }).code === 'number';
}

// Every cell of a column carries the same type object: its shape is worked out once, not per cell.
const shapes = new WeakMap<CqlType, TypeShape>();

export function shapeOf(type: CqlType): TypeShape {
  let shape = shapes.get(type);
  if (!shape) {
    shape = buildShape(type);
    shapes.set(type, shape);
  }
  return shape;
}

function buildShape(type: CqlType): TypeShape {
  const scalar = scalarByCode.get(type.code);
  if (scalar) return { name: scalar };
  const { info } = type;
  switch (type.code) {
    case dataTypes.list:
    case dataTypes.set:
      if (isCqlType(info)) return { name: type.code === dataTypes.list ? 'list' : 'set', element: shapeOf(info) };
      break;
    case dataTypes.map:
      if (Array.isArray(info) && isCqlType(info[0]) && isCqlType(info[1]))
        return { name: 'map', key: shapeOf(info[0]), value: shapeOf(info[1]) };
      break;
    case dataTypes.tuple:
      if (Array.isArray(info)) return { name: 'tuple', elements: info.filter(isCqlType).map(shapeOf) };
      break;
    case dataTypes.udt: {
      const udt = info as { name?: unknown; fields?: unknown } | undefined;
      if (udt && typeof udt.name === 'string' && Array.isArray(udt.fields)) {
        const fields = (udt.fields as { name: string; type: CqlType }[]).map((f) => ({
          name: f.name,
          type: shapeOf(f.type),
        }));
        return { name: 'udt', typeName: udt.name, fields };
      }
      break;
    }
    case dataTypes.custom:
      // The driver's own parsed form of a vector: info is [subtype, dimension].
      if (
        type.customTypeName === 'vector' &&
        Array.isArray(info) &&
        isCqlType(info[0]) &&
        typeof info[1] === 'number'
      ) {
        return { name: 'vector', element: shapeOf(info[0]), dimension: info[1] };
      }
      if (typeof info === 'string') return parseMarshalType(info);
      break;
  }
  return { name: 'custom' };
}

/** Parses a marshal class name such as `org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.FloatType , 3)`. */
export function parseMarshalType(text: string): TypeShape {
  const open = text.indexOf('(');
  const className = (open < 0 ? text : text.slice(0, open)).trim().split('.').pop() ?? '';
  const args = open < 0 ? [] : splitTopLevel(text.slice(open + 1, text.lastIndexOf(')')));
  const scalar = scalarByMarshal.get(className);
  if (scalar) return { name: scalar };
  switch (className) {
    case 'FrozenType':
    case 'ReversedType':
      return parseMarshalType(args[0] ?? '');
    case 'ListType':
    case 'SetType':
      return { name: className === 'ListType' ? 'list' : 'set', element: parseMarshalType(args[0] ?? '') };
    case 'MapType':
      return { name: 'map', key: parseMarshalType(args[0] ?? ''), value: parseMarshalType(args[1] ?? '') };
    case 'TupleType':
      return { name: 'tuple', elements: args.map(parseMarshalType) };
    case 'VectorType':
      return { name: 'vector', element: parseMarshalType(args[0] ?? ''), dimension: Number(args[1]) };
    case 'UserType': {
      // UserType(keyspace,hex(name),hex(field):type,...): names are hex-encoded UTF-8.
      const fields = args.slice(2).map((arg) => {
        const colon = arg.indexOf(':');
        return { name: fromHex(arg.slice(0, colon)), type: parseMarshalType(arg.slice(colon + 1)) };
      });
      return { name: 'udt', typeName: fromHex(args[1] ?? ''), fields };
    }
  }
  return { name: 'custom' };
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '' || parts.length > 0) parts.push(last);
  return parts;
}

function fromHex(hex: string): string {
  return Buffer.from(hex.trim(), 'hex').toString('utf8');
}

/** The type as CQL writes it (`map<text, frozen…>` without `frozen`, which the protocol does not carry); varchar is text. */
export function cqlTypeName(shape: TypeShape): string {
  switch (shape.name) {
    case 'varchar':
      return 'text';
    case 'list':
    case 'set':
      return `${shape.name}<${cqlTypeName(shape.element)}>`;
    case 'map':
      return `map<${cqlTypeName(shape.key)}, ${cqlTypeName(shape.value)}>`;
    case 'tuple':
      return `tuple<${shape.elements.map(cqlTypeName).join(', ')}>`;
    case 'udt':
      return shape.typeName;
    case 'vector':
      return `vector<${cqlTypeName(shape.element)}, ${shape.dimension}>`;
    default:
      return shape.name;
  }
}
