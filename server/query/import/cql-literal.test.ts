import type { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { CqlMap } from '../../cluster/cql-collections';
import type { TypeShape } from '../format/cql-type';
import { parseCqlLiteral } from './cql-literal';
import { ImportValueError } from './value-error';

const s = (name: string): TypeShape => ({ name }) as TypeShape;
const list = (element: TypeShape): TypeShape => ({ name: 'list', element });
const set = (element: TypeShape): TypeShape => ({ name: 'set', element });
const map = (key: TypeShape, value: TypeShape): TypeShape => ({ name: 'map', key, value });
const tuple = (...elements: TypeShape[]): TypeShape => ({ name: 'tuple', elements });
const address: TypeShape = {
  name: 'udt',
  typeName: 'address',
  fields: [
    { name: 'street', type: s('text') },
    { name: 'Zip Code', type: s('int') },
  ],
};
const entries = (value: unknown) => [...(value as CqlMap)];
const refusal = (text: string, shape: TypeShape): string => {
  try {
    parseCqlLiteral(text, shape);
  } catch (error) {
    if (error instanceof ImportValueError) return error.message;
    throw error;
  }
  throw new Error(`${text} was read`);
};

describe('CQL literals', () => {
  it('read text in single quotes with doubled quotes, $$ strings, and keep null apart from the text null', () => {
    expect(parseCqlLiteral("['it''s', '', 'null']", list(s('text')))).toEqual(["it's", '', 'null']);
    expect(parseCqlLiteral("[$$it's$$]", list(s('text')))).toEqual(["it's"]);
    expect(refusal("['a', null]", list(s('text')))).toBe('a list cannot hold null (list<text>)');
    expect(parseCqlLiteral('NULL', list(s('int')))).toBeNull();
  });

  it('take spaces around elements and none at all, and read an empty collection as its bytes', () => {
    expect(parseCqlLiteral('  [ 1 ,2,\t3 ]  ', list(s('int')))).toEqual([1, 2, 3]);
    expect(parseCqlLiteral('{1:2,3 : 4}', map(s('int'), s('int')))).toBeInstanceOf(CqlMap);
    expect(entries(parseCqlLiteral('{1:2,3 : 4}', map(s('int'), s('int'))))).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(parseCqlLiteral('[]', list(s('int')))).toEqual(Buffer.alloc(4));
    expect(parseCqlLiteral('{}', set(s('int')))).toEqual(Buffer.alloc(4));
    expect(entries(parseCqlLiteral('{}', map(s('int'), s('int'))))).toEqual([]);
  });

  it('read what cqlsh COPY TO writes: bare dates and times, bare UDT names, True/False, %g floats', () => {
    const dates = parseCqlLiteral('[2023-11-14, 0001-01-01]', list(s('date'))) as types.LocalDate[];
    expect(dates.map(String)).toEqual(['2023-11-14', '0001-01-01']);
    const times = parseCqlLiteral('[13:45:00.250000000, 00:00:00]', list(s('time'))) as types.LocalTime[];
    expect(times.map(String)).toEqual(['13:45:00.25', '00:00:00']);
    expect(entries(parseCqlLiteral('{13:45:00.000000000: 1}', map(s('time'), s('int'))))[0]?.[1]).toBe(1);
    const inets = entries(parseCqlLiteral("{::1: 3, '10.0.0.1': 1}", map(s('inet'), s('int'))));
    expect(inets.map(([k]) => String(k))).toEqual(['::1', '10.0.0.1']);
    expect(parseCqlLiteral("{street: 'Main', Zip Code: 5}", address)).toEqual({ street: 'Main', 'Zip Code': 5 });
    // A bare name that is not written exactly is read as CQL reads it, lower-cased.
    expect(refusal('{zip code: null}', address)).toBe('address has no field zip code (its fields: street, Zip Code)');
    expect(parseCqlLiteral('[True, false, TRUE]', list(s('boolean')))).toEqual([true, false, true]);
    expect(parseCqlLiteral('[1e+10, 1.5, -0.0, nan, -Infinity]', list(s('float')))).toEqual([
      1e10,
      1.5,
      -0,
      NaN,
      -Infinity,
    ]);
    const ts = parseCqlLiteral("['2023-11-14 22:13:20.123000+0000']", list(s('timestamp'))) as Date[];
    expect(ts[0]?.toISOString()).toBe('2023-11-14T22:13:20.123Z');
  });

  it('read tuples with nulls, UDT names in double quotes, and any scalar quoted', () => {
    const t = parseCqlLiteral("(1, null, 'x')", tuple(s('int'), s('text'), s('text'))) as types.Tuple;
    expect(t.elements).toEqual([1, null, 'x']);
    expect(parseCqlLiteral('{"Zip Code": 5}', address)).toEqual({ street: null, 'Zip Code': 5 });
    expect(parseCqlLiteral("['5', ' 6 ']", list(s('int')))).toEqual([5, 6]);
  });

  it('refuse with the reason and where', () => {
    expect(refusal('[1, 2', list(s('int')))).toBe(
      "'[1, 2' is not a list<int>: expected ',' or ']' at character 6, found the end",
    );
    expect(refusal('[1 2]', list(s('int')))).toBe(
      "'[1 2]' is not a list<int>: expected ',' or ']' at character 4, found '2'",
    );
    expect(refusal('[1,]', list(s('int')))).toBe(
      "'[1,]' is not a list<int>: expected an int value at character 4, found ']'",
    );
    expect(refusal('[1] x', list(s('int')))).toBe(
      "'[1] x' is not a list<int>: expected the end of the value at character 5, found 'x'",
    );
    expect(refusal("['a]", list(s('text')))).toBe(
      "'['a]' is not a list<text>: expected a closing quote at character 5, found the end",
    );
    expect(refusal('{1, 2}', list(s('int')))).toBe(
      "'{1, 2}' is not a list<int>: expected '[' at character 1, found '{'",
    );
    expect(refusal('[a]', list(s('text')))).toBe(
      "text inside a list<text> is written in single quotes: 'a' is not quoted",
    );
    expect(refusal('[12abc]', list(s('int')))).toBe("'12abc' is not an int");
    expect(refusal('(1, 2)', tuple(s('int')))).toBe('expected 1 element for tuple<int>, got more');
    expect(refusal('(1)', tuple(s('int'), s('int')))).toBe('expected 2 elements for tuple<int, int>, got 1');
    expect(refusal('{zip: 1}', address)).toBe('address has no field zip (its fields: street, Zip Code)');
    expect(refusal('{"zip code": 1}', address)).toBe('address has no field "zip code" (its fields: street, Zip Code)');
    expect(refusal("{street: 'a', street: 'b'}", address)).toBe('address has the field street twice');
    expect(refusal('{1: null}', map(s('int'), s('int')))).toBe(
      'a map value cannot be null (map<int, int>); leave the key out instead',
    );
    expect(refusal('[1.5, 2]', { name: 'vector', element: s('float'), dimension: 3 })).toBe(
      'expected 3 elements for vector<float, 3>, got 2',
    );
  });
});
