import { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';

/** A date by its day count from 1970-01-01, as the driver decodes one (its typings lack that constructor). */
function localDate(days: number): types.LocalDate {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(2 ** 31 + days);
  return types.LocalDate.fromBuffer(buffer);
}
import { CqlMap, CqlSet } from '../../cluster/cql-collections';
import type { TypeShape } from '../format/cql-type';
import { csvLine, csvValue, type CsvValueContext } from './csv-value';

const rfc: CsvValueContext = { dialect: 'rfc4180', timeZone: 'UTC', nullMarker: '' };
const cqlsh: CsvValueContext = { dialect: 'cqlsh', timeZone: 'UTC', nullMarker: 'null' };
const s = (name: string): TypeShape => ({ name }) as TypeShape;
const address: TypeShape = {
  name: 'udt',
  typeName: 'address',
  fields: [
    { name: 'street', type: s('text') },
    { name: 'zip', type: s('int') },
    { name: 'tags', type: { name: 'set', element: s('text') } },
  ],
};

describe('CSV values, both dialects', () => {
  it('write scalars so that the same type reads them back equal', () => {
    for (const ctx of [rfc, cqlsh]) {
      expect(csvValue(-0, s('double'), ctx)).toBe('-0.0');
      expect(csvValue(NaN, s('float'), ctx)).toBe('NaN');
      expect(csvValue(-Infinity, s('double'), ctx)).toBe('-Infinity');
      expect(csvValue(Math.fround(3.14), s('float'), ctx)).toBe('3.14');
      expect(csvValue(types.Integer.fromString('-987654321098765432109876543210987654321'), s('varint'), ctx)).toBe(
        '-987654321098765432109876543210987654321',
      );
      expect(csvValue(types.Long.fromString('-9223372036854775808'), s('bigint'), ctx)).toBe('-9223372036854775808');
      expect(csvValue(types.BigDecimal.fromString('1.50'), s('decimal'), ctx)).toBe('1.50');
      expect(csvValue(Buffer.alloc(0), s('blob'), ctx)).toBe('0x');
      expect(csvValue(Buffer.from([0, 255]), s('blob'), ctx)).toBe('0x00ff');
      expect(csvValue(true, s('boolean'), ctx)).toBe('True');
      expect(csvValue(types.TimeUuid.fromString('50554d6e-29bb-11e5-b345-feff819cdc9f'), s('timeuuid'), ctx)).toBe(
        '50554d6e-29bb-11e5-b345-feff819cdc9f',
      );
      expect(csvValue(types.InetAddress.fromString('::ffff:1.2.3.4'), s('inet'), ctx)).toBe('::ffff:1.2.3.4');
      expect(csvValue(types.LocalTime.fromString('13:45:00.25'), s('time'), ctx)).toBe('13:45:00.250000000');
      expect(csvValue(new Date(-62135596800001), s('timestamp'), ctx)).toBe('-62135596800001');
      expect(csvValue('', s('text'), ctx)).toBe('');
      expect(csvValue(null, s('text'), ctx)).toBeNull();
    }
    expect(csvValue(types.Duration.fromString('1y2mo3d'), s('duration'), rfc)).toBe('1y2mo3d');
    expect(csvValue(localDate(-800_000), s('date'), rfc)).toBe(String(2 ** 31 - 800_000));
  });

  it('write collections, tuples, UDTs and vectors as CQL literals, text raw inside quotes', () => {
    const list = { name: 'list', element: s('text') } as TypeShape;
    expect(csvValue(['a', "it's", '', 'x, y'], list, cqlsh)).toBe("['a', 'it''s', '', 'x, y']");
    const keyed: TypeShape = {
      name: 'map',
      key: { name: 'tuple', elements: [s('int'), s('text')] },
      value: s('boolean'),
    };
    expect(csvValue(new CqlMap([[types.Tuple.fromArray([1, 'b:c']), false]]), keyed, cqlsh)).toBe(
      "{(1, 'b:c'): False}",
    );
    const doubles = { name: 'set', element: s('double') } as TypeShape;
    expect(csvValue(new CqlSet([-0, 0, NaN, -Infinity]), doubles, rfc)).toBe('{-0.0, 0, NaN, -Infinity}');
    const times = { name: 'list', element: s('timestamp') } as TypeShape;
    expect(csvValue([new Date(0), new Date(253402300800000)], times, rfc)).toBe(
      "['1970-01-01 00:00:00.000+0000', 253402300800000]",
    );
    expect(csvValue({ street: 'Main', zip: null, tags: null }, address, cqlsh)).toBe("{street: 'Main'}");
    const odd: TypeShape = { name: 'udt', typeName: 'odd', fields: [{ name: 'Zip Code', type: s('int') }] };
    expect(csvValue({ 'Zip Code': 5 }, odd, rfc)).toBe('{"Zip Code": 5}');
    const vector = { name: 'vector', element: s('float'), dimension: 3 } as TypeShape;
    expect(csvValue(new types.Vector(new Float32Array([1.5, -0, 1e10])), vector, cqlsh)).toBe(
      '[1.5, -0.0, 10000000000]',
    );
    const tuple = { name: 'tuple', elements: [s('int'), s('text')] } as TypeShape;
    expect(csvValue(types.Tuple.fromArray([1, null]), tuple, rfc)).toBe('(1, null)');
  });

  it('refuse, for cqlsh, what COPY FROM would not bring back the same', () => {
    const tuple = { name: 'tuple', elements: [s('int'), s('text')] } as TypeShape;
    expect(() => csvValue(types.Tuple.fromArray([1, null]), tuple, cqlsh)).toThrow('a null inside a tuple');
    expect(() => csvValue('a\nb', s('text'), cqlsh)).toThrow('text with a line break');
    expect(() => csvValue('a\rb', s('varchar'), cqlsh)).toThrow('text with a line break');
    expect(() => csvValue('null', s('text'), cqlsh)).toThrow('equals the null marker');
    expect(() => csvValue(['null'], { name: 'list', element: s('text') }, cqlsh)).toThrow('equals the null marker');
    expect(() => csvValue(localDate(-800_000), s('date'), cqlsh)).toThrow('outside years 1–9999');
    expect(() => csvValue({ tags: new CqlSet(['b', 'a']) }, address, cqlsh)).toThrow('inside a tuple or UDT');
    expect(csvValue({ tags: new CqlSet(['a']) }, address, cqlsh)).toBe("{tags: {'a'}}");
    expect(csvValue('a\nb', s('text'), rfc)).toBe('a\nb');
  });
});

describe('CSV lines', () => {
  it('RFC 4180: quote fields with the delimiter, a quote or a line break, double quotes, "" apart from null', () => {
    const ctx = { ...rfc, delimiter: ',' };
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', null, ''], ctx)).toBe(
      'plain,"a,b","say ""hi""","two\nlines",,""',
    );
    expect(csvLine(['a;b', 'c', null], { ...rfc, delimiter: ';', nullMarker: 'NULL' })).toBe('"a;b";c;NULL');
    expect(() => csvLine(['NULL'], { ...rfc, delimiter: ',', nullMarker: 'NULL' })).toThrow('equals the null marker');
  });

  it('cqlsh: quotes and backslashes escaped with a backslash inside quotes, as its csv reader expects', () => {
    const ctx = { ...cqlsh, delimiter: ',' };
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'back\\slash', null, ''], ctx)).toBe(
      'plain,"a,b","say \\"hi\\"","back\\\\slash",null,',
    );
    expect(csvLine(['a\tb', 'c'], { ...ctx, delimiter: '\t' })).toBe('"a\tb"\tc');
  });
});
