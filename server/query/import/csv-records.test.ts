import { describe, expect, it } from 'vitest';
import { csvRecords, type CsvFormat, type CsvRecord } from './csv-records';

const rfc: CsvFormat = { dialect: 'rfc4180', delimiter: ',', nullMarker: '' };
const cqlsh: CsvFormat = { dialect: 'cqlsh', delimiter: ',', nullMarker: 'null' };

/** Every way of cutting the text into two chunks gives the same records as one chunk. */
async function read(text: string, format: CsvFormat): Promise<CsvRecord[]> {
  const whole = await collect([text], format);
  for (let cut = 1; cut < text.length; cut++)
    expect(await collect([text.slice(0, cut), text.slice(cut)], format), `cut at ${cut}`).toEqual(whole);
  return whole;
}

async function collect(chunks: string[], format: CsvFormat): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const batch of csvRecords(source(), format)) out.push(...batch);
  return out;
}

const rec = (firstLine: number, fields: (string | null)[], lastLine = firstLine) => ({
  kind: 'record',
  firstLine,
  lastLine,
  fields,
});

describe('csvRecords', () => {
  it('reads RFC 4180: doubled quotes, line breaks inside quotes, CRLF, "" apart from null, a BOM', async () => {
    const text = '\ufeffa,b,c\r\n1,"x ""q""",\r\n2,"multi\nline",""\n\n3,,"a,b"\n"4","y",z';
    expect(await read(text, rfc)).toEqual([
      rec(1, ['a', 'b', 'c']),
      rec(2, ['1', 'x "q"', null]),
      rec(3, ['2', 'multi\nline', ''], 4),
      rec(6, ['3', null, 'a,b']),
      rec(7, ['4', 'y', 'z']),
    ]);
  });

  it('reads what cqlsh writes: backslash escapes inside quotes, the null marker quoted or not, empty is the empty string', async () => {
    const text = 'k,v\n1,"say \\"hi\\" \\\\ now"\n2,null\n3,"null"\n4,\n5,a\\,b\n"6","x",y\n';
    expect(await read(text, cqlsh)).toEqual([
      rec(1, ['k', 'v']),
      rec(2, ['1', 'say "hi" \\ now']),
      rec(3, ['2', null]),
      rec(4, ['3', null]),
      rec(5, ['4', '']),
      rec(6, ['5', 'a,b']),
      rec(7, ['6', 'x', 'y']),
    ]);
  });

  it('rejects a bad record with its line and reads on from the next line, losing no good line', async () => {
    const text = '1,a\n4,"bad"x,5\n5,6\n6,x"y\n7,ok\n';
    const records = await read(text, rfc);
    expect(records.map((r) => [r.kind, r.firstLine])).toEqual([
      ['record', 1],
      ['bad', 2],
      ['record', 3],
      ['bad', 4],
      ['record', 5],
    ]);
    expect(records[1]).toMatchObject({ reason: expect.stringContaining('closing quote') });
    expect(records[3]).toMatchObject({ reason: expect.stringContaining('quote inside a field') });
  });

  it('a quote never closed takes the rest of the file, and says which lines', async () => {
    const records = await read('1,a\n2,"open\n3,b\n4,c\n', rfc);
    expect(records[1]).toMatchObject({ kind: 'bad', firstLine: 2, lastLine: 4 });
    expect(records).toHaveLength(2);
  });

  it('another delimiter, and a marker for null', async () => {
    expect(await read('1;NULL;""\n', { dialect: 'rfc4180', delimiter: ';', nullMarker: 'NULL' })).toEqual([
      rec(1, ['1', null, '']),
    ]);
  });
});

describe('limits', () => {
  it('a quote that never closes costs its first line once the record runs past the limit, not the rest of the file', async () => {
    const { MAX_RECORD_CHARS } = await import('./csv-records');
    const filler = `${'x'.repeat(1 << 20)}\n`;
    const chunks = ['1,"open\n', ...Array.from({ length: MAX_RECORD_CHARS / 2 ** 20 + 2 }, () => filler), '2,b\n'];
    const records = await collect(chunks, rfc);
    expect(records[0]).toMatchObject({ kind: 'bad', firstLine: 1, reason: expect.stringContaining('never to close') });
    // Reading resumed at line 2: the filler lines are rejected one by one (a quote inside a field would be), the last line loads.
    expect(records.at(-1)).toEqual(rec(MAX_RECORD_CHARS / 2 ** 20 + 4, ['2', 'b']));
  });

  it('counts an escaped line break inside quotes (cqlsh)', async () => {
    expect(await read('1,"a\\\nb"\n2,c\n', cqlsh)).toEqual([rec(1, ['1', 'a\nb'], 2), rec(3, ['2', 'c'])]);
  });
});
