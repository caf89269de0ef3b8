import { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';

/** A date by its day count from 1970-01-01, as the driver decodes one (its typings lack that constructor). */
function localDate(days: number): types.LocalDate {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(2 ** 31 + days);
  return types.LocalDate.fromBuffer(buffer);
}
import { dateText, decimalText, doubleText, durationText, floatText, timestampText } from './scalar-text';

describe('scalar text that reads back as the same value', () => {
  it('keeps signed zeros, NaN and infinities, and the shortest digits of doubles', () => {
    expect(doubleText(-0)).toBe('-0.0');
    expect(doubleText(0)).toBe('0');
    expect(doubleText(NaN)).toBe('NaN');
    expect(doubleText(-Infinity)).toBe('-Infinity');
    expect(doubleText(0.30000000000000004)).toBe('0.30000000000000004');
    expect(doubleText(5e-324)).toBe('5e-324');
    expect(doubleText(1.7976931348623157e308)).toBe('1.7976931348623157e+308');
  });

  it('writes a float with the fewest digits that come back as the same float', () => {
    expect(floatText(Math.fround(3.14))).toBe('3.14');
    expect(floatText(Math.fround(1e-45))).toBe('1e-45');
    expect(floatText(Math.fround(3.4028235e38))).toBe('3.4028235e+38');
    expect(floatText(100025)).toBe('100025');
    expect(floatText(-0)).toBe('-0.0');
    for (const x of [0.1, 1 / 3, 123456.789, 1e-30, 16777217, 2.5e-38])
      expect(Math.fround(Number(floatText(Math.fround(x))))).toBe(Math.fround(x));
    // Every kind of float, subnormals included: 20,000 bit patterns from a fixed seed.
    const bits = new Uint32Array(1);
    const view = new Float32Array(bits.buffer);
    let seed = 17;
    for (let i = 0; i < 20_000; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      bits[0] = seed;
      const v = view[0]!;
      if (Number.isFinite(v)) expect(Math.fround(Number(floatText(v)))).toBe(v);
    }
  });

  it('keeps a decimal’s scale and every digit', () => {
    expect(decimalText(types.BigDecimal.fromString('0.000'))).toBe('0.000');
    expect(decimalText(types.BigDecimal.fromString('-98765432109876543210987654321.000000000001'))).toBe(
      '-98765432109876543210987654321.000000000001',
    );
    expect(decimalText(types.BigDecimal.fromBuffer(Buffer.from([0xff, 0xff, 0xff, 0xec, 0x01])))).toBe('1E+20');
  });

  it('writes timestamps with exact milliseconds and their offset, the raw number outside years 1–9999', () => {
    const at = (ms: number, zone = 'UTC', style: 'csv' | 'json' = 'csv', cqlsh = false) =>
      timestampText(new Date(ms), zone, style, cqlsh).text;
    expect(at(Date.UTC(2023, 10, 14, 22, 13, 20, 123))).toBe('2023-11-14 22:13:20.123+0000');
    expect(at(Date.UTC(2023, 10, 14, 22, 13, 20, 123), 'UTC', 'json')).toBe('2023-11-14 22:13:20.123Z');
    expect(at(Date.UTC(2023, 6, 1, 12), 'Europe/Berlin')).toBe('2023-07-01 14:00:00.000+0200');
    expect(at(Date.UTC(2023, 6, 1, 12), 'America/Sao_Paulo', 'json')).toBe('2023-07-01 09:00:00.000-0300');
    expect(at(-62135596800000)).toBe('0001-01-01 00:00:00.000+0000');
    expect(at(-62135596800001)).toBe('-62135596800001');
    expect(at(253402300799999)).toBe('9999-12-31 23:59:59.999+0000');
    expect(at(253402300800000)).toBe('253402300800000');
    expect(at(8640000000000000)).toBe('8640000000000000');
    expect(() => timestampText(new Date(NaN), 'UTC', 'csv')).toThrow(/invalid date/);
  });

  it('for cqlsh, writes the number where COPY FROM would read the text through float seconds a millisecond off', () => {
    // 1424-08-04 01:02:31.705: Python's timestamp() * 1000 gives -17211481048294.998, truncated to …294.
    expect(timestampText(new Date(-17211481048295), 'UTC', 'csv', true).text).toBe('-17211481048295');
    expect(timestampText(new Date(-17211481048295), 'UTC', 'csv').text).toBe('1424-08-04 01:02:31.705+0000');
    expect(timestampText(new Date(1700000000123), 'UTC', 'csv', true).readable).toBe(true);
  });

  it('writes dates outside years 1–9999 as the unsigned day count CQL reads, and a zero duration as 0s', () => {
    expect(dateText(types.LocalDate.fromString('2000-02-29'))).toEqual({ text: '2000-02-29', readable: true });
    expect(dateText(localDate(-719163))).toEqual({ text: String(2 ** 31 - 719163), readable: false });
    expect(durationText(types.Duration.fromString('0s'))).toBe('0s');
    expect(durationText(types.Duration.fromString('-1y2mo3d4h5m6s7ms8us9ns'))).toBe('-1y2mo3d4h5m6s7ms8us9ns');
  });
});
