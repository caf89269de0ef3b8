import cassandra, { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { CqlMap } from '../../cluster/cql-collections';
import { BindValueError, toDriverValue, toDriverValues } from './bind-values';

const { dataTypes } = types;
const t = (code: number, info?: unknown) => ({ code, info });

describe('bound values take the type of their marker', () => {
  it('keeps every digit of big integers and decimals as strings for the driver to parse', () => {
    expect(toDriverValue('-9223372036854775808', t(dataTypes.bigint), 'v')).toBe('-9223372036854775808');
    expect(toDriverValue(12, t(dataTypes.varint), 'v')).toBe('12');
  });

  it('checks the range of small integers', () => {
    expect(toDriverValue('127', t(dataTypes.tinyint), 'v')).toBe(127);
    expect(() => toDriverValue(128, t(dataTypes.tinyint), 'value 1 (k)')).toThrow(
      /value 1 \(k\): expected an integer that fits 8 bits, got 128/,
    );
    expect(() => toDriverValue(1.5, t(dataTypes.int), 'v')).toThrow(BindValueError);
  });

  it('reads blobs as 0x hex, floats from NaN and Infinity spelled out', () => {
    expect(toDriverValue('0xcafe', t(dataTypes.blob), 'v')).toEqual(Buffer.from([0xca, 0xfe]));
    expect(() => toDriverValue('cafe', t(dataTypes.blob), 'v')).toThrow(/0x/);
    expect(toDriverValue('NaN', t(dataTypes.double), 'v')).toBeNaN();
    expect(toDriverValue('-Infinity', t(dataTypes.float), 'v')).toBe(-Infinity);
  });

  it('binds a list to IN ? element by element', () => {
    expect(toDriverValues([[1, 2, '3']], [{ name: 'in(k)', type: t(dataTypes.list, t(dataTypes.int)) }])).toEqual([
      [1, 2, 3],
    ]);
  });

  it('builds maps with typed keys from an object or from pairs, tuples and UDTs from arrays and objects', () => {
    expect(toDriverValue({ '1': 'one' }, t(dataTypes.map, [t(dataTypes.int), t(dataTypes.text)]), 'v')).toEqual(
      new CqlMap([[1, 'one']]),
    );
    expect(toDriverValue([[2, 'two']], t(dataTypes.map, [t(dataTypes.int), t(dataTypes.text)]), 'v')).toEqual(
      new CqlMap([[2, 'two']]),
    );
    const tuple = toDriverValue(
      [1, 'a'],
      t(dataTypes.tuple, [t(dataTypes.int), t(dataTypes.text)]),
      'v',
    ) as types.Tuple;
    expect(tuple.values()).toEqual([1, 'a']);
    const udt = t(dataTypes.udt, {
      name: 'address',
      fields: [
        { name: 'street', type: t(dataTypes.text) },
        { name: 'zip', type: t(dataTypes.int) },
      ],
    });
    expect(toDriverValue({ street: 'Main' }, udt, 'v')).toEqual({ street: 'Main', zip: null });
    expect(() => toDriverValue({ city: 'x' }, udt, 'v')).toThrow(/only the fields street, zip/);
  });

  it('says how many markers there are when the count is wrong', () => {
    expect(() => toDriverValues([1], [])).toThrow('the statement has 0 bind markers (none) but 1 value was given');
  });
});

describe("values are checked with the driver's encoder", () => {
  const { Encoder } = cassandra as unknown as {
    Encoder: new (protocolVersion: number, options: object) => { encode(value: unknown, type: object): unknown };
  };
  const encoder = new Encoder(types.protocolVersion.v5, {});
  const encode = (value: unknown, type: object) => encoder.encode(value, type);

  it('reports a value the driver cannot encode as a bind error naming the marker', () => {
    const markers = [
      { name: 'id', type: t(dataTypes.uuid) },
      { name: 'addr', type: t(dataTypes.inet) },
    ];
    expect(() => toDriverValues(['not-a-uuid', '127.0.0.1'], markers, encode)).toThrow(BindValueError);
    expect(() => toDriverValues(['not-a-uuid', '127.0.0.1'], markers, encode)).toThrow(
      /^value 1 \(id\): .*\(given "not-a-uuid"\)$/,
    );
    expect(() => toDriverValues(['6ab09bec-e68e-48d9-a5f8-97e6fb4c9b47', 'not an address'], markers, encode)).toThrow(
      /^value 2 \(addr\): /,
    );
  });

  it('passes values the driver can encode through unchanged', () => {
    expect(
      toDriverValues(
        ['6ab09bec-e68e-48d9-a5f8-97e6fb4c9b47', 7],
        [
          { name: 'id', type: t(dataTypes.uuid) },
          { name: 'n', type: t(dataTypes.int) },
        ],
        encode,
      ),
    ).toEqual(['6ab09bec-e68e-48d9-a5f8-97e6fb4c9b47', 7]);
  });

  it('lets an encoder failure that is not about the value through as it is', () => {
    const broken = () => {
      throw new RangeError('encoder state');
    };
    expect(() => toDriverValues(['x'], [{ name: 'k', type: t(dataTypes.text) }], broken)).toThrow(RangeError);
  });
});
