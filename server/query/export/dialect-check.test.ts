import { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { dialectRefusal } from './dialect-check';

const { dataTypes } = types;
const udt = (name: string, fields: string[]) => ({
  code: dataTypes.udt,
  info: { name, fields: fields.map((f) => ({ name: f, type: { code: dataTypes.int } })) },
});

describe('what a dialect can never carry, from the column types', () => {
  it('refuses durations and UDTs with names Python cannot use for cqlsh, naming column, type and why', () => {
    const columns = [
      { name: 'pk', type: { code: dataTypes.int } },
      { name: 'd', type: { code: dataTypes.list, info: { code: dataTypes.duration } } },
    ];
    expect(dialectRefusal('cqlsh', columns)).toBe(
      'the cqlsh dialect cannot export column d (list<duration>): cqlsh COPY FROM cannot load durations',
    );
    expect(dialectRefusal('rfc4180', columns)).toBeNull();
    expect(dialectRefusal('jsonl', columns)).toBeNull();
    expect(dialectRefusal('cqlsh', [{ name: 'u', type: udt('odd', ['street', 'Zip Code']) }])).toBe(
      'the cqlsh dialect cannot export column u (odd): cqlsh COPY FROM cannot load the type odd: its field "Zip Code" is not a Python identifier',
    );
    expect(dialectRefusal('cqlsh', [{ name: 'u', type: udt('class', ['a']) }])).toMatch(
      /type class: its name is not a Python identifier/,
    );
    expect(dialectRefusal('cqlsh', [{ name: 'u', type: udt('address', ['street', 'zip']) }])).toBeNull();
  });

  it('refuses a custom type in every dialect', () => {
    const columns = [{ name: 'c', type: { code: dataTypes.custom, info: 'com.example.Unknown' } }];
    for (const dialect of ['rfc4180', 'cqlsh', 'jsonl', 'json'] as const)
      expect(dialectRefusal(dialect, columns)).toMatch(/column c \(custom\): a custom type/);
  });
});
