import { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv';

const { dataTypes } = types;

describe('CSV export cells', () => {
  it('quotes fields with commas, quotes and line breaks, doubles quotes, and keeps null apart from an empty string', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', null])).toBe('plain,"a,b","say ""hi""","two\nlines",');
    expect(csvLine([null, ''])).toBe(',""');
  });

  it('keeps text as stored, every digit of doubles and milliseconds of timestamps', () => {
    expect(csvCell('tab\there', { code: dataTypes.varchar })).toBe('tab\there');
    expect(csvCell('', { code: dataTypes.varchar })).toBe('');
    expect(csvCell(null, { code: dataTypes.int })).toBeNull();
    expect(csvCell(2.718281828459045, { code: dataTypes.double })).toBe('2.718281828459045');
    expect(csvCell(new Date('9999-12-31T23:59:59.999Z'), { code: dataTypes.timestamp })).toBe(
      '9999-12-31 23:59:59.999+0000',
    );
    expect(csvCell(new Date('1969-07-20T20:17:40.123Z'), { code: dataTypes.timestamp })).toBe(
      '1969-07-20 20:17:40.123+0000',
    );
    expect(csvCell(true, { code: dataTypes.boolean })).toBe('True');
  });
});
