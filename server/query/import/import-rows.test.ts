import { describe, expect, it } from 'vitest';
import type { TypeShape } from '../format/cql-type';
import { csvRowConverter, jsonRowConverter } from './import-rows';
import type { ImportColumn } from './import-target';
import { JsonNumberText } from './jsonl-records';

const s = (name: string): TypeShape => ({ name }) as TypeShape;
const columns: ImportColumn[] = [
  { name: 'pk', shape: s('int'), partitionKey: true, primaryKey: true },
  { name: 'ck', shape: s('text'), partitionKey: false, primaryKey: true },
  { name: 'Note', shape: s('text'), partitionKey: false, primaryKey: false },
];
const at = (firstLine: number, lastLine = firstLine) => ({ firstLine, lastLine });

describe('CSV rows', () => {
  const convert = csvRowConverter(columns);

  it('types every value and keys the row by its partition as written', () => {
    expect(convert({ kind: 'record', ...at(2), fields: ['7', '', null] })).toEqual({
      kind: 'row',
      row: { values: [7, '', null], partition: '7', bytes: 2, ...at(2) },
    });
  });

  it('rejects the whole line for one bad value, a wrong count, a null key or a bad record', () => {
    const reason = (fields: (string | null)[]) => {
      const c = convert({ kind: 'record', ...at(3, 4), fields });
      return c.kind === 'rejected' ? c.rejected : null;
    };
    expect(reason(['x', 'a', 'b'])).toEqual({ ...at(3, 4), reason: "column pk: 'x' is not an int" });
    expect(reason(['1', 'a'])).toEqual({ ...at(3, 4), reason: '2 fields where 3 were expected (pk, ck, Note)' });
    expect(reason(['1', null, 'b'])?.reason).toMatch(/^primary key column ck has no value/);
    expect(convert({ kind: 'bad', ...at(5), reason: 'why' })).toEqual({
      kind: 'rejected',
      rejected: { ...at(5), reason: 'not a CSV record: why' },
    });
  });
});

describe('JSON rows', () => {
  const convert = jsonRowConverter(columns);
  const row = (object: Record<string, unknown>) => convert({ kind: 'record', ...at(1), object, size: 10 });

  it('reads a case-sensitive column quoted as SELECT JSON writes it, and a column left out as null', () => {
    expect(row({ pk: new JsonNumberText('1'), ck: 'a', '"Note"': 'n' })).toMatchObject({
      kind: 'row',
      row: { values: [1, 'a', 'n'] },
    });
    expect(row({ pk: new JsonNumberText('1'), ck: 'a' })).toMatchObject({
      kind: 'row',
      row: { values: [1, 'a', null] },
    });
  });

  it('rejects an unknown column, a number for text and a missing key', () => {
    const reason = (object: Record<string, unknown>) => {
      const c = row(object);
      return c.kind === 'rejected' ? c.rejected.reason : null;
    };
    expect(reason({ pk: new JsonNumberText('1'), ck: 'a', nope: 1 })).toBe('the table has no column "nope"');
    expect(reason({ pk: new JsonNumberText('1'), ck: new JsonNumberText('2') })).toMatch(
      /^column ck: a JSON string was expected for text/,
    );
    expect(reason({ ck: 'a' })).toMatch(/^primary key column pk has no value/);
  });
});
