import { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { CqlMap } from '../../cluster/cql-collections';
import { jsonText, rowJson } from './json-text';

const { dataTypes } = types;
const t = (code: number, info?: unknown) => ({ code, info });

describe('JSON values, typed as SELECT JSON writes them, without its losses', () => {
  it('numbers as numbers with every digit, -0.0 signed, NaN and infinities as strings', () => {
    expect(jsonText(-0, t(dataTypes.double))).toBe('-0.0');
    expect(jsonText(NaN, t(dataTypes.float))).toBe('"NaN"');
    expect(jsonText(-Infinity, t(dataTypes.double))).toBe('"-Infinity"');
    expect(jsonText(Math.fround(0.1), t(dataTypes.float))).toBe('0.1');
    expect(jsonText(types.Integer.fromString('99999999999999999999999'), t(dataTypes.varint))).toBe(
      '99999999999999999999999',
    );
    expect(jsonText(types.BigDecimal.fromString('0.000'), t(dataTypes.decimal))).toBe('"0.000"');
    expect(
      JSON.parse(
        jsonText(types.BigDecimal.fromBuffer(Buffer.from([0xff, 0xff, 0xff, 0xec, 0x01])), t(dataTypes.decimal)),
      ),
    ).toBe('1E+20');
  });

  it('timestamps as Cassandra writes them (Z for UTC, the offset in a zone), the number outside years 1–9999', () => {
    expect(jsonText(new Date(Date.UTC(2020, 0, 1, 10, 11, 12, 345)), t(dataTypes.timestamp))).toBe(
      '"2020-01-01 10:11:12.345Z"',
    );
    expect(jsonText(new Date(Date.UTC(2020, 0, 1)), t(dataTypes.timestamp), 'Asia/Kolkata')).toBe(
      '"2020-01-01 05:30:00.000+0530"',
    );
    expect(jsonText(new Date(-62135596800001), t(dataTypes.timestamp))).toBe('-62135596800001');
  });

  it('strings for blobs, dates, times, durations and inets; arrays and objects for collections; "" apart from null', () => {
    expect(jsonText(Buffer.from([0xca, 0xfe]), t(dataTypes.blob))).toBe('"0xcafe"');
    expect(jsonText(types.LocalDate.fromString('1969-07-20'), t(dataTypes.date))).toBe('"1969-07-20"');
    expect(jsonText(types.LocalTime.fromString('13:45:00.25'), t(dataTypes.time))).toBe('"13:45:00.250000000"');
    expect(jsonText(types.Duration.fromString('-9ns'), t(dataTypes.duration))).toBe('"-9ns"');
    const map = t(dataTypes.map, [t(dataTypes.tuple, [t(dataTypes.int), t(dataTypes.text)]), t(dataTypes.double)]);
    expect(jsonText(new CqlMap([[types.Tuple.fromArray([1, 'a']), -0]]), map)).toBe('{"[1, \\"a\\"]": -0.0}');
    const udt = t(dataTypes.udt, { name: 'odd', fields: [{ name: 'Zip Code', type: t(dataTypes.int) }] });
    expect(jsonText({ 'Zip Code': 5 }, udt)).toBe('{"\\"Zip Code\\"": 5}');
    expect(
      rowJson({ a: '', b: null }, [
        { name: 'a', type: t(dataTypes.text) },
        { name: 'b', type: t(dataTypes.text) },
      ]),
    ).toBe('{"a": "", "b": null}');
  });
});
