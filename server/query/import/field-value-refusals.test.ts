/**
 * What the import takes beyond the export's own forms (ISO timestamps, any offset, cqlsh's
 * microseconds, `+` signs, any case of true/false), and what it refuses, with the reason a user reads.
 */
import { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import type { TypeShape } from '../format/cql-type';
import { csvFieldValue, ImportValueError, jsonFieldValue } from './field-value';
import { JsonNumberText } from './jsonl-records';

const s = (name: string): TypeShape => ({ name }) as TypeShape;
const csv = (text: string, type: string) => csvFieldValue(text, s(type));
const ms = (text: string) => (csv(text, 'timestamp') as Date).getTime();

function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof ImportValueError) return error.message;
    throw error;
  }
  throw new Error('the value was read');
}
const csvRefusal = (text: string, type: string | TypeShape) =>
  refusal(() => csvFieldValue(text, typeof type === 'string' ? s(type) : type));
const jsonRefusal = (value: unknown, type: string | TypeShape) =>
  refusal(() => jsonFieldValue(value, typeof type === 'string' ? s(type) : type));

describe('CSV fields: what else is read', () => {
  it('timestamps: any offset, Z, T, cqlsh microseconds, no seconds, no zone (UTC), raw milliseconds of any size', () => {
    const at = Date.UTC(2023, 10, 14, 22, 13, 20, 123);
    for (const text of [
      '2023-11-14 22:13:20.123+0000',
      '2023-11-14 22:13:20.123Z',
      '2023-11-14T22:13:20.123Z',
      '2023-11-14 22:13:20.123000+0000',
      '2023-11-15 03:43:20.123+0530',
      '2023-11-14 18:43:20.123-03:30',
      '2023-11-14 22:13:20.123',
      ' 2023-11-14 23:13:20.123+01 ',
    ])
      expect(ms(text), text).toBe(at);
    expect(ms('2023-11-14 22:13Z')).toBe(Date.UTC(2023, 10, 14, 22, 13));
    expect(ms('0001-01-01')).toBe(-62135596800000);
    expect(ms('-62135596800001')).toBe(-62135596800001);
    expect(ms('+5')).toBe(5);
    expect(String(csv('9223372036854775807', 'timestamp'))).toBe('9223372036854775807');
  });

  it('numbers with a + sign, true/false in any case, upper-case hex, ISO durations, dates as day counts', () => {
    expect(csv('+42', 'int')).toBe(42);
    expect(String(csv('+9223372036854775807', 'bigint'))).toBe('9223372036854775807');
    expect(csv('+1.5e3', 'double')).toBe(1500);
    expect(csv('.5', 'float')).toBe(0.5);
    expect(csv('0.1000000000000000055511151231257827', 'double')).toBe(0.1);
    expect(csv('1e-50', 'float')).toBe(1e-50);
    expect(Object.is(csv('-0', 'double'), -0)).toBe(true);
    // Unscaled 15, scale -2, as Java's BigDecimal reads it.
    expect(types.BigDecimal.toBuffer(csv('1.5E+3', 'decimal') as types.BigDecimal).toString('hex')).toBe('fffffffe0f');
    expect(csv('TRUE', 'boolean')).toBe(true);
    expect(csv('False', 'boolean')).toBe(false);
    expect(csv('0XCAFE', 'blob')).toEqual(Buffer.from([0xca, 0xfe]));
    expect(csv('0x', 'blob')).toEqual(Buffer.alloc(0));
    expect(String(csv('P1Y2M3DT4H5M6S', 'duration'))).toBe('1y2mo3d4h5m6s');
    expect(String(csv('2147483648', 'date'))).toBe('1970-01-01');
    expect(String(csv('12:00:00.5', 'time'))).toBe('12:00:00.5');
    expect(String(csv('1', 'time'))).toBe('00:00:00.000000001');
    expect(csv('', 'text')).toBe('');
    expect(csv(' a ', 'text')).toBe(' a ');
  });
});

describe('CSV fields: what is refused', () => {
  it('integers that are not whole, too large, or empty', () => {
    expect(csvRefusal('12abc', 'int')).toBe("'12abc' is not an int");
    expect(csvRefusal('', 'int')).toBe('an empty value is not an int');
    expect(csvRefusal('1.0', 'bigint')).toBe("'1.0' is not a bigint");
    expect(csvRefusal('1e3', 'varint')).toBe("'1e3' is not a varint");
    expect(csvRefusal('2147483648', 'int')).toBe("'2147483648' is out of range for an int (-2147483648 to 2147483647)");
    expect(csvRefusal('128', 'tinyint')).toBe("'128' is out of range for a tinyint (-128 to 127)");
    expect(csvRefusal('-32769', 'smallint')).toBe("'-32769' is out of range for a smallint (-32768 to 32767)");
    expect(csvRefusal('9223372036854775808', 'bigint')).toBe(
      "'9223372036854775808' is out of range for a bigint (-9223372036854775808 to 9223372036854775807)",
    );
  });

  it('floats, decimals, booleans, blobs, uuids, inets, durations, ascii', () => {
    expect(csvRefusal('12abc', 'float')).toBe("'12abc' is not a float");
    expect(csvRefusal('1e39', 'float')).toBe("'1e39' is out of range for a float");
    expect(csvRefusal('1e309', 'double')).toBe("'1e309' is out of range for a double");
    expect(csvRefusal('0x10', 'double')).toBe("'0x10' is not a double");
    expect(csvRefusal('NaN', 'decimal')).toBe("'NaN' is not a decimal");
    expect(csvRefusal('1', 'boolean')).toBe("'1' is not a boolean (true or false)");
    expect(csvRefusal('0xabc', 'blob')).toBe("'0xabc' is not a blob: an odd number of hex digits");
    expect(csvRefusal('cafe', 'blob')).toBe("'cafe' is not a blob (0x followed by hex digits)");
    expect(csvRefusal('not-a-uuid', 'uuid')).toBe("'not-a-uuid' is not a uuid");
    expect(csvRefusal('5a3b6f4e-8c2a-4d41-9e6f-1f0c4b1b2b2b', 'timeuuid')).toBe(
      "'5a3b6f4e-8c2a-4d41-9e6f-1f0c4b1b2b2b' is not a timeuuid: a version 4 uuid, not version 1",
    );
    expect(csvRefusal('1.2.3.256', 'inet')).toBe("'1.2.3.256' is not an inet address");
    expect(csvRefusal('fe80::1%eth0', 'inet')).toBe("'fe80::1%eth0' is not an inet address");
    expect(csvRefusal('1::2::3', 'inet')).toBe("'1::2::3' is not an inet address");
    expect(csvRefusal('example.com', 'inet')).toBe("'example.com' is not an inet address");
    expect(csvRefusal('1h2y', 'duration')).toBe(
      "'1h2y' is not a duration: Invalid duration. The hours should be after years",
    );
    expect(csvRefusal('1 hour', 'duration')).toMatch(/^'1 hour' is not a duration \(such as/);
    expect(csvRefusal('héllo', 'ascii')).toBe("'héllo' is not ascii: it holds 'é'");
  });

  it('timestamps, dates and times that are not one, or finer than their type', () => {
    expect(csvRefusal('2023-02-29 00:00:00Z', 'timestamp')).toBe(
      "'2023-02-29 00:00:00Z' is not a timestamp: there is no such day",
    );
    expect(csvRefusal('2023-11-14 24:00:00Z', 'timestamp')).toBe(
      "'2023-11-14 24:00:00Z' is not a timestamp: the time of day is out of range",
    );
    expect(csvRefusal('2023-11-14 22:13:20.123456+0000', 'timestamp')).toBe(
      "'2023-11-14 22:13:20.123456+0000' has digits finer than a millisecond, which a timestamp cannot hold",
    );
    expect(csvRefusal('14/11/2023', 'timestamp')).toMatch(/^'14\/11\/2023' is not a timestamp \(such as/);
    expect(csvRefusal('9223372036854775808', 'timestamp')).toBe(
      "'9223372036854775808' is out of range for a timestamp",
    );
    expect(csvRefusal('2023-13-01', 'date')).toBe("'2023-13-01' is not a date: there is no such day");
    expect(csvRefusal('4294967296', 'date')).toBe(
      "'4294967296' is out of range for a date (a day count from 0 to 4294967295)",
    );
    expect(csvRefusal('-1', 'date')).toMatch(/^'-1' is not a date/);
    expect(csvRefusal('24:00:00', 'time')).toBe("'24:00:00' is not a time: out of range");
    expect(csvRefusal('12:00', 'time')).toMatch(/^'12:00' is not a time \(hh:mm:ss/);
    expect(csvRefusal('86400000000000', 'time')).toBe(
      "'86400000000000' is out of range for a time (0 to 86399999999999 nanoseconds)",
    );
    expect(csvRefusal('x', 'custom')).toBe('a custom type cannot be imported: it has no text form (custom)');
  });
});

describe('JSON values', () => {
  it('take numbers as numbers, their digits, or strings; names for NaN and infinities', () => {
    expect(jsonFieldValue(42, s('int'))).toBe(42);
    expect(jsonFieldValue('42', s('int'))).toBe(42);
    expect(String(jsonFieldValue(new JsonNumberText('12345678901234567890123'), s('varint')))).toBe(
      '12345678901234567890123',
    );
    expect(String(jsonFieldValue(12345678901234567890123n, s('varint')))).toBe('12345678901234567890123');
    expect(jsonFieldValue('NaN', s('double'))).toBeNaN();
    expect(jsonFieldValue('-Infinity', s('float'))).toBe(-Infinity);
    expect(Object.is(jsonFieldValue(-0, s('double')), -0)).toBe(true);
    expect(String(jsonFieldValue(new JsonNumberText('1.50'), s('decimal')))).toBe('1.50');
    expect(jsonFieldValue(true, s('boolean'))).toBe(true);
    expect((jsonFieldValue(-62135596800001, s('timestamp')) as Date).getTime()).toBe(-62135596800001);
    expect((jsonFieldValue('2023-11-14 22:13:20.123Z', s('timestamp')) as Date).getTime()).toBe(1700000000123);
  });

  it('read UDT names as SELECT JSON writes them, and tuples as arrays', () => {
    const odd: TypeShape = { name: 'udt', typeName: 'odd', fields: [{ name: 'Zip Code', type: s('int') }] };
    expect(jsonFieldValue({ '"Zip Code"': 5 }, odd)).toEqual({ 'Zip Code': 5 });
    expect(jsonFieldValue({}, odd)).toEqual({ 'Zip Code': null });
    expect(jsonRefusal({ zip: 5 }, odd)).toBe('odd has no field zip (its fields: Zip Code)');
    const tuple: TypeShape = { name: 'tuple', elements: [s('int'), s('text')] };
    expect((jsonFieldValue([1, null], tuple) as types.Tuple).elements).toEqual([1, null]);
    expect(jsonRefusal([1, 'a', 3], tuple)).toBe('expected 2 elements for tuple<int, text>, got 3');
  });

  it('refuse what is not a value of the type', () => {
    expect(jsonRefusal(5, 'text')).toBe('expected a string for text, got 5');
    expect(jsonRefusal(new JsonNumberText('5'), 'text')).toBe('expected a string for text, got 5');
    expect(jsonRefusal(1.5, 'int')).toBe("'1.5' is not an int");
    expect(jsonRefusal(true, 'int')).toBe('expected a number for int, got true');
    expect(jsonRefusal(12345678901234567000, 'bigint')).toBe(
      '12345678901234567000 cannot be read exactly as a bigint: the JSON number was read as a double, beyond 2^53',
    );
    expect(jsonRefusal('yes', 'boolean')).toBe("'yes' is not a boolean (true or false)");
    expect(jsonRefusal(1, 'boolean')).toBe('expected true or false for boolean, got 1');
    expect(jsonRefusal(20000, 'date')).toBe('expected a string for date, got 20000');
    expect(jsonRefusal(1.5, 'timestamp')).toBe(
      "'1.5' is not a timestamp (such as 2023-11-14 22:13:20.123+0000, or milliseconds)",
    );
    expect(jsonRefusal({ a: 1 }, { name: 'list', element: s('int') })).toBe(
      'expected an array for list<int>, got an object',
    );
    expect(jsonRefusal([1, null], { name: 'set', element: s('int') })).toBe('a set cannot hold null (set<int>)');
    expect(jsonRefusal([1, 2], { name: 'vector', element: s('float'), dimension: 3 })).toBe(
      'expected 3 elements for vector<float, 3>, got 2',
    );
    expect(jsonRefusal({ x: 1 }, { name: 'map', key: s('int'), value: s('int') })).toBe("'x' is not an int");
    expect(jsonRefusal({ '[1': 1 }, { name: 'map', key: { name: 'list', element: s('int') }, value: s('int') })).toBe(
      "the map key '[1' is not the JSON of a list<int>",
    );
  });
});
