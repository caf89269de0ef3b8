import { types } from 'cassandra-driver';
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
