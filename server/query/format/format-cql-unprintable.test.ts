/**
 * Cells the cqlsh formatter cannot print: the driver handed over something that is not what the
 * column's type decodes to. They are marked and explained, never passed off as `String(value)`.
 */
import { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { formatCqlCell, formatCqlValue, UNPRINTABLE_MARK, type CqlType } from './format-cql';

const { dataTypes } = types;
const t = (code: number, info?: unknown): CqlType => ({ code, info });

describe('unprintable cells', () => {
  it('marks a value of the wrong shape for its type and says why, without the value in the reason', () => {
    const cell = formatCqlCell('12.5', t(dataTypes.decimal));
    expect(cell.text).toBe(`${UNPRINTABLE_MARK} decimal: 12.5`);
    expect(cell.unprintable).toBe('decimal cell holds a string');
    expect(formatCqlCell({ secret: 1 }, t(dataTypes.duration)).unprintable).toBe('duration cell holds an Object');
  });

  it('marks a value it cannot read at all instead of printing String(value)', () => {
    const cell = formatCqlCell('not a number', t(dataTypes.int));
    expect(cell.text.startsWith(UNPRINTABLE_MARK)).toBe(true);
    expect(cell.text).toContain('not a number');
    expect(cell.unprintable).toBe('cannot read the value (SyntaxError)');
    expect(cell.unprintable).not.toContain('not a number');
  });

  it('marks a timestamp past what a JavaScript Date holds', () => {
    const cell = formatCqlCell(new Date(Number.NaN), t(dataTypes.timestamp));
    expect(cell.text).toBe(`${UNPRINTABLE_MARK} timestamp: Invalid Date`);
    expect(cell.unprintable).toMatch(/8\.64e15/);
  });

  it('marks the part of a collection it cannot print, and flags the whole cell', () => {
    const cell = formatCqlCell(['x', 'y'], t(dataTypes.list, t(dataTypes.date)));
    expect(cell.text).toBe(`[${UNPRINTABLE_MARK} date: x, ${UNPRINTABLE_MARK} date: y]`);
    expect(cell.unprintable).toBe('date cell holds a string');
  });

  it('flags nothing for cells it prints, and formatCqlValue gives the same text', () => {
    expect(formatCqlCell(42, t(dataTypes.int))).toEqual({ text: '42', unprintable: null });
    expect(formatCqlCell(null, t(dataTypes.int))).toEqual({ text: 'null', unprintable: null });
    expect(formatCqlValue('12.5', t(dataTypes.decimal))).toBe(formatCqlCell('12.5', t(dataTypes.decimal)).text);
  });
});
