/**
 * Partition-key values typed by an operator, parsed by their column's CQL type into the values the
 * driver encodes, and the routing key Cassandra hashes: the single component as is, or for a
 * composite key each component as [2-byte length][bytes][0]. A value that does not parse names
 * its column and type.
 */
import cassandra from 'cassandra-driver';
import { InvalidInputError } from '../cluster/errors';

const { types } = cassandra;

export class KeyValueError extends InvalidInputError {
  constructor(
    readonly column: string,
    readonly cqlType: string,
    input: string,
    why: string,
  ) {
    super(`column ${column} is ${cqlType}, and "${input}" is not a ${cqlType}: ${why}`);
  }
}

const INTEGER_RANGES: Record<string, [bigint, bigint]> = {
  tinyint: [-(2n ** 7n), 2n ** 7n - 1n],
  smallint: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n],
  counter: [-(2n ** 63n), 2n ** 63n - 1n],
};

function integer(column: string, cqlType: string, input: string): bigint {
  if (!/^[+-]?\d+$/.test(input.trim())) throw new KeyValueError(column, cqlType, input, 'expected a whole number');
  const value = BigInt(input.trim());
  const range = INTEGER_RANGES[cqlType];
  if (range && (value < range[0] || value > range[1]))
    throw new KeyValueError(column, cqlType, input, `out of range ${range[0]}..${range[1]}`);
  return value;
}

function attempt<T>(column: string, cqlType: string, input: string, why: string, parse: () => T): T {
  try {
    return parse();
  } catch {
    throw new KeyValueError(column, cqlType, input, why);
  }
}

/** The driver value for `input` as a `cqlType` (the type as system_schema prints it). */
export function parseKeyValue(column: string, cqlType: string, input: string): unknown {
  const text = input.trim();
  switch (cqlType) {
    case 'text':
    case 'varchar':
      return input;
    case 'ascii':
      if (!/^[\x00-\x7f]*$/.test(input))
        throw new KeyValueError(column, cqlType, input, 'ascii holds only 7-bit characters');
      return input;
    case 'tinyint':
    case 'smallint':
    case 'int':
      return Number(integer(column, cqlType, input));
    case 'bigint':
    case 'counter':
      return types.Long.fromString(integer(column, cqlType, input).toString());
    case 'varint':
      return types.Integer.fromString(integer(column, cqlType, input).toString());
    case 'float':
    case 'double': {
      const value = /^(NaN|[+-]?Infinity)$/.test(text)
        ? Number(text)
        : text === '' || !Number.isFinite(Number(text))
          ? undefined
          : Number(text);
      if (value === undefined)
        throw new KeyValueError(column, cqlType, input, 'expected a number such as 3.14, NaN or Infinity');
      return value;
    }
    case 'decimal':
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text))
        throw new KeyValueError(column, cqlType, input, 'expected a decimal number such as 12.50');
      return types.BigDecimal.fromString(text);
    case 'boolean':
      if (!/^(true|false)$/i.test(text)) throw new KeyValueError(column, cqlType, input, 'expected true or false');
      return text.toLowerCase() === 'true';
    case 'uuid':
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text))
        throw new KeyValueError(column, cqlType, input, 'expected a UUID such as 123e4567-e89b-12d3-a456-426614174000');
      return types.Uuid.fromString(text);
    case 'timeuuid':
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text))
        throw new KeyValueError(column, cqlType, input, 'expected a version 1 (time-based) UUID');
      return types.TimeUuid.fromString(text);
    case 'timestamp': {
      const ms = /^[+-]?\d+$/.test(text) ? Number(text) : Date.parse(text);
      if (!Number.isFinite(ms))
        throw new KeyValueError(
          column,
          cqlType,
          input,
          'expected an ISO date-time such as 2026-11-25T10:00:00Z, or milliseconds since 1970',
        );
      return new Date(ms);
    }
    case 'date':
      if (!/^-?\d{1,}-\d{2}-\d{2}$/.test(text))
        throw new KeyValueError(column, cqlType, input, 'expected a date such as 2026-11-25');
      return attempt(column, cqlType, input, 'expected a date such as 2026-11-25', () =>
        types.LocalDate.fromString(text),
      );
    case 'time':
      if (!/^\d{2}:\d{2}:\d{2}(\.\d{1,9})?$/.test(text))
        throw new KeyValueError(column, cqlType, input, 'expected a time such as 13:45:00.250');
      return attempt(column, cqlType, input, 'expected a time such as 13:45:00.250', () =>
        types.LocalTime.fromString(text),
      );
    case 'inet':
      return attempt(column, cqlType, input, 'expected an IPv4 or IPv6 address', () =>
        types.InetAddress.fromString(text),
      );
    case 'blob':
      if (!/^0x([0-9a-f]{2})*$/i.test(text))
        throw new KeyValueError(column, cqlType, input, 'expected hexadecimal bytes such as 0xcafe');
      return Buffer.from(text.slice(2), 'hex');
    default:
      throw new KeyValueError(
        column,
        cqlType,
        input,
        `looking up keys of type ${cqlType} is not supported; use a simple type`,
      );
  }
}

/** Cassandra's routing key: one component as is; several as [length][bytes][0] each. */
export function routingKey(components: Buffer[]): Buffer {
  const [only] = components;
  if (components.length === 1 && only) return only;
  return Buffer.concat(
    components.flatMap((component) => {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(component.length);
      return [length, component, Buffer.from([0])];
    }),
  );
}
