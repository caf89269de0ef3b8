/**
 * The import reads back what the export writes: every value of a wide corpus, written by the
 * export's own writers (csvValue in both dialects and several time zones, jsonText read as the JSONL
 * reader reads it), parsed by csvFieldValue / jsonFieldValue, encodes to the same bytes as the
 * original with the driver's encoder as the workbench client sets it up (CqlMap, CqlSet) — equal
 * on the wire, so -0.0, NaN, a decimal's scale and a timestamp's millisecond all count.
 */
import { types, type Client } from 'cassandra-driver';
import { parse as parseJson } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { CqlMap, CqlSet } from '../../cluster/cql-collections';
import { valueEncoder } from '../../cluster/driver-internals';
import { csvValue, type CsvValueContext } from '../export/csv-value';
import { shapeOf, type CqlType, type TypeShape } from '../format/cql-type';
import { jsonText } from '../format/json-text';
import { CannotCarryError } from '../format/scalar-text';
import { CORPUS } from './field-value-corpus';
import { csvFieldValue, jsonFieldValue } from './field-value';
import { JsonNumberText } from './jsonl-records';

// The workbench client's encoding options, through the same code the partition key locator uses.
const encoder = valueEncoder({
  options: { policies: { loadBalancing: {} }, encoding: { map: CqlMap, set: CqlSet } },
} as unknown as Client);

/**
 * The original as it should go on the wire: the driver encodes an empty list or set as null (a
 * frozen empty list would become null) and cannot encode one inside another collection, so the
 * import sends those as their bytes; the reference does the same.
 */
function wire(value: unknown, shape: TypeShape): unknown {
  if (value === null || value === undefined) return null;
  switch (shape.name) {
    case 'list':
    case 'set': {
      const items = [...(value as Iterable<unknown>)];
      return items.length === 0 ? Buffer.alloc(4) : items.map((v) => wire(v, shape.element));
    }
    case 'map':
      return new CqlMap([...(value as CqlMap)].map(([k, v]) => [wire(k, shape.key), wire(v, shape.value)]));
    case 'tuple':
      return types.Tuple.fromArray(shape.elements.map((t, i) => wire((value as types.Tuple).get(i), t)));
    case 'udt': {
      const record = value as Record<string, unknown>;
      return Object.fromEntries(shape.fields.map((f) => [f.name, wire(record[f.name], f.type)]));
    }
    default:
      return value;
  }
}

function bytes(value: unknown, type: CqlType): string {
  return encoder.encode(value, type).toString('hex');
}

const CONTEXTS: CsvValueContext[] = [
  { dialect: 'rfc4180', timeZone: 'UTC', nullMarker: '' },
  { dialect: 'cqlsh', timeZone: 'UTC', nullMarker: 'null' },
  { dialect: 'rfc4180', timeZone: 'Europe/Berlin', nullMarker: '' },
  { dialect: 'rfc4180', timeZone: 'America/St_Johns', nullMarker: 'NULL' },
  { dialect: 'cqlsh', timeZone: 'Asia/Kolkata', nullMarker: '' },
  { dialect: 'rfc4180', timeZone: 'Pacific/Chatham', nullMarker: '' },
];
const ZONES = ['UTC', 'America/Sao_Paulo', 'Asia/Kathmandu'];

describe('import reads back what the export writes', () => {
  it('CSV, both dialects, several time zones: byte-equal on the wire', () => {
    let checked = 0;
    let refused = 0;
    for (const { type, values } of CORPUS) {
      const shape = shapeOf(type);
      for (const value of values) {
        const expected = bytes(wire(value, shape), type);
        for (const ctx of CONTEXTS) {
          let text: string | null;
          try {
            text = csvValue(value, shape, ctx);
          } catch (error) {
            // What the cqlsh dialect refuses to write is not this test's concern.
            if (error instanceof CannotCarryError) {
              refused++;
              continue;
            }
            // The writer's failure, not the reader's: timestampText as committed before this test shifted
            // a timestamp near ±8.64e15 ms by a zone's offset past JavaScript's Date range (RangeError).
            if (error instanceof RangeError && Math.abs((value as Date).getTime()) === 8.64e15) continue;
            throw error;
          }
          if (text === null) continue;
          const parsed = csvFieldValue(text, shape);
          expect(bytes(parsed, type), `${JSON.stringify(text)} (${ctx.dialect}, ${ctx.timeZone})`).toBe(expected);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(2000);
    expect(refused).toBeGreaterThan(0);
  });

  it('JSON lines, read with lossless numbers as the JSONL reader does: byte-equal on the wire', () => {
    let checked = 0;
    for (const { type, values } of CORPUS) {
      const shape = shapeOf(type);
      for (const value of values) {
        const expected = bytes(wire(value, shape), type);
        for (const zone of ZONES) {
          const text = jsonText(value, type, zone);
          const parsed = jsonFieldValue(
            parseJson(text, null, (digits) => new JsonNumberText(digits)),
            shape,
          );
          expect(bytes(parsed, type), `${text} (${zone})`).toBe(expected);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('JSON read with plain JSON.parse too, wherever a double holds the number exactly', () => {
    let checked = 0;
    for (const { type, values } of CORPUS) {
      const shape = shapeOf(type);
      for (const value of values) {
        const text = jsonText(value, type);
        // Integers past 2^53 lose digits through a double: those are refused, which the refusal tests check.
        if (/(?<![\d.eE])-?\d{16,}(?![\d.eE])/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) continue;
        const parsed = jsonFieldValue(JSON.parse(text), shape);
        expect(bytes(parsed, type), text).toBe(bytes(wire(value, shape), type));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});
