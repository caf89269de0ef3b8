/**
 * The round-trip tests' comparison: every cell of the original rows against the rows that came back,
 * as `key column: original came back as …`, judged as Vitest's toStrictEqual judges (types, -0, NaN).
 */
import { inspect } from 'node:util';
import { expect } from 'vitest';

export type RowsByKey = Map<string, Record<string, unknown>>;

export function cellDifferences(original: RowsByKey, back: RowsByKey): string[] {
  expect([...back.keys()].sort()).toEqual([...original.keys()].sort());
  const found: string[] = [];
  for (const [key, row] of original)
    for (const [column, value] of Object.entries(row)) {
      try {
        expect(back.get(key)?.[column]).toStrictEqual(value);
      } catch {
        found.push(
          `${key} ${column}: ${inspect(value, { depth: 5 })} came back as ${inspect(back.get(key)?.[column], { depth: 5 })}`,
        );
      }
    }
  return found;
}
