import { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cqlNumber, optionalText, rowReader, textMap } from './rows';

/** A row as the driver decodes one: a Row whose columns are its own properties. */
// The typings declare Row as an interface only; the module exports its constructor.
const Row = Reflect.get(types, 'Row') as new (columns: { name: string; type: { code: number } }[]) => types.Row;

function row(values: Record<string, unknown>): types.Row {
  const r = new Row(Object.keys(values).map((name) => ({ name, type: { code: 0 } })));
  Object.assign(r, values);
  return r;
}

describe('rowReader', () => {
  const read = rowReader(
    'system_schema.tables',
    z.object({ table_name: z.string(), compaction: textMap, comment: optionalText, size: cqlNumber }),
  );

  it('reads a driver Row into typed values', () => {
    expect(
      read(row({ table_name: 't', compaction: { class: 'LCS' }, comment: null, size: types.Long.fromNumber(7) })),
    ).toEqual({ table_name: 't', compaction: { class: 'LCS' }, comment: '', size: 7 });
    expect(read(row({ table_name: 't', compaction: null, comment: 'c', size: 1.5 }))).toMatchObject({
      compaction: {},
      size: 1.5,
    });
  });

  it('names the table and column of a row that does not fit', () => {
    expect(() => read(row({ table_name: 3, compaction: {}, comment: '', size: 1 }))).toThrow(
      /unexpected row from system_schema\.tables: table_name: /,
    );
  });
});
