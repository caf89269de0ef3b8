import cassandra from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { KeyValueError, parseKeyValue, routingKey } from './partition-key';

describe('parseKeyValue', () => {
  it('reads each simple type into the driver value', () => {
    expect(parseKeyValue('id', 'int', ' 42 ')).toBe(42);
    expect(String(parseKeyValue('id', 'bigint', '-9223372036854775808'))).toBe('-9223372036854775808');
    expect(String(parseKeyValue('id', 'varint', '123456789012345678901234567890'))).toBe(
      '123456789012345678901234567890',
    );
    expect(parseKeyValue('id', 'uuid', '123e4567-e89b-12d3-a456-426614174000')).toBeInstanceOf(cassandra.types.Uuid);
    expect((parseKeyValue('at', 'timestamp', '2026-11-25T10:00:00Z') as Date).toISOString()).toBe(
      '2026-11-25T10:00:00.000Z',
    );
    expect(String(parseKeyValue('day', 'date', '2026-11-25'))).toBe('2026-11-25');
    expect(parseKeyValue('raw', 'blob', '0xcafe')).toEqual(Buffer.from([0xca, 0xfe]));
    expect(parseKeyValue('name', 'text', ' spaced ')).toBe(' spaced ');
    expect(parseKeyValue('ok', 'boolean', 'TRUE')).toBe(true);
    expect(Number.isNaN(parseKeyValue('x', 'double', 'NaN'))).toBe(true);
  });

  it('names the column and the type when a value does not parse', () => {
    expect(() => parseKeyValue('sensor_id', 'int', 'abc')).toThrow(
      'column sensor_id is int, and "abc" is not a int: expected a whole number',
    );
    expect(() => parseKeyValue('sensor_id', 'int', '2147483648')).toThrow(/out of range -2147483648\.\.2147483647/);
    expect(() => parseKeyValue('id', 'uuid', 'not-a-uuid')).toThrow(KeyValueError);
    expect(() => parseKeyValue('day', 'date', '25/11/2026')).toThrow(/column day is date.*2026-11-25/);
    expect(() => parseKeyValue('raw', 'blob', 'cafe')).toThrow(/0xcafe/);
    expect(() => parseKeyValue('tags', 'frozen<list<text>>', '[]')).toThrow(/not supported/);
  });
});

describe('routingKey', () => {
  it('keeps a single component as is and frames composite ones', () => {
    expect(routingKey([Buffer.from('ab')])).toEqual(Buffer.from('ab'));
    expect(routingKey([Buffer.from('ab'), Buffer.from([7])])).toEqual(Buffer.from([0, 2, 0x61, 0x62, 0, 0, 1, 7, 0]));
  });
});
